package dev.crosscheck.bench;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.SourceInfo;
import dev.crosscheck.compare.StoryComparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Report computation for a story of N sources with 20 claims each; with {@code cited}, three in four sources credit
 * their figures to one of three authorities (each with values of its own), as outlets quoting agencies do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ComparisonBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int sources;

    @Param({"false", "true"})
    public boolean cited;

    private final StoryComparator comparator = new StoryComparator();
    private List<SourceInfo> sourceInfos;
    private List<Claim> claims;

    @Setup
    public void build() {
        sourceInfos = BenchData.sources(sources);
        claims = BenchData.claims(sources, 20, cited);
    }

    @Benchmark
    public Report compare() {
        return comparator.compare("bench", sourceInfos, claims);
    }
}
