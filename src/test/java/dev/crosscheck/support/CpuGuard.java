package dev.crosscheck.support;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * A guard against runaway work (a quadratic rule, catastrophic backtracking) that a busy machine cannot trip.
 *
 * <p>The bound is on the CPU time of the thread doing the work, which other processes on the machine do not inflate
 * the way they inflate elapsed time; a generous wall-clock timeout still stops a true hang. This is a guard, not a
 * speed measurement: speed is measured by the benchmarks.
 */
public final class CpuGuard {

    /** How long a guarded action may run in elapsed time before it counts as hung. */
    private static final Duration HANG = Duration.ofSeconds(60);

    private CpuGuard() {
    }

    /**
     * Runs the action and fails when it used more than {@code cpuBound} of its thread's CPU time, or did not finish
     * within the hang timeout. Returns what the action returned.
     */
    public static <T> T withinCpu(Duration cpuBound, ThrowingSupplier<T> action, Supplier<String> label) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] used = new long[1];
        T result = assertTimeoutPreemptively(HANG, () -> {
            long before = threads.getCurrentThreadCpuTime();
            T value = action.get();
            used[0] = threads.getCurrentThreadCpuTime() - before;
            return value;
        }, label);
        assertTrue(used[0] <= cpuBound.toNanos(), () -> label.get() + ": took " + used[0] / 1_000_000
                + " ms of CPU, more than the " + cpuBound.toMillis() + " ms bound");
        return result;
    }
}
