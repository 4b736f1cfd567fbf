package dev.crosscheck.bench;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.ObjectEvent;
import dev.crosscheck.store.ClaimStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.reports.ReportComputation;
import dev.crosscheck.store.ReportArchive;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Cold start of both functions in fresh JVMs (see {@link ColdBench}). This process hosts the embedded stack the
 * handlers' own SDK clients reach over HTTP: S3Proxy on 127.0.0.1 and DynamoDB Local as an HTTP server (it listens on
 * every interface; it runs only while the benchmark does). Each run launches a child JVM
 * ({@link ColdStartChild}) and takes the time from just before the process is started to the moment the child has its
 * first response; the variants run interleaved, round after round, so a slow moment of the machine hits all of them.
 */
final class ColdStart {

    /** One way of running a function: which handler, on which classpath, with which extra JVM options. */
    record Variant(String function, String name, String handler, String kind, List<String> classpath,
                   List<String> jvmOptions, boolean baseline) {
    }

    /** One child run: times in ms from process start. */
    record Run(double toMain, double init, double invoke, double total) {
    }

    private ColdStart() {
    }

    static String run(boolean quick) throws Exception {
        int rounds = quick ? 5 : 11;
        Path harness = ColdBench.harness();
        String jar = ColdBench.LAMBDA_JAR.toAbsolutePath().toString();
        List<String> serialization = ColdBench.jarsMatching("/aws-lambda-java-serialization/");
        List<String> lean = new ArrayList<>(List.of(harness.toString(), jar));
        lean.addAll(serialization);
        List<String> defaults = new ArrayList<>(lean);
        defaults.addAll(ColdBench.jarsMatching("/awssdk/apache-client/", "/httpclient/4", "/httpcore/4",
                "/commons-codec/", "/jcl-over-slf4j/", "/slf4j-api/"));

        Path ingestJsa = ColdBench.WORK.resolve("ingest.jsa").toAbsolutePath();
        Path compareJsa = ColdBench.WORK.resolve("compare.jsa").toAbsolutePath();
        Files.deleteIfExists(ingestJsa);
        Files.deleteIfExists(compareJsa);

        Variant ingest = new Variant("ingest", "crosscheck", "dev.crosscheck.lambda.IngestHandler", "s3", lean,
                List.of(), false);
        Variant ingestCds = new Variant("ingest", "crosscheck + AppCDS", ingest.handler(), "s3", lean,
                List.of("-XX:SharedArchiveFile=" + ingestJsa), false);
        Variant ingestBase = new Variant("ingest", "baseline (SDK defaults)", BaselineIngestHandler.class.getName(),
                "s3", defaults, List.of(), true);
        // The API function as deployed: the stream handler serving the stored report.
        Variant compare = new Variant("compare", "crosscheck", "dev.crosscheck.lambda.ApiHandler", "stream", lean,
                List.of(), false);
        Variant compareCds = new Variant("compare", "crosscheck + AppCDS", compare.handler(), "stream", lean,
                List.of("-XX:SharedArchiveFile=" + compareJsa), false);
        Variant compareBase = new Variant("compare", "baseline (SDK defaults)",
                BaselineCompareHandler.class.getName(), "http", defaults, List.of(), true);
        // The report function computes what the API function serves; it has no baseline of its own (the comparison
        // baseline above computed the report on the request, as the API did before reports were stored).
        Variant report = new Variant("report", "crosscheck", "dev.crosscheck.lambda.ReportHandler", "sqs", lean,
                List.of(), false);

        S3Proxy s3Proxy = null;
        DynamoDBProxyServer dynamoServer = null;
        try {
            int s3Port = ColdBench.freeLoopbackPort();
            s3Proxy = dev.crosscheck.support.Emulators.startS3Proxy(s3Port);
            int dynamoPort = ColdBench.freeLoopbackPort();
            dynamoServer = startDynamoDbLocal(dynamoPort);
            String s3Endpoint = "http://127.0.0.1:" + s3Port;
            String dynamoEndpoint = "http://127.0.0.1:" + dynamoPort;
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            S3Client s3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true)
                    .endpointOverride(URI.create(s3Endpoint)).build();
            DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(dynamoEndpoint)).build();
            ClaimStore store = new ClaimStore(dynamo, ColdBench.TABLE);
            store.createTableIfMissing();
            s3.createBucket(b -> b.bucket(ColdBench.BUCKET));
            s3.createBucket(b -> b.bucket(ColdBench.REPORTS_BUCKET));

            // The story the comparison function reports on: the two seed articles, ingested here beforehand.
            Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());
            int seq = 1;
            for (Path seed : seedArticles()) {
                String key = "cold-compare/" + seed.getFileName();
                s3.putObject(b -> b.bucket(ColdBench.BUCKET).key(key).metadata(Map.of("published", "2023-03-21")),
                        RequestBody.fromFile(seed));
                ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, ColdBench.BUCKET, key,
                        String.format("%016X", seq++), "2023-03-21T12:00:00Z"));
            }
            // Its stored report, which the API function serves (the report function stores it as deployed).
            ReportArchive archive = new ReportArchive(s3, null, ColdBench.REPORTS_BUCKET, store);
            ReportComputation computation = new ReportComputation(store, archive, new StoryComparator());
            if (computation.compute("cold-compare").outcome() != ReportComputation.Outcome.STORED) {
                throw new IllegalStateException("the cold-compare story's report was not stored");
            }
            Path sqsEvent = ColdBench.WORK.resolve("sqs-report-event.json");
            Files.writeString(sqsEvent, Files.readString(Path.of("events", "sqs-report-request.json"))
                    .replace("xi-moscow-2023", "cold-compare"));
            Path httpEvent = ColdBench.WORK.resolve("http-report-event.json");
            Files.writeString(httpEvent, Files.readString(Path.of("events", "http-report.json"))
                    .replace("xi-moscow-2023", "cold-compare"));

            Map<String, String> env = new LinkedHashMap<>();
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_REGION", "us-east-1");
            env.put("TABLE_NAME", ColdBench.TABLE);
            env.put("CROSSCHECK_S3_ENDPOINT", s3Endpoint);
            env.put("CROSSCHECK_DYNAMODB_ENDPOINT", dynamoEndpoint);
            env.put("REPORTS_BUCKET", ColdBench.REPORTS_BUCKET);
            env.put("JAVA_TOOL_OPTIONS", ColdBench.JAVA_TOOL_OPTIONS);
            Children children = new Children(s3, env, httpEvent, sqsEvent, () -> {
                // a change of the story before each run of the report function, so that each run computes
                try {
                    Path seed = seedArticles().get(0);
                    ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, ColdBench.BUCKET,
                            "cold-compare/" + seed.getFileName(), String.format("%016X", System.nanoTime()),
                            "2023-03-21T12:00:00Z"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // AppCDS archives: one training run per function writes the classes it loaded.
            boolean ingestArchive = children.train(ingest, ingestJsa);
            boolean compareArchive = children.train(compare, compareJsa);

            List<Variant> variants = new ArrayList<>(List.of(ingest, ingestBase, compare, compareBase, report));
            if (ingestArchive) {
                variants.add(1, ingestCds);
            }
            if (compareArchive) {
                variants.add(compareCds);
            }
            Map<Variant, List<Run>> runs = new LinkedHashMap<>();
            variants.forEach(v -> runs.put(v, new ArrayList<>()));
            children.launch(ingest, List.of()); // the first JVM launch of the run pays for a cold page cache
            for (int round = 0; round < rounds; round++) {
                for (Variant v : variants) {
                    runs.get(v).add(children.launch(v, v.jvmOptions()));
                }
            }
            return table(runs, rounds, ingestArchive && compareArchive);
        } finally {
            if (dynamoServer != null) {
                dynamoServer.stop();
                // DynamoDB Local leaves this in the working folder even when it runs in memory.
                Files.deleteIfExists(Path.of("dynamodb-local-metadata.json"));
            }
            if (s3Proxy != null) {
                s3Proxy.stop();
            }
        }
    }

    /** Launches child JVMs for the variants; every ingest run gets an object and an event of its own. */
    private static final class Children {
        private final S3Client s3;
        private final Map<String, String> env;
        private final Path httpEvent;
        private final Path sqsEvent;
        private final Runnable changeStory;
        private final byte[] article = ColdBench.fiveKbArticle();
        private final String s3EventTemplate;
        private int serial;

        Children(S3Client s3, Map<String, String> env, Path httpEvent, Path sqsEvent, Runnable changeStory)
                throws Exception {
            this.s3 = s3;
            this.env = env;
            this.httpEvent = httpEvent;
            this.sqsEvent = sqsEvent;
            this.changeStory = changeStory;
            this.s3EventTemplate = Files.readString(Path.of("events", "s3-put.json"));
        }

        boolean train(Variant v, Path archive) {
            try {
                // The training run also lists the classes the first invocation loads, where they came from.
                launch(v, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:class+load=info:file="
                        + ColdBench.WORK.resolve(v.function() + "-classes.log").toAbsolutePath()));
                return Files.size(archive) > 0;
            } catch (Exception e) {
                System.err.println("coldbench: no AppCDS archive for " + v.function() + ": " + e.getMessage());
                return false;
            }
        }

        Run launch(Variant v, List<String> options) throws Exception {
            Path event = httpEvent;
            if (v.kind().equals("sqs")) {
                changeStory.run();
                event = sqsEvent;
            }
            if (v.kind().equals("s3")) {
                int n = ++serial;
                String key = "cold-ingest/article-" + n + ".txt";
                s3.putObject(b -> b.bucket(ColdBench.BUCKET).key(key).metadata(Map.of("published", "2023-03-21")),
                        RequestBody.fromBytes(article));
                event = ColdBench.WORK.resolve("s3-event.json");
                Files.writeString(event, s3EventTemplate
                        .replace("xi-moscow-2023/000_8e30010a3892d27c.txt", key)
                        .replace("\"size\": 4712", "\"size\": " + article.length)
                        .replace("0065C4A1B2C3D4E5F6", String.format("%018X", n)));
            }
            List<String> cmd = new ArrayList<>(List.of(ColdBench.java(), ColdBench.SERIAL_GC));
            cmd.addAll(options);
            cmd.addAll(List.of("-cp", String.join(File.pathSeparator, v.classpath()),
                    ColdStartChild.class.getName(), v.handler(), v.kind(), event.toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectError(ColdBench.WORK.resolve("child-stderr.log").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("JAVA_")
                    || k.startsWith("CROSSCHECK_") || k.startsWith("_JAVA"));
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            long main = 0;
            long init = 0;
            long response = 0;
            StringBuilder seen = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    seen.append(line).append('\n');
                    String[] f = line.split(" ");
                    switch (f[0]) {
                        case "MAIN" -> main = Long.parseLong(f[1]);
                        case "INIT" -> init = Long.parseLong(f[1]);
                        case "RESPONSE" -> response = Long.parseLong(f[1]);
                        default -> { }
                    }
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (p.exitValue() != 0 || response == 0) {
                String err = Files.readString(ColdBench.WORK.resolve("child-stderr.log"));
                throw new IllegalStateException(v.function() + "/" + v.name() + " failed: " + seen
                        + err.substring(Math.max(0, err.length() - 3000)));
            }
            Run run = new Run((main - start) / 1e6, (init - main) / 1e6, (response - init) / 1e6,
                    (response - start) / 1e6);
            System.err.printf(Locale.ROOT, "coldbench: %s / %s: %.0f ms%n", v.function(), v.name(), run.total());
            return run;
        }
    }

    private static String table(Map<Variant, List<Run>> runs, int rounds, boolean archives) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n### Cold start: fresh JVM to the first handled event (median of %d runs each)%n%n"
                        + "| function | handler | JVM start → main | handler init | first invocation | total (min–max) "
                        + "| vs baseline | budget ≤ 0.5 |%n|---|---|---|---|---|---|---|---|%n", rounds));
        for (Variant v : runs.keySet()) {
            List<Run> r = runs.get(v);
            double total = ColdBench.pct(r.stream().map(Run::total).toList(), 50);
            double base = runs.entrySet().stream()
                    .filter(e -> e.getKey().function().equals(v.function()) && e.getKey().baseline())
                    .mapToDouble(e -> ColdBench.pct(e.getValue().stream().map(Run::total).toList(), 50))
                    .findFirst().orElse(Double.NaN);
            double ratio = total / base;
            out.append(String.format(Locale.ROOT, "| %s | %s | %.0f ms | %.0f ms | %.0f ms | **%.0f ms** (%.0f–%.0f) "
                            + "| %s | %s |%n",
                    v.function(), v.name(),
                    ColdBench.pct(r.stream().map(Run::toMain).toList(), 50),
                    ColdBench.pct(r.stream().map(Run::init).toList(), 50),
                    ColdBench.pct(r.stream().map(Run::invoke).toList(), 50),
                    total,
                    r.stream().mapToDouble(Run::total).min().orElse(0),
                    r.stream().mapToDouble(Run::total).max().orElse(0),
                    v.baseline() ? "1.00" : Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                    v.baseline() || Double.isNaN(ratio) ? "" : ratio <= 0.5 ? "met" : "MISSED"));
        }
        if (!archives) {
            out.append("\nAppCDS archives could not be created on this JVM; their rows are missing.\n");
        }
        return out.toString();
    }

    private static List<Path> seedArticles() throws Exception {
        try (var files = Files.walk(Path.of("seeds"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static DynamoDBProxyServer startDynamoDbLocal(int port) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port)});
            server.start();
            return server;
        } finally {
            System.setOut(out);
        }
    }
}
