package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparison stays about linear in the number of claims, and parsing stays cheap on hostile values. */
class ComparatorPerformanceTest {

    private static final ClaimKind[] KINDS = ClaimKind.values();

    private static List<Claim> claims(int sources, int perSource, boolean distinctValues) {
        List<Claim> claims = new ArrayList<>(sources * perSource);
        for (int s = 0; s < sources; s++) {
            for (int k = 0; k < perSource; k++) {
                ClaimKind kind = KINDS[k % KINDS.length];
                String value = switch (kind) {
                    case COUNT -> distinctValues ? ">" + s : String.valueOf(10 + s % 3);
                    case QUANTITY -> (distinctValues ? 1000 + s : 7 + s % 2) + " km";
                    case DATE -> "2023-03-" + (10 + s % 5);
                    case DURATION -> "P" + (1 + s % 4) + "D";
                    case PARTICIPANTS -> "a; b" + (s % 7);
                    case QUOTE -> "words " + s;
                    case STATEMENT -> s % 2 == 0 ? "affirmed" : "negated";
                };
                claims.add(new Claim(kind, "key" + k, "subject " + k, null, value, value, s % 5 == 0,
                        k == 0, 0.8, new Evidence("source-" + s, "Sentence.", 0, 9, 0)));
            }
        }
        return claims;
    }

    private static List<SourceInfo> sources(int n) {
        List<SourceInfo> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            out.add(new SourceInfo("source-" + s, null, null, "2023-03-" + (10 + s % 20), null));
        }
        return out;
    }

    /** Best of three runs after warming up, so that a busy machine or a cold JIT does not decide the outcome. */
    private static long bestMillis(StoryComparator comparator, List<SourceInfo> sources, List<Claim> claims) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Report r = comparator.compare("story", sources, claims);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            assertEquals(10_000, r.sources().size());
        }
        return best;
    }

    @Test
    void tenThousandSourcesOfTwentyClaims() {
        StoryComparator comparator = new StoryComparator(Fixtures.CLOCK);
        List<SourceInfo> sources = sources(10_000);
        List<Claim> few = claims(10_000, 20, false);
        List<Claim> many = claims(10_000, 20, true);
        for (int i = 0; i < 3; i++) {
            comparator.compare("warm-up", sources, few);
            comparator.compare("warm-up", sources, many);
        }
        long fewValues = bestMillis(comparator, sources, few);
        long manyValues = bestMillis(comparator, sources, many);
        assertTrue(fewValues < 1000, () -> "few distinct values: " + fewValues + " ms");
        assertTrue(manyValues < 1000, () -> "a distinct value per source: " + manyValues + " ms");
    }

    /** Compares and renders two claims of one kind whose value (and one sentence) is the given text. */
    private static void compareHostile(ClaimKind kind, String text) {
        List<Claim> claims = List.of(
                new Claim(kind, "k", "subject", null, text, "display", false, true, 0.5,
                        new Evidence("a", text, 0, 1, 0)),
                new Claim(kind, "k", "subject", null, text, "display", false, true, 0.5,
                        new Evidence("b", "Sentence.", 0, 1, 0)));
        Report report = new StoryComparator(Fixtures.CLOCK).compare("s", List.of(), claims);
        ReportMarkdown.render(report);
    }

    @Test
    void hostileValuesFinishQuickly() {
        String benign = "a".repeat(1_000_000);
        for (ClaimKind kind : KINDS) {
            compareHostile(kind, benign);
        }
        List<String> hostile = List.of(
                "1".repeat(1_000_000) + "x",
                "1" + " ".repeat(1_000_000) + "-",
                "P" + "1".repeat(500_000) + "T".repeat(500_000),
                "not:" + " and".repeat(250_000),
                "2023-" + "0".repeat(1_000_000),
                "*_[".repeat(340_000));
        for (String text : hostile) {
            for (ClaimKind kind : KINDS) {
                assertTimeoutPreemptively(Duration.ofSeconds(1), () -> compareHostile(kind, text),
                        () -> kind + " input starting " + text.substring(0, 20));
            }
        }
    }
}
