package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.document.DocumentReader;
import dev.crosscheck.json.Json;
import dev.crosscheck.reports.ReportComputation;
import dev.crosscheck.support.Seeds;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Big stories on the embedded stack, all of it on loopback: a story of {@code crosscheck.big.articles} ordinary
 * articles (default 2,000) and one of {@code crosscheck.big.large} articles of about 5 MB each (default 10) are
 * uploaded through the S3 API while a reader reads a small story without pause. Then every route of every story is
 * read. Checked: every answer is far under Lambda's 6 MB (a report too large to answer inline is a 303 to a link that
 * serves it), every route answers within {@link #ROUTE_BOUND}, the small story's reads keep their latency while the
 * big ones are written, and the big stories' reports are computed a handful of times, not once per upload. The
 * figures go to {@code target/load/big-stories.md}.
 */
class BigStoriesIT {

    private static final int ARTICLES = Integer.getInteger("crosscheck.big.articles", 2_000);
    private static final int LARGE = Integer.getInteger("crosscheck.big.large", 10);
    private static final int CLIENTS = 4;
    /** Lambda's synchronous response limit: every answer must stay far under it. */
    private static final int LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
    /** The longest any route may take once the stack is quiet (API Gateway gives up at 30 s). */
    static final Duration ROUTE_BOUND = Duration.ofSeconds(5);
    /** The small story's reads while the big stories are written: 95 in 100 within this. */
    static final Duration SMALL_READ_P95_BOUND = Duration.ofSeconds(1);
    private static final String SMALL = "small-story";
    private static final String MANY = "many-articles";
    private static final String HUGE = "large-articles";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void bigStoriesAnswerEveryRouteUnderTheLimitsAndLeaveSmallStoriesFast() throws Exception {
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add))) {
            for (String seed : Seeds.FILES) {
                Seeds.upload(stack.s3(), stack.bucket(), SMALL + "/" + seed, seed);
            }
            stack.awaitIngestion(60_000);
            List<Long> quiet = readSmallStory(stack.apiEndpoint(), 60, new AtomicBoolean());

            // the big stories are written while the small one is read without pause
            AtomicBoolean stop = new AtomicBoolean();
            List<Long> loaded = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try {
                    loaded.addAll(readSmallStory(stack.apiEndpoint(), Integer.MAX_VALUE, stop));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "small-story-reader");
            reader.start();
            long started = System.nanoTime();
            List<Runnable> uploads = new ArrayList<>();
            for (int n = 0; n < LARGE; n++) {
                int i = n;
                uploads.add(() -> put(stack, HUGE + "/large-" + i + ".txt", largeArticle(i)));
            }
            for (int n = 0; n < ARTICLES; n++) {
                Articles.Article article = Articles.variant(String.format("%s/article-%05d.txt", MANY, n), n);
                uploads.add(() -> article.upload(client(stack.s3Endpoint()), stack.bucket()));
            }
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (Runnable upload : uploads) {
                done.add(clients.submit(upload));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.MINUTES);
            }
            clients.shutdown();
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            stack.awaitIngestion(20 * 60_000);
            double settledSeconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            reader.join(60_000);

            // every route of every story, once the stack is quiet
            List<String> rows = new ArrayList<>();
            Map<String, long[]> worst = new TreeMap<>();
            List<String> stories = new ArrayList<>();
            String next = null;
            do {
                Answer page = read(stack.apiEndpoint(), "/stories?limit=100" + (next == null ? "" : "&next=" + next),
                        Map.of(), worst, "stories");
                JsonNode body = Json.MAPPER.readTree(page.body());
                body.get("stories").forEach(s -> stories.add(s.get("story").asText()));
                next = body.has("next") ? URLEncoder.encode(body.get("next").asText(), StandardCharsets.UTF_8) : null;
            } while (next != null);
            assertEquals(List.of(HUGE, MANY, SMALL), stories);
            for (String story : stories) {
                String s = "/stories/" + story;
                Answer report = read(stack.apiEndpoint(), s + "/report", Map.of(), worst, "report");
                read(stack.apiEndpoint(), s + "/report?format=md", Map.of(), worst, "report?format=md");
                read(stack.apiEndpoint(), s + "/report.html", Map.of(), worst, "report.html");
                read(stack.apiEndpoint(), s, Map.of("Accept", "text/html"), worst, "page");
                read(stack.apiEndpoint(), s + "/timeline", Map.of(), worst, "timeline");
                read(stack.apiEndpoint(), s + "/report?verdict=contradiction,disputed", Map.of(), worst,
                        "report?verdict=");
                read(stack.apiEndpoint(), s + "/link", Map.of(), worst, "link");
                int claimPages = readAllPages(stack.apiEndpoint(), s + "/claims", worst, "claims");
                int sourcePages = readAllPages(stack.apiEndpoint(), s + "/sources", worst, "sources");
                assertEquals("false", report.headers().firstValue("X-Report-Pending").orElse(""), story);
                JsonNode full = Json.MAPPER.readTree(report.fullBody());
                int documents = story.equals(MANY) ? ARTICLES : story.equals(HUGE) ? LARGE : Seeds.FILES.size();
                assertEquals(documents, full.get("sources").size(), story + ": the report holds every source");
                rows.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %d | %d |", story, documents,
                        full.get("findings").size(), report.status() == 303 ? "303, link to "
                                + String.format(Locale.ROOT, "%,d", report.fullBody().length()) + " bytes"
                                : "200, " + String.format(Locale.ROOT, "%,d", report.body().length()) + " bytes",
                        claimPages, sourcePages));
            }

            Map<ReportComputation.Outcome, Long> computations = stack.reportComputations();
            List<Long> quietSorted = sorted(quiet);
            List<Long> loadedSorted = sorted(loaded);
            writeFigures(uploadSeconds, settledSeconds, computations, quietSorted, loadedSorted, worst, rows);

            for (Map.Entry<String, long[]> e : worst.entrySet()) {
                assertTrue(e.getValue()[0] < LAMBDA_RESPONSE_LIMIT, e.getKey() + " answered " + e.getValue()[0]
                        + " bytes");
                assertTrue(e.getValue()[1] < ROUTE_BOUND.toMillis(), e.getKey() + " took " + e.getValue()[1] + " ms");
            }
            assertTrue(loadedSorted.size() >= 20, "the small story was read while the big ones were written: "
                    + loadedSorted.size());
            assertTrue(percentile(loadedSorted, 95) < SMALL_READ_P95_BOUND.toMillis(), "small-story reads under "
                    + "load: p95 " + percentile(loadedSorted, 95) + " ms (quiet: " + percentile(quietSorted, 95) + ")");
            long computed = computations.get(ReportComputation.Outcome.STORED)
                    + computations.get(ReportComputation.Outcome.SUPERSEDED);
            // Coalescing as designed: a story's changes during one report delay (and during its computation) make
            // one computation, so the two stories written take at most one each per delay window of the time they
            // changed, however fast the machine ingested; and far fewer than one per upload.
            double windows = Math.ceil(settledSeconds * 1000 / LocalStack.DEFAULT_REPORT_DELAY_MILLIS) + 1;
            assertTrue(computed <= 2 * windows, computed + " report computations in " + (long) windows
                    + " delay windows of two stories: at most one per story and window");
            assertTrue(computed <= (ARTICLES + LARGE) / 4, computed + " report computations for "
                    + (ARTICLES + LARGE) + " uploads: bursts must coalesce");
            assertTrue(Files.notExists(data.resolve("failed-reports.jsonl")), "no report request failed");
        }
    }

    /** Reads the small story's report, sources and page in turn, {@code reads} times or until stopped. */
    private static List<Long> readSmallStory(String endpoint, int reads, AtomicBoolean stop) throws Exception {
        List<Long> latencies = new ArrayList<>();
        String[] paths = {"/stories/" + SMALL + "/report", "/stories/" + SMALL + "/sources",
            "/stories/" + SMALL + "/report.html", "/stories/" + SMALL + "/claims"};
        for (int i = 0; i < reads && !stop.get(); i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + paths[i % paths.length]))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            latencies.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, r.statusCode(), paths[i % paths.length] + ": " + r.body());
            if (reads == Integer.MAX_VALUE) {
                Thread.sleep(20);
            }
        }
        return latencies;
    }

    /** An answer, and for a 303 the file its link serves. */
    private record Answer(int status, java.net.http.HttpHeaders headers, String body, String fullBody) {
    }

    private static Answer read(String endpoint, String path, Map<String, String> headers, Map<String, long[]> worst,
                               String route) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
        worst.merge(route, new long[] {bytes, millis}, (a, b) -> new long[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
        assertTrue(r.statusCode() == 200 || r.statusCode() == 303, path + ": " + r.statusCode() + " " + r.body());
        String full = r.body();
        if (r.statusCode() == 303) {
            String location = r.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, file.statusCode(), location);
            full = file.body();
        }
        return new Answer(r.statusCode(), r.headers(), r.body(), full);
    }

    private static int readAllPages(String endpoint, String path, Map<String, long[]> worst, String route)
            throws Exception {
        int pages = 0;
        String next = null;
        do {
            Answer page = read(endpoint, path + (next == null ? "" : "?next=" + next), Map.of(), worst, route);
            JsonNode body = Json.MAPPER.readTree(page.body());
            next = body.has("next") ? URLEncoder.encode(body.get("next").asText(), StandardCharsets.UTF_8) : null;
            pages++;
        } while (next != null && pages < 10_000);
        return pages;
    }

    /** Article {@code n} of about 5 MB: the seed articles' paragraphs again and again, their figures varied. */
    static byte[] largeArticle(int n) {
        try {
            StringBuilder text = new StringBuilder("Large report " + n + "\n\n");
            List<String> seeds = new ArrayList<>();
            for (String seed : Seeds.FILES) {
                seeds.add(Files.readString(Seeds.file(seed), StandardCharsets.UTF_8));
            }
            long limit = DocumentReader.DEFAULT_MAX_BYTES - 64 * 1024;
            for (int round = 0; text.length() < limit - 20_000; round++) {
                text.append("Officials counted ").append(round % 500 + 3 + n).append(" delegations on day ")
                        .append(round % 28 + 1).append(".\n\n");
                String seed = seeds.get(round % seeds.size());
                text.append(seed, 0, Math.min(seed.length(), 6_000)).append("\n\n");
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final ThreadLocal<S3Client> CLIENTS_BY_THREAD = new ThreadLocal<>();

    private static S3Client client(String endpoint) {
        S3Client client = CLIENTS_BY_THREAD.get();
        if (client == null) {
            client = S3Client.builder().region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .forcePathStyle(true).endpointOverride(URI.create(endpoint)).build();
            CLIENTS_BY_THREAD.set(client);
        }
        return client;
    }

    private static void put(LocalStack stack, String key, byte[] body) {
        client(stack.s3Endpoint()).putObject(b -> b.bucket(stack.bucket()).key(key)
                .metadata(Map.of("published", "2023-03-22", "publisher", "Large Wire")), RequestBody.fromBytes(body));
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        Collections.sort(copy);
        return copy;
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void writeFigures(double uploadSeconds, double settledSeconds,
                                     Map<ReportComputation.Outcome, Long> computations, List<Long> quiet,
                                     List<Long> loaded, Map<String, long[]> worst, List<String> rows)
            throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Uploads: %,d articles and %d of about 5 MB in %.1f s; every change "
                + "ingested and every report computed %.1f s after the first upload.%n%n", ARTICLES, LARGE,
                uploadSeconds, settledSeconds));
        b.append("Report computations by outcome: ").append(computations).append("\n\n");
        b.append("| story | documents | findings | GET report | claims pages | sources pages |\n|---|---|---|---|---|---|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        b.append("\n| route | largest answer (bytes) | slowest (ms) |\n|---|---|---|\n");
        worst.forEach((route, w) -> b.append(String.format(Locale.ROOT, "| %s | %,d | %,d |%n", route, w[0], w[1])));
        b.append(String.format(Locale.ROOT, "%nSmall story, quiet: %d reads, p50 %d ms, p95 %d ms, max %d ms; while "
                + "the big stories were written: %d reads, p50 %d ms, p95 %d ms, max %d ms.%n", quiet.size(),
                percentile(quiet, 50), percentile(quiet, 95), percentile(quiet, 100), loaded.size(),
                percentile(loaded, 50), percentile(loaded, 95), percentile(loaded, 100)));
        Path out = Path.of("target", "load", "big-stories.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
        System.out.print(b);
    }
}
