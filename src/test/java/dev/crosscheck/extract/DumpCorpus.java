package dev.crosscheck.extract;

import dev.crosscheck.claim.Claim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Prints the claims of every corpus article (for inspecting rules by hand). */
final class DumpCorpus {
    public static void main(String[] args) throws Exception {
        ClaimExtractor x = new ClaimExtractor();
        try (Stream<Path> stories = Files.list(TestDocuments.CORPUS)) {
            for (Path story : stories.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(story)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                        String name = f.getFileName().toString().replace(".txt", "");
                        System.out.println("=== " + story.getFileName() + "/" + name);
                        for (Claim c : x.extract(TestDocuments.corpus(story.getFileName().toString(), name))) {
                            System.out.printf("  %-9s %-45s %-14s %s%s | %s%n", c.kind().wireName(), c.key(), c.value(),
                                    c.approximate() ? "~" : "", c.running() ? "R" : "", c.display());
                        }
                    }
                }
            }
        }
    }
}
