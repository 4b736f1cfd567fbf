package dev.crosscheck.bench;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.document.DocumentMetadata;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * crosscheck against the peer date parser over the same text, one thread: one operation takes every article of the
 * test corpus once. {@code crosscheck} reads each article (decoding, cleaning, sentences, publication date) and
 * extracts all its claims, every kind; {@code natty} decodes it and parses its dates with the publication date as
 * reference. Both start from the article's bytes, so time per operation compares directly and MB/s is the set's size
 * over it ({@link PeerComparison} prints both and their ratio).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PeerBenchmark {

    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final NattyDates natty = new NattyDates();
    private List<PeerCorpus.Article> articles;
    private List<DocumentMetadata> metadata;
    private PrintStream err;

    @Setup
    public void load() {
        articles = PeerCorpus.articles();
        metadata = articles.stream().map(DateAccuracy::metadata).toList();
        // Natty's grammar prints every dead end it meets to standard error; printing them is not parsing.
        err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    }

    @TearDown
    public void restore() {
        System.setErr(err);
    }

    /** Bytes one operation reads. */
    static long bytesPerOperation() {
        return PeerCorpus.articles().stream().mapToLong(a -> a.content().length).sum();
    }

    @Benchmark
    public void crosscheck(Blackhole sink) {
        for (int i = 0; i < articles.size(); i++) {
            PeerCorpus.Article a = articles.get(i);
            sink.consume(analyzer.analyze(a.name(), a.content(), metadata.get(i)).claims());
        }
    }

    @Benchmark
    public void natty(Blackhole sink) {
        for (PeerCorpus.Article a : articles) {
            sink.consume(natty.parse(new String(a.content(), StandardCharsets.UTF_8), a.published()));
        }
    }
}
