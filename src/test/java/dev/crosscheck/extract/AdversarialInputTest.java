package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.document.Document;
import dev.crosscheck.document.Section;
import dev.crosscheck.document.Sentence;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One-megabyte single-line inputs built to make scanners and rules go quadratic must finish quickly. The bound is
 * on the CPU time of the extracting thread, so a busy build machine does not fail it, and it is a hang guard, not a
 * speed target (throughput is measured by the benchmarks, docs/benchmarks.md): these inputs take about half a second
 * on a build machine, whose speed varies by a factor of two between runs, while a rule gone quadratic on a megabyte
 * takes minutes. The wall-clock timeout only stops a run that has gone quadratic.
 */
class AdversarialInputTest {

    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();
    private static final int MB = 1 << 20;
    /** Two seconds of CPU for a megabyte: four times the usual cost, a thousandth of a quadratic one's. */
    private static final long HANG_BOUND_NANOS = 2_000_000_000L;

    private static void fast(String text) {
        Document d = new Document("adversarial", null, null, null, LocalDate.of(2023, 3, 21), "metadata", null, text,
                List.of(new Sentence(text, 0, text.length(), 0, Section.BODY)));
        EXTRACTOR.extract(d); // warm-up of the rule tables and the JIT
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        // The fastest of three runs is the code's own cost; a single run also carries whatever else the JVM did then
        // (a full suite's heap growth, recompilation). A quadratic rule makes every run slow.
        long cpu = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                System.gc(); // the garbage the suite's earlier tests left is not this run's cost
                long before = bean.getCurrentThreadCpuTime();
                EXTRACTOR.extract(d);
                best = Math.min(best, bean.getCurrentThreadCpuTime() - before);
            }
            return best;
        });
        assertTrue(cpu < HANG_BOUND_NANOS, () -> "took " + cpu / 1_000_000 + " ms of CPU for 1 MB");
    }

    private static String repeat(String unit) {
        return unit.repeat(MB / unit.length() + 1).substring(0, MB);
    }

    @Test
    void digitsAndCommas() {
        fast(repeat("1,2"));
    }

    @Test
    void longDigitRun() {
        fast(repeat("1234567890"));
    }

    @Test
    void abbreviationDots() {
        fast(repeat("a."));
    }

    @Test
    void hundredThousandNumbersInOneSentence() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < MB; i++) {
            b.append(i % 3 == 0 ? "more than " : "").append(i).append(i % 2 == 0 ? " people were killed, " : " agreements and ");
        }
        fast(b.toString());
    }

    @Test
    void datesVerbsAndActors() {
        fast(repeat("Xi met Putin on Monday and left Moscow on Tuesday after the earthquake struck at 11:56 a.m. "));
    }

    @Test
    void hyphensAndApostrophes() {
        fast(repeat("12-point-'s-'s-"));
    }

    @Test
    void manyQuotationsAndReportingVerbs() {
        fast(repeat("\"we will not accept any plan,\" Peskov said, and Xi said: \"the results matter most\" "));
    }

    @Test
    void unbalancedQuotationMarks() {
        fast(repeat("\u201c said he "));
    }

    @Test
    void headsVerbsAndPossessives() {
        fast(repeat("China's 12-point plan was presented by Xi, who signed 14 agreements and left Moscow. "));
    }
}
