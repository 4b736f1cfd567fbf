package dev.crosscheck.cli;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.ReportMarkdown;
import dev.crosscheck.compare.SourceInfo;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.compare.Timeline;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.ingest.Reconciler;
import dev.crosscheck.json.Json;
import dev.crosscheck.lambda.AwsClients;
import dev.crosscheck.local.LocalStack;
import dev.crosscheck.web.PageSource;
import dev.crosscheck.web.ReportPage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.core.sync.RequestBody;

/** The {@code crosscheck} command line: {@code compare}, {@code local} and {@code demo}. */
public final class Main {

    static final String USAGE = """
            usage: crosscheck <command> [options]

              demo [--json] [--seeds DIR] [--serve]
                  Start the local stack on free ports with a fresh data folder, upload the seed articles through the
                  S3 API, wait for ingestion, print the seeds' report (readable, or the raw JSON with --json) and the
                  URL of its web page, stop; with --serve keep serving the page until Ctrl-C. DIR is a folder of
                  story folders (default seeds) or one story's folder, e.g. a corpus story.

              local [--data DIR] [--s3-port N] [--api-port N]
                  Run the local stack until Ctrl-C: S3 endpoint on 127.0.0.1:4566 (bucket crosscheck-articles),
                  DynamoDB Local in-process, HTTP API on 127.0.0.1:3000. Data lives in DIR (default .crosscheck).

              compare [--story NAME] [--format json|md|html] PATH...
                  Offline: read the article files (.txt, .md, .html, .htm) in PATHs (files or folders, with their
                  NAME.meta.json sidecars), compare them and print the report on stdout: JSON (the default), the
                  Markdown the API gives for format=md, or the report page (HTML) the API gives a browser.

              link --api URL --story NAME [--file page|json|md] [--minutes N] [--region R]
                  Print a link to the story's stored report page (or its JSON or Markdown) that anyone can open in a
                  browser for N minutes (default and most 60), without AWS credentials or access to the API. URL is
                  the API's base URL (the stack's ApiUrl output, or the local stack's); the request is signed with
                  your AWS credentials unless URL is on this machine.

              reconcile [--data DIR] [--json]
              reconcile --bucket NAME --table NAME [--report-queue URL] [--region R] [--endpoint-url URL]
                        [--dry-run] [--json]
                  Compare the articles bucket with the claims table and apply what lost events left out of step:
                  objects never read or read in an older version, documents whose sidecar changed, documents whose
                  object is gone; print what was found and done. The first form runs on the local stack's data
                  folder (default .crosscheck) while no stack runs on it (every start of the local stack does this
                  too). The second runs against an AWS stack (its ArticlesBucketName, ClaimsTableName and
                  ReportRequestQueueUrl outputs; your AWS credentials) or an emulator at URL, reading with the ingest
                  function's code in this process; --dry-run only reports. Exit status 1 when a change failed.

              claims [--json] PATH...
                  Offline: read the article files in PATHs and print, per article, every claim with its key, value,
                  scope, attribution, time referred to and modality, then the figures it did not read and why
                  (--json: the claims and coverage as JSON).
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("crosscheck: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (options.command()) {
                case "compare" -> compare(options, out, err);
                case "claims" -> claims(options, out, err);
                case "local" -> local(options, out);
                case "demo" -> demo(options, out, err);
                case "link" -> link(options, out, err);
                case "reconcile" -> reconcile(options, out, err);
                default -> {
                    err.println("crosscheck: unknown command '" + options.command() + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IOException e) {
            err.println("crosscheck " + options.command() + ": " + e.getMessage());
            return 1;
        }
    }

    static int compare(Options options, PrintStream out, PrintStream err) throws IOException {
        if (options.paths().isEmpty()) {
            err.println("crosscheck compare: give at least one file or folder");
            return 2;
        }
        String format = options.value("format", "json");
        if (!List.of("json", "md", "html").contains(format)) {
            err.println("crosscheck compare: --format must be json, md or html, not '" + format + "'");
            return 2;
        }
        List<Path> files = ArticleFiles.find(options.paths());
        String story = options.value("story", defaultStory(options.paths()));
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        List<SourceInfo> sources = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<PageSource> documents = new ArrayList<>();
        for (Path file : files) {
            Map<String, String> meta = ArticleFiles.metadata(file);
            DocumentMetadata metadata = new DocumentMetadata(meta.get("published"), meta.get("publisher"),
                    meta.get("title"), meta.get("url"), Files.getLastModifiedTime(file).toInstant());
            String id = file.getFileName().toString();
            AnalyzedArticle article = analyzer.analyze(id, Files.readAllBytes(file), metadata);
            if (article.rejected()) {
                err.println("rejected " + file + ": " + article.rejection());
                documents.add(new PageSource(id, "rejected", article.rejection(), metadata.title(),
                        metadata.publisher(), metadata.published(), null, metadata.url(), 0));
                continue;
            }
            Document d = article.document();
            documents.add(new PageSource(id, "ingested", null, d.title(), d.publisher(),
                    d.published() == null ? null : d.published().toString(), d.publishedFrom(), d.url(),
                    article.claims().size()));
            sources.add(new SourceInfo(id, d.title(), d.publisher(),
                    d.published() == null ? null : d.published().toString(), d.publishedFrom(), article.coverage(),
                    article.print(), article.eventPlaces(), d.warnings()));
            claims.addAll(article.claims());
        }
        Report report = new StoryComparator().compare(story, sources, claims);
        switch (format) {
            case "md" -> out.print(ReportMarkdown.render(report));
            case "html" -> out.print(ReportPage.render(new ReportPage.Input(report, documents, Timeline.of(claims),
                    Set.of(), Set.of(), "report.html")));
            default -> out.println(Json.writePretty(report));
        }
        return 0;
    }

    static int claims(Options options, PrintStream out, PrintStream err) throws IOException {
        if (options.paths().isEmpty()) {
            err.println("crosscheck claims: give at least one file or folder");
            return 2;
        }
        boolean json = options.flag("json");
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Path file : ArticleFiles.find(options.paths())) {
            Map<String, String> meta = ArticleFiles.metadata(file);
            DocumentMetadata metadata = new DocumentMetadata(meta.get("published"), meta.get("publisher"),
                    meta.get("title"), meta.get("url"), Files.getLastModifiedTime(file).toInstant());
            String id = file.getFileName().toString();
            AnalyzedArticle article = analyzer.analyze(id, Files.readAllBytes(file), metadata);
            if (json) {
                Map<String, Object> one = new java.util.LinkedHashMap<>();
                one.put("id", id);
                one.put("rejection", article.rejection());
                one.put("claims", article.claims());
                one.put("coverage", article.coverage());
                all.add(one);
                continue;
            }
            out.println("== " + id + (article.rejected() ? ": rejected: " + article.rejection() : ""));
            for (Claim c : article.claims()) {
                out.printf("  %-9s %-50s %-18s %s%s%s%s%s | %s%n", c.kind().wireName(), c.key(), c.value(),
                        c.modality() == dev.crosscheck.claim.Modality.ASSERTED ? "" : "[" + c.modality().wireName() + "] ",
                        c.attribution() == null ? "" : "per " + c.attribution() + " ",
                        c.scope() == null ? "" : "in " + c.scope() + " ",
                        c.asOf() == null ? "" : "as of " + c.asOf() + " ",
                        c.running() ? "(running)" : "", c.display());
            }
            dev.crosscheck.claim.Coverage cov = article.coverage();
            out.printf("  coverage: %d figures, %d claimed, %d unread%n", cov.figures(), cov.claimed(),
                    cov.figures() - cov.claimed());
            for (dev.crosscheck.claim.Coverage.Unread u : cov.unread()) {
                out.printf("    unread %-16s (%s) %s%n", u.text(), u.reason(), u.quote());
            }
        }
        if (json) {
            out.println(Json.writePretty(all));
        }
        return 0;
    }

    private static String defaultStory(List<Path> paths) {
        Path first = paths.get(0).toAbsolutePath().normalize();
        Path folder = Files.isDirectory(first) ? first : first.getParent();
        return folder == null || folder.getFileName() == null ? "default" : folder.getFileName().toString();
    }

    static int local(Options options, PrintStream out) throws Exception {
        Path data = Path.of(options.value("data", ".crosscheck"));
        LocalStack.Config config = LocalStack.Config.defaults(data)
                .withPorts(options.intValue("s3-port", 4566), options.intValue("api-port", 3000));
        LocalStack stack;
        try {
            stack = LocalStack.start(config);
        } catch (LocalStack.DataFolderInUseException running) {
            throw new IllegalArgumentException(running.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            }
            stopped.countDown();
        }));
        out.println("crosscheck local stack is running (Ctrl-C stops it)");
        out.println("  S3 endpoint : " + stack.s3Endpoint() + "  bucket " + stack.bucket()
                + "  (any credentials, e.g. test/test, region us-east-1)");
        out.println("  HTTP API    : " + stack.apiEndpoint() + "/stories");
        out.println("  data folder : " + data.toAbsolutePath().normalize());
        out.println("try:");
        out.println("  aws --endpoint-url " + stack.s3Endpoint() + " s3 cp article.txt s3://" + stack.bucket()
                + "/my-story/ --metadata published=2023-03-21,publisher=UPI");
        out.println("  curl " + stack.apiEndpoint() + "/stories/my-story/report");
        out.flush();
        stopped.await();
        return 0;
    }

    static int reconcile(Options options, PrintStream out, PrintStream err) throws Exception {
        Reconciler.Result result;
        String bucket = options.value("bucket", null);
        if (bucket == null) {
            if (options.flag("dry-run") || options.value("table", null) != null) {
                throw new IllegalArgumentException("--dry-run and --table go with --bucket (an AWS stack); the local"
                        + " stack's data folder is reconciled as its every start does");
            }
            Path data = Path.of(options.value("data", ".crosscheck"));
            if (!Files.isDirectory(data.resolve("dynamodb"))) {
                throw new IllegalArgumentException("no local stack's data in " + data.toAbsolutePath().normalize());
            }
            try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0)
                    .withLog(line -> { }))) {
                result = stack.reconciliation().get();
                stack.awaitIngestion(600_000);
            } catch (LocalStack.DataFolderInUseException running) {
                throw new IllegalArgumentException(running.getMessage());
            } catch (java.util.concurrent.ExecutionException failed) {
                err.println("crosscheck reconcile: " + failed.getCause());
                return 1;
            }
        } else {
            String table = options.value("table", null);
            if (table == null) {
                throw new IllegalArgumentException("--table NAME is needed with --bucket");
            }
            Map<String, String> env = new java.util.HashMap<>(System.getenv());
            env.put(AwsClients.TABLE_NAME, table);
            env.put(AwsClients.ARTICLES_BUCKET, bucket);
            putIfGiven(env, AwsClients.REPORT_QUEUE_URL, options.value("report-queue", null));
            putIfGiven(env, AwsClients.AWS_REGION, options.value("region", null));
            String endpoint = options.value("endpoint-url", null);
            for (String variable : List.of(AwsClients.S3_ENDPOINT, AwsClients.DYNAMODB_ENDPOINT,
                    AwsClients.SQS_ENDPOINT)) {
                putIfGiven(env, variable, endpoint);
            }
            AwsClients clients = new AwsClients(env);
            if (clients.reportQueueUrl() == null && !options.flag("dry-run")) {
                err.println("crosscheck reconcile: no --report-queue: the stories changed get no new report until"
                        + " their next change");
            }
            var s3 = clients.s3();
            var store = clients.claimStore();
            Reconciler.Changes changes = options.flag("dry-run") ? Reconciler.Changes.DRY_RUN
                    : Reconciler.Changes.by(clients.ingestor(s3, store));
            result = new Reconciler(s3, store, java.time.Clock.systemUTC()).run(bucket, changes);
        }
        if (options.flag("json")) {
            out.println(Json.write(result));
        } else {
            out.println(result.summary());
            for (Reconciler.Action action : result.actions()) {
                out.println("  " + action.finding().name().toLowerCase(java.util.Locale.ROOT) + "  " + action.key()
                        + "  -> " + action.outcome());
            }
            for (String failure : result.failures()) {
                out.println("  failed  " + failure);
            }
        }
        return result.failures().isEmpty() ? 0 : 1;
    }

    private static void putIfGiven(Map<String, String> env, String name, String value) {
        if (value != null && !value.isBlank()) {
            env.put(name, value);
        }
    }

    static int demo(Options options, PrintStream out, PrintStream err) throws Exception {
        Path seeds = Path.of(options.value("seeds", "seeds"));
        List<Path> files = ArticleFiles.find(List.of(seeds));
        if (files.isEmpty()) {
            err.println("crosscheck demo: no articles under " + seeds);
            return 1;
        }
        Path data = Files.createTempDirectory("crosscheck-demo");
        String story = null;
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0)
                .withLog(line -> { }))) {
            err.println("local stack up: S3 " + stack.s3Endpoint() + ", HTTP API " + stack.apiEndpoint());
            for (Path file : files) {
                Path relative = seeds.relativize(file);
                // a folder of stories gives each its folder's name; a story's own folder gives its name
                Path folder = seeds.toAbsolutePath().normalize().getFileName();
                String key = relative.getNameCount() > 1 ? relative.toString().replace('\\', '/')
                        : (folder == null ? "seeds" : folder.toString()) + "/" + relative;
                story = key.substring(0, key.indexOf('/'));
                stack.s3().putObject(b -> {
                    try {
                        b.bucket(stack.bucket()).key(key).metadata(ArticleFiles.metadata(file));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, RequestBody.fromFile(file));
                err.println("uploaded s3://" + stack.bucket() + "/" + key);
            }
            stack.awaitIngestion(60_000);
            HttpClient http = HttpClient.newHttpClient();
            String url = stack.apiEndpoint() + "/stories/" + URLEncoder.encode(story, StandardCharsets.UTF_8)
                    + "/report";
            err.println("GET " + url);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                err.println("report request failed: HTTP " + response.statusCode() + " " + response.body());
                return 1;
            }
            if (options.flag("json")) {
                out.println(Json.writePretty(Json.MAPPER.readTree(response.body())));
            } else {
                out.print(ReportMarkdown.render(Json.read(response.body(), Report.class)));
            }
            out.flush();
            String page = stack.apiEndpoint() + "/stories/" + URLEncoder.encode(story, StandardCharsets.UTF_8)
                    .replace("+", "%20");
            HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(page))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (html.statusCode() != 200) {
                err.println("report page request failed: HTTP " + html.statusCode());
                return 1;
            }
            if (options.flag("serve")) {
                err.println("report page: " + page + "  (serving until Ctrl-C)");
                err.flush();
                serveUntilStopped(stack, data);
            }
            err.println("report page: " + page + "  (while the stack runs: add --serve to keep it up)");
            return 0;
        } finally {
            deleteRecursively(data);
        }
    }

    /**
     * Asks the API for a presigned link to the story's stored report and prints it. The API takes IAM-signed requests
     * on AWS: the request is signed with the caller's credentials (the SDK's default chain) unless the API is on a
     * loopback address (the local stack).
     */
    static int link(Options options, PrintStream out, PrintStream err) throws Exception {
        String api = options.value("api", null);
        String story = options.value("story", null);
        if (api == null || story == null) {
            throw new IllegalArgumentException("--api URL and --story NAME are needed");
        }
        String base = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        URI uri = URI.create(base + "/stories/" + URLEncoder.encode(story, StandardCharsets.UTF_8).replace("+", "%20")
                + "/link?file=" + URLEncoder.encode(options.value("file", "page"), StandardCharsets.UTF_8)
                + "&minutes=" + URLEncoder.encode(options.value("minutes", "60"), StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(java.time.Duration.ofSeconds(30));
        if (!isLoopback(uri)) {
            signedHeaders(uri, options.value("region", regionOf(uri))).forEach(request::header);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
            err.println("crosscheck link: the story's first report is still being computed; try again in a moment");
            return 1;
        }
        if (response.statusCode() != 200) {
            err.println("crosscheck link: HTTP " + response.statusCode() + " " + response.body());
            return 1;
        }
        var body = Json.MAPPER.readTree(response.body());
        out.println(body.get("href").asText());
        err.println("valid for " + body.get("expiresInSeconds").asLong() / 60 + " minutes; the report of story version "
                + body.get("storyVersion").asLong() + (body.get("pending").asBoolean()
                ? " (a newer one is being computed)" : ""));
        return 0;
    }

    private static boolean isLoopback(URI uri) {
        try {
            return uri.getHost() != null && java.net.InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The region of an API Gateway URL (ID.execute-api.REGION.amazonaws.com), else the environment's. */
    private static String regionOf(URI uri) {
        String[] labels = uri.getHost() == null ? new String[0] : uri.getHost().split("\\.");
        for (int i = 0; i + 1 < labels.length; i++) {
            if (labels[i].equals("execute-api")) {
                return labels[i + 1];
            }
        }
        String env = System.getenv("AWS_REGION");
        return env != null ? env : System.getenv().getOrDefault("AWS_DEFAULT_REGION", "us-east-1");
    }

    /** The SigV4 headers of a GET to an IAM-authorized HTTP API, with the caller's credentials. */
    private static java.util.Map<String, String> signedHeaders(URI uri, String region) {
        var credentials = software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build()
                .resolveCredentials();
        var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(software.amazon.awssdk.http.SdkHttpRequest.builder()
                        .method(software.amazon.awssdk.http.SdkHttpMethod.GET).uri(uri).build())
                .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                        "execute-api")
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, region));
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!java.util.Set.of("host", "content-length", "connection").contains(name.toLowerCase(
                    java.util.Locale.ROOT))) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }

    /** Keeps the stack serving until the process is stopped (Ctrl-C), then stops it and removes its data. */
    private static void serveUntilStopped(LocalStack stack, Path data) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
                deleteRecursively(data);
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            }
        }));
        new CountDownLatch(1).await();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
