package dev.crosscheck.bench;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child JVM of the memory benchmark: what the ingest function does with an object once it has its bytes (read the
 * article, extract its claims, write each claim as the JSON the store keeps), on the Lambda artifact's classes.
 * Prints the claim count, the elapsed time and the process's peak resident memory (VmHWM); exits non-zero when the
 * heap was too small.
 */
public final class MemoryChild {

    private MemoryChild() {
    }

    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        long start = System.nanoTime();
        AnalyzedArticle analyzed = new ArticleAnalyzer().analyze("memory/large.txt", bytes,
                new DocumentMetadata("2023-03-21", "Bench", null, null, Instant.parse("2023-03-21T12:00:00Z")));
        long json = 0;
        for (Claim claim : analyzed.claims()) {
            json += Json.write(claim).length();
        }
        if (analyzed.rejection() != null) {
            System.out.println("REJECTED " + analyzed.rejection());
            System.exit(2);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\D", "")).findFirst().orElse("0");
        System.out.println("DONE claims=" + analyzed.claims().size() + " jsonChars=" + json + " ms=" + ms
                + " hwmKb=" + hwm);
    }
}
