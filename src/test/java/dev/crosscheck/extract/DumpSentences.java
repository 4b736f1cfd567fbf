package dev.crosscheck.extract;

import dev.crosscheck.claim.Claim;
import java.time.LocalDate;

/** Prints the claims of each argument sentence (for inspecting rules by hand): DATE then sentences. */
final class DumpSentences {
    public static void main(String[] args) {
        ClaimExtractor x = new ClaimExtractor();
        LocalDate published = LocalDate.parse(args[0]);
        for (int i = 1; i < args.length; i++) {
            System.out.println("=== " + args[i]);
            for (Claim c : x.extract(TestDocuments.body(args[i], published))) {
                System.out.printf("  %-9s %-45s %-14s %s%s | %s%n", c.kind().wireName(), c.key(), c.value(),
                        c.approximate() ? "~" : "", c.running() ? "R" : "", c.display());
            }
        }
    }
}
