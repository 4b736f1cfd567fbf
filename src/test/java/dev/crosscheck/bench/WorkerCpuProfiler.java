package dev.crosscheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time the benchmark threads spent per operation ({@code cpu.ms.per.op}), next to JMH's wall-clock score.
 * On a machine shared with other work the wall clock also counts the time the benchmark thread waited for a core;
 * its own CPU time does not, so before/after comparisons made at different moments stay comparable.
 * Use: {@code -prof dev.crosscheck.bench.WorkerCpuProfiler}.
 */
public final class WorkerCpuProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "CPU time of the JMH worker threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = workerCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        double msPerOp = (workerCpuNanos() - before) / 1e6 / ops;
        return List.of(new ScalarResult("cpu.ms.per.op", msPerOp, "ms/op", AggregationPolicy.AVG));
    }

    /** CPU time so far of every live JMH worker thread (they keep running between iterations of one fork). */
    private long workerCpuNanos() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                long cpu = threads.getThreadCpuTime(id);
                if (cpu > 0) {
                    sum += cpu;
                }
            }
        }
        return sum;
    }
}
