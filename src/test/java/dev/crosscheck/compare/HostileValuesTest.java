package dev.crosscheck.compare;

import static dev.crosscheck.support.CpuGuard.withinCpu;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing, comparing and rendering stay cheap on hostile values: no pattern backtracks catastrophically. */
class HostileValuesTest {

    private static final ClaimKind[] KINDS = ClaimKind.values();

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
                withinCpu(Duration.ofSeconds(1), () -> {
                    compareHostile(kind, text);
                    return null;
                }, () -> kind + " input starting " + text.substring(0, 20));
            }
        }
    }
}
