package dev.crosscheck.bench;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.document.DocumentMetadata;
import java.time.Instant;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading and extraction, one thread: one operation reads and extracts every article of the input set once.
 * Throughput in MB/s is the set's size times operations per second ({@link Bench} prints it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExtractionBenchmark {

    /** {@code corpus}: the real articles; {@code large}: one synthetic 1 MB article. */
    @Param({"corpus", "large"})
    public String input;

    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final DocumentMetadata metadata = new DocumentMetadata("2023-03-22", "Bench", null, null, Instant.now());
    private List<BenchData.Article> articles;

    @Setup
    public void load() {
        articles = input.equals("large") ? List.of(BenchData.largeArticle(1 << 20)) : BenchData.corpus();
    }

    /** Bytes one operation reads. */
    static long bytesPerOperation(String input) {
        List<BenchData.Article> set = input.equals("large") ? List.of(BenchData.largeArticle(1 << 20)) : BenchData.corpus();
        return set.stream().mapToLong(a -> a.content().length).sum();
    }

    @Benchmark
    public void readAndExtract(Blackhole sink) {
        for (BenchData.Article a : articles) {
            AnalyzedArticle result = analyzer.analyze(a.id(), a.content(), metadata);
            sink.consume(result.claims());
        }
    }
}
