package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Load on the embedded stack, all of it on loopback: {@code crosscheck.load.uploads} distinct articles (default 40)
 * uploaded through the S3 API by {@code crosscheck.load.clients} concurrent clients (default 20), each with its own S3
 * client, while a reader reads reports through the HTTP API without pause. Every document must be ingested exactly
 * once, with exactly the claims a fresh extraction gives, and no request may fail. The report latency seen by the
 * reader is written to {@code target/load/figures.txt}. Every loop is bounded in count and by a deadline.
 *
 * <p>The full run: {@code mvn -B verify -Dit.test=LocalStackLoadIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcrosscheck.load.uploads=500 -Dcrosscheck.load.clients=20}.
 */
class LocalStackLoadIT {

    private static final int UPLOADS = Integer.getInteger("crosscheck.load.uploads", 40);
    private static final int CLIENTS = Integer.getInteger("crosscheck.load.clients", 20);
    private static final int STORIES = 25;
    private static final String SEED_STORY = "load-seed";
    private static final long DEADLINE_MILLIS = 20 * 60_000L;
    /** The reader's pause between two reads. */
    private static final long READ_PAUSE_MILLIS = Long.getLong("crosscheck.load.readPauseMillis", 0);
    /** Every HTTP request the upload clients sent, retries included. */
    private static final AtomicInteger S3_ATTEMPTS = new AtomicInteger();
    /** PUT requests sent per key, retries included. */
    private static final Map<String, Integer> PUTS = new ConcurrentHashMap<>();
    /** Attempts of the upload clients that ended without an answer, with the error. */
    private static final List<String> NO_ANSWER = Collections.synchronizedList(new ArrayList<>());
    /** Answers other than 200 the upload clients received, with the key. */
    private static final List<String> NOT_OK = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path data;

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void uploadsFromConcurrentClientsWhileReportsAreReadAreIngestedExactlyOnce() throws Exception {
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        List<Articles.Article> articles = new ArrayList<>();
        long expectedClaims = 0;
        for (int n = 0; n < UPLOADS; n++) {
            Articles.Article article = Articles.variant(
                    String.format("load-%02d/article-%04d.txt", n % STORIES, n), n);
            articles.add(article);
            expectedClaims += article.expectedClaims(analyzer).size();
        }
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add))) {
            List<Articles.Article> seeds = List.of(Articles.variant(SEED_STORY + "/a.txt", 1000),
                    Articles.variant(SEED_STORY + "/b.txt", 1001));
            for (Articles.Article seed : seeds) {
                seed.upload(stack.s3(), stack.bucket());
                expectedClaims += seed.expectedClaims(analyzer).size();
            }
            stack.awaitIngestion(60_000);

            Reader reader = new Reader(stack.apiEndpoint(), deadline);
            Thread readerThread = new Thread(reader, "load-reader");
            readerThread.setDaemon(true);
            readerThread.start();

            List<String> uploadFailures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    try (S3Client s3 = client(stack.s3Endpoint())) {
                        for (int n = next.getAndIncrement(); n < UPLOADS && System.currentTimeMillis() < deadline;
                             n = next.getAndIncrement()) {
                            try {
                                articles.get(n).upload(s3, stack.bucket());
                            } catch (RuntimeException e) {
                                uploadFailures.add(articles.get(n).key() + ": " + e);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
            clients.shutdown();
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            stack.awaitIngestion(Math.max(1, deadline - System.currentTimeMillis()));
            double ingestSeconds = (System.nanoTime() - started) / 1e9;
            reader.stop.set(true);
            readerThread.join(30_000);

            assertEquals(List.of(), uploadFailures, "no upload failed");
            assertEquals(List.of(), reader.failures.subList(0, Math.min(10, reader.failures.size())),
                    "no read failed");
            assertTrue(reader.latencies.size() >= 10, "the reports were read while the load ran: "
                    + reader.latencies.size());

            // Exactly once: one handled event per upload, each an ingestion; one version of each document.
            Map<String, Integer> ingestions = new HashMap<>();
            long handled = 0;
            for (String line : log) {
                if (line.contains("\"outcome\":")) {
                    handled++;
                    JsonNode record = Json.MAPPER.readTree(line);
                    assertEquals("ingested", record.get("outcome").asText(), line);
                    ingestions.merge(record.get("key").asText(), 1, Integer::sum);
                }
            }
            // An upload whose answer was lost is sent again by its client's SDK and may be stored again: S3 sends an
            // event for each write. So each key is ingested at least once and at most once per PUT request sent.
            String retries = "client retries: " + (S3_ATTEMPTS.get() - UPLOADS) + ", answers other than 200: "
                    + NOT_OK + ", attempts without an answer: " + NO_ANSWER;
            int twice = 0;
            for (Articles.Article article : articles) {
                int ingested = ingestions.getOrDefault(article.key(), 0);
                int puts = PUTS.getOrDefault(article.key(), 0);
                assertTrue(ingested >= 1 && ingested <= puts, article.key() + " ingested " + ingested
                        + " times for " + puts + " PUT requests; " + retries);
                twice += ingested - 1;
            }
            assertEquals(UPLOADS + seeds.size() + twice, handled, "one handled event per stored write");
            retries += ", ingested again after a client retry: " + twice;
            System.out.println(retries);
            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems().subList(0, Math.min(10, audit.problems().size())));
            assertEquals(UPLOADS + seeds.size(), audit.objects());
            assertEquals(UPLOADS + seeds.size(), audit.current(), "every document current, claim for claim");
            assertEquals(0, audit.inFailureDestination());
            assertEquals(0, audit.leftoverClaimItems(), "one version of each document");
            assertTrue(Files.notExists(stack.failureDestination()));

            // The story list's counts add up to the uploads and to the claims fresh extraction gives.
            long documents = 0;
            long claims = 0;
            for (JsonNode story : Json.MAPPER.readTree(get(stack.apiEndpoint(), "/stories?limit=100").body())
                    .get("stories")) {
                documents += story.get("documents").asLong();
                claims += story.get("claims").asLong();
            }
            assertEquals(UPLOADS + seeds.size(), documents);
            assertEquals(expectedClaims, claims);

            // Once the uploads have settled, every story's stored report reflects its latest version.
            for (JsonNode story : Json.MAPPER.readTree(get(stack.apiEndpoint(), "/stories?limit=100").body())
                    .get("stories")) {
                String name = story.get("story").asText();
                HttpResponse<String> report = get(stack.apiEndpoint(), "/stories/" + name + "/report");
                assertEquals(200, report.statusCode(), name + ": " + report.body());
                assertEquals("false", report.headers().firstValue("X-Report-Pending").orElse(""), name);
                assertTrue(Json.MAPPER.readTree(report.body()).has("findings"), name);
            }

            writeFigures(uploadSeconds, ingestSeconds, claims, reader, retries);
        }
    }

    private static S3Client client(String endpoint) {
        return S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(new RecordingHttpClient(UrlConnectionHttpClient.create()))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context,
                                                   ExecutionAttributes attributes) {
                        S3_ATTEMPTS.incrementAndGet();
                        if (context.request() instanceof PutObjectRequest put) {
                            PUTS.merge(put.key(), 1, Integer::sum);
                        }
                    }

                    @Override
                    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                        if (context.httpResponse().statusCode() != 200) {
                            NOT_OK.add(context.httpResponse().statusCode() + " " + context.request());
                        }
                    }
                }))
                .forcePathStyle(true).endpointOverride(URI.create(endpoint)).build();
    }

    /** The SDK's HTTP client, noting every attempt that ends without an answer (the SDK retries those silently). */
    private record RecordingHttpClient(SdkHttpClient delegate) implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ExecutableHttpRequest call = delegate.prepareRequest(request);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws java.io.IOException {
                    try {
                        return call.call();
                    } catch (java.io.IOException | RuntimeException e) {
                        NO_ANSWER.add(request.httpRequest().method() + " " + request.httpRequest().encodedPath()
                                + ": " + e);
                        throw e;
                    }
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(String endpoint, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads reports through the HTTP API without pause: the seed story's and those of the stories listed so far. */
    private static final class Reader implements Runnable {

        private static final int MAX_READS = 1_000_000;

        final AtomicBoolean stop = new AtomicBoolean();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger pending = new AtomicInteger();
        final Map<String, Boolean> stories = new ConcurrentHashMap<>();
        private final String endpoint;
        private final long deadline;

        Reader(String endpoint, long deadline) {
            this.endpoint = endpoint;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            Random random = new Random(7);
            List<String> known = new ArrayList<>(List.of(SEED_STORY));
            for (int i = 0; i < MAX_READS && !stop.get() && System.currentTimeMillis() < deadline; i++) {
                try {
                    if (i % 10 == 0) {
                        HttpResponse<String> list = get(endpoint, "/stories?limit=100");
                        if (list.statusCode() != 200) {
                            failures.add("/stories: " + list.statusCode() + " " + list.body());
                            continue;
                        }
                        known.clear();
                        Json.MAPPER.readTree(list.body()).get("stories")
                                .forEach(s -> known.add(s.get("story").asText()));
                    }
                    String story = i % 2 == 0 ? SEED_STORY : known.get(random.nextInt(known.size()));
                    String path = "/stories/" + story + "/report";
                    long start = System.nanoTime();
                    HttpResponse<String> report = get(endpoint, path);
                    long took = System.nanoTime() - start;
                    if (report.statusCode() == 202) {
                        // A story whose first report is still being computed says so, with when to ask again.
                        JsonNode body = Json.MAPPER.readTree(report.body());
                        if (!"pending".equals(body.path("status").asText())
                                || report.headers().firstValue("Retry-After").isEmpty()) {
                            failures.add(path + ": 202 without a pending status and Retry-After: " + report.body());
                        } else {
                            pending.incrementAndGet();
                        }
                    } else if (report.statusCode() != 200) {
                        failures.add(path + ": " + report.statusCode() + " " + report.body());
                    } else if (!Json.MAPPER.readTree(report.body()).has("findings")) {
                        failures.add(path + ": no findings in " + report.body());
                    } else {
                        latencies.add(took);
                    }
                    if (READ_PAUSE_MILLIS > 0) {
                        Thread.sleep(READ_PAUSE_MILLIS);
                    }
                } catch (Exception e) {
                    failures.add("read failed: " + e);
                }
            }
        }
    }

    private static void writeFigures(double uploadSeconds, double ingestSeconds, long claims, Reader reader,
                                     String retries) throws Exception {
        List<Long> sorted = new ArrayList<>(reader.latencies);
        Collections.sort(sorted);
        String figures = String.format(java.util.Locale.ROOT,
                "uploads=%d clients=%d stories=%d claims=%d%n"
                        + "uploads finished in %.1f s (%.0f uploads/s); all ingested after %.1f s (%.1f documents/s)%n"
                        + "S3 requests sent by the upload clients, retries included: %d (%s)%n"
                        + "report reads during the load: %d served, %d pending (first report not yet computed), "
                        + "failed: %d%n"
                        + "report latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                UPLOADS, CLIENTS, STORIES, claims, uploadSeconds, UPLOADS / uploadSeconds, ingestSeconds,
                UPLOADS / ingestSeconds, S3_ATTEMPTS.get(), retries, sorted.size(), reader.pending.get(),
                reader.failures.size(), percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        System.out.print(figures);
        Path out = Path.of("target", "load", "figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures, StandardCharsets.UTF_8);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
