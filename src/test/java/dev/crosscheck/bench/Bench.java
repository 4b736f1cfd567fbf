package dev.crosscheck.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./crosscheck bench}: runs the JMH benchmarks and prints a Markdown table (extraction MB/s; report time and
 * allocation per size), then the date comparison with a peer parser ({@link PeerComparison}). {@code --quick} runs
 * fewer, shorter iterations; {@code --peer} runs only the peer comparison,
 * {@code --capacity} only the DynamoDB capacity model ({@link CapacityModel}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (ColdBench.runSelected(args)) { return; }
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        if (java.util.Arrays.asList(args).contains("--peer")) {
            PeerComparison.run(quick);
            return;
        }
        if (java.util.Arrays.asList(args).contains("--capacity")) {
            CapacityModel.run(0.25);
            System.exit(0);   // DynamoDB Local leaves a non-daemon thread behind
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ExtractionBenchmark.class.getSimpleName())
                .include(ComparisonBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Xmx2g")
                .addProfiler("gc");
        Collection<RunResult> results = new Runner(options.build()).run();

        StringBuilder out = new StringBuilder("\n| benchmark | input | time per op | throughput | allocated per op |\n"
                + "|---|---|---|---|---|\n");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            String param = r.getParams().getParamsKeys().stream().map(k -> k + "=" + r.getParams().getParam(k))
                    .collect(java.util.stream.Collectors.joining(", "));
            Result<?> primary = r.getPrimaryResult();
            double ms = primary.getScore();
            String throughput = "";
            if (name.equals("readAndExtract")) {
                long bytes = ExtractionBenchmark.bytesPerOperation(r.getParams().getParam("input"));
                throughput = String.format(Locale.ROOT, "%.1f MB/s (%d bytes/op)", bytes / 1e6 / (ms / 1000), bytes);
            }
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            String allocated = alloc == null ? "" : String.format(Locale.ROOT, "%.1f MB", alloc.getScore() / 1e6);
            out.append(String.format(Locale.ROOT, "| %s | %s | %.3f ± %.3f ms | %s | %s |%n", name, param, ms,
                    primary.getScoreError(), throughput, allocated));
        }
        System.out.println(out);
        PeerComparison.run(quick);
        CapacityModel.run(0.25);
        System.exit(0);   // DynamoDB Local leaves a non-daemon thread behind
    }
}
