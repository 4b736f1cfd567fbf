package dev.crosscheck.bench;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.document.DocumentReader;
import dev.crosscheck.local.LocalStack;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What users of the deployed functions feel, measured outside JMH because most of it happens in fresh processes:
 * <ul>
 *   <li>{@code size}: the Lambda artifact's size against its budget;</li>
 *   <li>{@code ingest}: warm ingestion of one 5 KB article through the embedded stack's S3 API, from the start of the
 *       PUT until the ingest function has stored the document;</li>
 *   <li>{@code cold}: a fresh JVM from process start to the first handled S3 event and the first handled HTTP request,
 *       for each function, on the Lambda artifact, beside a baseline handler built with the SDK's defaults, with and
 *       without an AppCDS archive;</li>
 *   <li>{@code memory}: the smallest heap that ingests the largest accepted article (5 MB), and the process's peak
 *       resident memory.</li>
 * </ul>
 * {@code ./crosscheck bench} runs these before the JMH benchmarks; {@code --only size,ingest,cold,memory} (any of them)
 * runs just those. Results are printed as Markdown and written to {@code target/coldbench/results.md}.
 */
public final class ColdBench {

    static final List<String> PARTS = List.of("size", "ingest", "cold", "memory");
    static final Path WORK = Path.of("target", "coldbench");
    static final Path LAMBDA_JAR = Path.of("target", "crosscheck-lambda.jar");
    static final String BUCKET = "crosscheck-articles";
    static final String REPORTS_BUCKET = "cold-reports";
    static final String TABLE = "crosscheck-claims";
    /** The template's JAVA_TOOL_OPTIONS, for every child JVM; SerialGC is what the JVM picks on one vCPU. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final String SERIAL_GC = "-XX:+UseSerialGC";
    static final long BUDGET_BYTES = 20_000_000L;

    private ColdBench() {
    }

    public static void main(String[] args) throws Exception {
        runSelected(args);
    }

    /**
     * Runs the parts selected by {@code --only} (all of them when it is absent) and returns true when {@code --only}
     * named nothing but these parts, so the caller has nothing else to run.
     */
    public static boolean runSelected(String[] args) throws Exception {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        Set<String> only = new LinkedHashSet<>();
        int i = list.indexOf("--only");
        if (i >= 0 && i + 1 < list.size()) {
            for (String s : list.get(i + 1).split(",")) {
                only.add(s.strip());
            }
        }
        List<String> mine = PARTS.stream().filter(p -> only.isEmpty() || only.contains(p) || only.contains("lambda"))
                .toList();
        if (mine.isEmpty()) {
            return false;
        }
        Files.createDirectories(WORK);
        StringBuilder out = new StringBuilder();
        if (mine.contains("size") || mine.contains("cold") || mine.contains("memory")) {
            ensureLambdaJar();
        }
        for (String part : mine) {
            System.err.println("coldbench: " + part + (quick ? " (quick)" : ""));
            String section = switch (part) {
                case "size" -> size();
                case "ingest" -> warmIngest(quick);
                case "cold" -> ColdStart.run(quick);
                case "memory" -> memory(quick);
                default -> throw new IllegalArgumentException(part);
            };
            System.out.println(section);
            out.append(section).append('\n');
        }
        Files.writeString(WORK.resolve("results.md"), out.toString());
        return !only.isEmpty() && PARTS.containsAll(only.stream().filter(s -> !s.equals("lambda")).toList());
    }

    // ------------------------------------------------------------------ artifact size

    static String size() throws IOException {
        long bytes = Files.size(LAMBDA_JAR);
        return String.format(Locale.ROOT, "%n### Lambda artifact%n%n| artifact | size | budget | verdict |%n|---|---|---|---|%n"
                        + "| target/crosscheck-lambda.jar | %,d bytes (%.2f MB) | %,d bytes (15 MB) | %s |%n",
                bytes, bytes / 1e6, BUDGET_BYTES, bytes <= BUDGET_BYTES ? "within" : "OVER");
    }

    /** Builds the Lambda artifact when it is missing or older than the compiled classes. */
    static void ensureLambdaJar() throws Exception {
        long jar = Files.exists(LAMBDA_JAR) ? Files.getLastModifiedTime(LAMBDA_JAR).toMillis() : 0;
        long newest;
        try (Stream<Path> files = Files.walk(Path.of("target", "classes"))) {
            newest = files.mapToLong(p -> p.toFile().lastModified()).max().orElse(Long.MAX_VALUE);
        }
        if (jar >= newest) {
            return;
        }
        System.err.println("coldbench: building the Lambda artifact (mvn package -DskipTests)");
        Process p = new ProcessBuilder("mvn", "-q", "-B", "-o", "-DskipTests", "package").inheritIO().start();
        if (p.waitFor() != 0 || !Files.exists(LAMBDA_JAR)) {
            throw new IllegalStateException("could not build " + LAMBDA_JAR + "; run mvn package -DskipTests");
        }
    }

    // ------------------------------------------------------------------ warm ingestion

    private static final Pattern HANDLED = Pattern.compile("\"key\":\"([^\"]*)\",\"outcome\":\"([a-z]+)\"");

    /**
     * One 5 KB article at a time through the embedded stack: the PUT goes through the S3 API (S3Proxy on loopback),
     * the bucket's event invokes the ingest handler asynchronously, which reads the object back through S3 and writes
     * the document and its claims to DynamoDB Local. The clock stops when the handler logs the outcome for that key
     * (after the store write returned); the next PUT starts only then.
     */
    static String warmIngest(boolean quick) throws Exception {
        int warmup = quick ? 30 : 100;
        int measured = quick ? 50 : 200;
        byte[] article = fiveKbArticle();
        Map<String, Long> handled = new ConcurrentHashMap<>();
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        Path data = Files.createTempDirectory("crosscheck-warm-ingest");
        List<Double> total = new ArrayList<>();
        List<Double> put = new ArrayList<>();
        Map<String, List<Double>> stages = new LinkedHashMap<>();
        try (LocalStack stack = LocalStack.start(new LocalStack.Config(data, 0, 0, BUCKET, TABLE, line -> {
            Matcher m = HANDLED.matcher(line);
            if (m.find()) {
                long now = System.nanoTime();
                outcomes.put(m.group(1), m.group(2)); // before handled: the waiting thread reads it next
                handled.put(m.group(1), now);
            }
        }))) {
            S3Client s3 = stack.s3();
            for (int i = 0; i < warmup + measured; i++) {
                String key = "warm-" + (i / 20) + "/article-" + i + ".txt";
                long start = System.nanoTime();
                s3.putObject(b -> b.bucket(BUCKET).key(key)
                        .metadata(Map.of("published", "2023-03-21", "publisher", "Bench")),
                        RequestBody.fromBytes(article));
                long putDone = System.nanoTime();
                long deadline = start + TimeUnit.SECONDS.toNanos(30);
                Long done;
                while ((done = handled.get(key)) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not ingested within 30 s: " + key);
                    }
                    LockSupport.parkNanos(20_000);
                }
                if (!"ingested".equals(outcomes.get(key))) {
                    throw new IllegalStateException(key + ": " + outcomes.get(key));
                }
                if (i >= warmup) {
                    total.add((done - start) / 1e6);
                    put.add((putDone - start) / 1e6);
                }
            }
            stages(stack, article, warmup / 2, measured / 2, stages);
        } finally {
            deleteTree(data);
        }
        return String.format(Locale.ROOT, "%n### Warm ingestion of one 5 KB article (embedded stack, through the S3 API)"
                        + "%n%n%d bytes, %d warm-up ingestions, then %d measured, one at a time.%n%n"
                        + "| measure | median | p90 | p99 | max | budget |%n|---|---|---|---|---|---|%n"
                        + "| PUT start → document stored | %.1f ms | %.1f ms | %.1f ms | %.1f ms | < 50 ms median: %s |%n"
                        + "| of which the PUT call | %.1f ms | %.1f ms | %.1f ms | %.1f ms | |%n",
                article.length, warmup, measured,
                pct(total, 50), pct(total, 90), pct(total, 99), pct(total, 100),
                pct(total, 50) < 50 ? "met" : "MISSED",
                pct(put, 50), pct(put, 90), pct(put, 99), pct(put, 100))
                + stageTable(stages);
    }

    /**
     * Where the time goes: the stages of Ingestor.apply called one by one on the same stack, with the same article,
     * under keys the bucket's notifications ignore (so no ingestion runs alongside).
     */
    static void stages(LocalStack stack, byte[] article, int warmup, int measured, Map<String, List<Double>> out) {
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        DocumentMetadata metadata = new DocumentMetadata("2023-03-21", "Bench", null, null,
                Instant.parse("2023-03-21T12:00:00Z"));
        for (String stage : List.of("S3 PUT", "S3 HEAD + GET", "read + extract", "store write (DynamoDB Local)")) {
            out.put(stage, new ArrayList<>());
        }
        for (int i = 0; i < warmup + measured; i++) {
            String story = "stages-" + (i / 20);
            String key = story + "/article-" + i + ".bin";
            long t0 = System.nanoTime();
            stack.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(article));
            long t1 = System.nanoTime();
            stack.s3().headObject(b -> b.bucket(BUCKET).key(key));
            byte[] bytes = stack.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
            long t2 = System.nanoTime();
            AnalyzedArticle analyzed = analyzer.analyze(key, bytes, metadata);
            long t3 = System.nanoTime();
            stack.store().saveDocument(new StoredDocument(story, key, DocumentStatus.INGESTED, null, null, "Bench",
                    "metadata", "2023-03-21", "metadata", null, UUID.randomUUID().toString(),
                    String.format("%020d", i + 1), analyzed.claims().size(), "2023-03-21T12:00:00Z"),
                    analyzed.claims());
            long t4 = System.nanoTime();
            if (i >= warmup) {
                out.get("S3 PUT").add((t1 - t0) / 1e6);
                out.get("S3 HEAD + GET").add((t2 - t1) / 1e6);
                out.get("read + extract").add((t3 - t2) / 1e6);
                out.get("store write (DynamoDB Local)").add((t4 - t3) / 1e6);
            }
        }
    }

    static String stageTable(Map<String, List<Double>> stages) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nThe stages of Ingestor.apply, called one "
                + "by one on the same stack (%d measured each):%n%n| stage | median | p90 |%n|---|---|---|%n",
                stages.values().iterator().next().size()));
        stages.forEach((stage, values) -> out.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms |%n",
                stage, pct(values, 50), pct(values, 90))));
        return out.toString();
    }

    /** About 5 KB of realistic news text: the corpus paragraphs, as the JMH extraction benchmark uses them. */
    static byte[] fiveKbArticle() {
        return BenchData.largeArticle(5 * 1024).content();
    }

    // ------------------------------------------------------------------ memory

    /**
     * The largest accepted article (just under the 5 MiB limit, realistic text) read and extracted in a child JVM on
     * the Lambda artifact, with SerialGC: first with a 1 GiB heap for the time and the peak resident memory, then with
     * ever smaller heaps (bisection) until it fails, giving the smallest heap that suffices.
     */
    static String memory(boolean quick) throws Exception {
        byte[] large = BenchData.largeArticle(5_000_000).content();
        if (large.length > DocumentReader.DEFAULT_MAX_BYTES) {
            large = Arrays.copyOf(large, (int) DocumentReader.DEFAULT_MAX_BYTES - 4096);
        }
        Path file = WORK.resolve("large-article.txt");
        Files.write(file, large);
        Path harness = harness();
        String cp = harness + File.pathSeparator + LAMBDA_JAR.toAbsolutePath();

        MemoryRun generous = memoryRun(cp, file, 1024);
        if (!generous.ok()) {
            throw new IllegalStateException("5 MB article failed with a 1 GiB heap: " + generous.output());
        }
        int lo = 8;
        int hi = 1024;
        int step = quick ? 32 : 8;
        while (hi - lo > step) {
            int mid = (lo + hi) / 2;
            if (memoryRun(cp, file, mid).ok()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        MemoryRun atMin = memoryRun(cp, file, hi);
        return String.format(Locale.ROOT, "%n### Memory: the largest accepted article (%,d bytes)%n%n"
                        + "| heap (-Xmx, SerialGC) | outcome | extraction time | claims | peak RSS (VmHWM) |%n"
                        + "|---|---|---|---|---|%n"
                        + "| 1024 MB | %s | %s | %s | %s |%n"
                        + "| %d MB (smallest that succeeds, to %d MB) | %s | %s | %s | %s |%n"
                        + "| %d MB | fails | | | |%n",
                large.length, generous.summary(), generous.field("ms", " ms"), generous.field("claims", ""),
                generous.rss(), hi, step, atMin.ok() ? "ok" : "failed on rerun", atMin.field("ms", " ms"),
                atMin.field("claims", ""), atMin.rss(), lo);
    }

    record MemoryRun(boolean ok, String output) {
        String summary() {
            return ok ? "ok" : "failed";
        }

        String field(String name, String unit) {
            Matcher m = Pattern.compile("(?<![a-zA-Z])" + name + "=(\\d+)").matcher(output);
            return m.find() ? String.format(Locale.ROOT, "%,d%s", Long.parseLong(m.group(1)), unit) : "";
        }

        String rss() {
            Matcher m = Pattern.compile("hwmKb=(\\d+)").matcher(output);
            return m.find() ? String.format(Locale.ROOT, "%d MB", Long.parseLong(m.group(1)) / 1024) : "";
        }
    }

    static MemoryRun memoryRun(String cp, Path file, int heapMb) throws Exception {
        List<String> cmd = List.of(java(), SERIAL_GC, "-XX:TieredStopAtLevel=1", "-Xmx" + heapMb + "m",
                "-cp", cp, MemoryChild.class.getName(), file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean exited = p.waitFor(300, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        boolean ok = exited && p.exitValue() == 0 && output.contains("DONE ");
        System.err.println("coldbench: memory -Xmx" + heapMb + "m: " + (ok ? output.strip() : "failed"));
        return new MemoryRun(ok, output);
    }

    // ------------------------------------------------------------------ shared helpers

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A jar holding only the child programs and the baseline handlers, so a child JVM's classpath is the Lambda
     * artifact plus these few classes, never the project's own build output. (A jar, not a folder: AppCDS archives
     * accept only jars on the classpath.)
     */
    static Path harness() throws IOException {
        Path jar = WORK.resolve("harness.jar").toAbsolutePath();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : List.of(ColdStartChild.class, MemoryChild.class, BaselineIngestHandler.class,
                    BaselineCompareHandler.class)) {
                Path source;
                try {
                    source = Path.of(c.getResource(c.getSimpleName() + ".class").toURI()).getParent();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                try (Stream<Path> files = Files.list(source)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().equals(c.getSimpleName() + ".class")
                            || f.getFileName().toString().startsWith(c.getSimpleName() + "$")).sorted().toList()) {
                        out.putNextEntry(new JarEntry("dev/crosscheck/bench/" + f.getFileName()));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    /** Jars of this JVM's classpath whose path contains one of the fragments. */
    static List<String> jarsMatching(String... fragments) {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            for (String f : fragments) {
                if (entry.replace('\\', '/').contains(f)) {
                    out.add(entry);
                    break;
                }
            }
        }
        return out;
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        if (percentile == 50) {
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
