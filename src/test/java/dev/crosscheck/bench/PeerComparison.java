package dev.crosscheck.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The side-by-side run for dates: {@link PeerBenchmark} (throughput of crosscheck and of the peer over the test corpus,
 * one thread, several fresh JVMs) and {@link DateAccuracy} (the corpus's date expectations each gets right), printed
 * as Markdown with the budget: crosscheck at least 20 times the peer's throughput, and no expectation the peer gets
 * that crosscheck misses. Run by {@code ./crosscheck bench} (after the other benchmarks) or alone with
 * {@code ./crosscheck bench --peer}.
 */
public final class PeerComparison {

    /** crosscheck's throughput must be at least this multiple of the peer's. */
    static final double THROUGHPUT_BUDGET = 20;

    private PeerComparison() {
    }

    public static void main(String[] args) throws Exception {
        run(Arrays.asList(args).contains("--quick"));
    }

    static void run(boolean quick) throws Exception {
        if (!PeerCorpus.present()) {
            System.out.println("\nPeer comparison skipped: no test corpus at " + PeerCorpus.ROOT);
            return;
        }
        int forks = quick ? 1 : 3;
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(PeerBenchmark.class.getSimpleName())
                .forks(forks)
                // Natty needs far longer than crosscheck to reach steady state (an operation takes it hundreds of
                // milliseconds at first): it gets 20 s of warm-up per fork, so it is measured at its best.
                .warmupIterations(quick ? 3 : 10).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Xmx2g")
                .build()).run();

        long bytes = PeerBenchmark.bytesPerOperation();
        double crosscheckMs = Double.NaN;
        double peerMs = Double.NaN;
        double crosscheckBest = Double.NaN;
        double peerBest = Double.NaN;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n### Dates side by side with Natty: throughput (one thread, %d bytes of corpus text per operation)%n%n"
                        + "| implementation | median time per op | min – max | MB/s (median) | measured iterations |%n"
                        + "|---|---|---|---|---|%n", bytes));
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
            }
            scores.sort(null);
            double median = median(scores);
            if (name.equals("crosscheck")) {
                crosscheckMs = median;
                crosscheckBest = scores.get(0);
            } else {
                peerMs = median;
                peerBest = scores.get(0);
            }
            out.append(String.format(Locale.ROOT, "| %s | %.3f ms | %.3f – %.3f ms | %.2f | %d (%d forks) |%n",
                    name.equals("crosscheck") ? "crosscheck: read + extract all claims" : "Natty 0.13: parse dates",
                    median, scores.get(0), scores.get(scores.size() - 1), bytes / 1e6 / (median / 1000), scores.size(),
                    forks));
        }
        double ratio = peerMs / crosscheckMs;

        List<DateAccuracy.Outcome> outcomes = DateAccuracy.evaluate(PeerCorpus.articles(), PeerCorpus.dateChecks());
        DateAccuracy.Score s = DateAccuracy.score(outcomes);
        out.append(String.format(Locale.ROOT, "%n### Dates side by side with Natty: the corpus's date expectations%n%n"
                + "| story | expectation | source | value | crosscheck | Natty | Natty, finer answer accepted |%n"
                + "|---|---|---|---|---|---|---|%n"));
        for (DateAccuracy.Outcome o : outcomes) {
            PeerCorpus.DateCheck c = o.check();
            out.append(String.format(Locale.ROOT, "| %s | %s%s | %s | %s | %s | %s | %s |%n", c.story(), c.id(),
                    c.stretch() ? " (stretch)" : "", c.source(), c.value(), mark(o.crosscheck()), mark(o.peer()),
                    mark(o.peerLenient())));
        }
        out.append(String.format(Locale.ROOT, "| **total** | | | | **%d / %d** | **%d / %d** | **%d / %d** |%n",
                s.crosscheck(), s.checks(), s.peer(), s.checks(), s.peerLenient(), s.checks()));

        boolean fastEnough = ratio >= THROUGHPUT_BUDGET;
        boolean asAccurate = s.peerOnly() == 0 && s.crosscheck() >= s.peerLenient();
        // Other work on the machine only ever adds time: the best iterations are the least disturbed.
        double bestRatio = peerBest / crosscheckBest;
        out.append(String.format(Locale.ROOT, "%nLoad average (1 min) before and after: %s and %s on %d cores.%n",
                loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "Throughput ratio crosscheck / Natty, medians: %.1fx (budget >= %.0fx): "
                        + "%s; best iterations: %.1fx: %s%n", ratio, THROUGHPUT_BUDGET, fastEnough ? "MET" : "MISSED",
                bestRatio, bestRatio >= THROUGHPUT_BUDGET ? "MET" : "MISSED"));
        if (quick) {
            out.append("(--quick: Natty is far from its steady state after 3 s of warm-up, so this ratio flatters "
                    + "crosscheck; quote only a full run.)\n");
        }
        out.append(String.format(Locale.ROOT, "Date expectations: crosscheck %d / %d, Natty %d / %d (%d with finer "
                        + "answers accepted); Natty right where crosscheck is wrong: %d (budget 0): %s%n",
                s.crosscheck(), s.checks(), s.peer(), s.checks(), s.peerLenient(), s.peerOnly(),
                asAccurate ? "MET" : "MISSED"));
        System.out.println(out);
    }

    /** The 1-minute load average (Linux), to show how busy the machine was; "unknown" elsewhere. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String mark(boolean right) {
        return right ? "yes" : "no";
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
