package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryData;
import dev.crosscheck.support.FaultyTcpProxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Faults on the embedded stack, injected where the ingest function meets its services: DynamoDB unreachable or
 * throttling mid-ingest, S3 reads reset or stalled on the wire, the function killed between writing a version's claims
 * and making it current. Uploads go through the S3 API and events through the stack's own asynchronous delivery with
 * Lambda's retries. After each scenario the bucket is listed and compared with the table ({@link StackAudit}): each
 * object is current and complete or recorded in the failure destination; and while the faults happen a reader checks
 * that no read of the store ever shows a partial or mixed version of a document.
 */
@Timeout(180)
class LocalStackFaultsTest {

    private static final String STORY = "faults";

    @TempDir
    Path data;

    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    /** Every content uploaded for a key, as the sorted claim JSON an ingestion of it stores. */
    private final Map<String, Set<List<String>>> allowed = new ConcurrentHashMap<>();

    private FaultyDynamoDb faultyDynamo;

    private LocalStack start(java.util.function.Function<URI, S3Client> ingestS3) throws Exception {
        LocalStack.IngestLinks links = new LocalStack.IngestLinks(real -> {
            faultyDynamo = new FaultyDynamoDb(real);
            return faultyDynamo;
        }, ingestS3);
        return LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add), links);
    }

    private void upload(LocalStack stack, Articles.Article article) {
        allowed.computeIfAbsent(article.key(), k -> ConcurrentHashMap.newKeySet())
                .add(article.expectedClaims(analyzer));
        article.upload(stack.s3(), stack.bucket());
    }

    private static String key(int n) {
        return STORY + "/article-" + n + ".txt";
    }

    @Test
    void dynamoDbUnreachableMidIngestThenForLongerThanTheRetries() throws Exception {
        try (LocalStack stack = start(null); Reader reader = new Reader(stack)) {
            // Phase 1: DynamoDB goes away for 1 s in the middle of a document's claim batches; Lambda's retries
            // (after 0.5 s, then 1 s more) outlast it.
            AtomicInteger batches = new AtomicInteger();
            AtomicLong downUntil = new AtomicLong();
            faultyDynamo.fault((operation, request) -> {
                if (operation.equals("BatchWriteItem") && batches.incrementAndGet() == 4) {
                    downUntil.set(System.currentTimeMillis() + 1_000);
                }
                return System.currentTimeMillis() < downUntil.get() ? FaultyDynamoDb.unreachable() : null;
            });
            for (int n = 0; n < 6; n++) {
                upload(stack, Articles.variant(key(n), n));
            }
            stack.awaitIngestion(60_000);
            assertTrue(faultyDynamo.injected.get() > 0, "the outage happened");
            assertTrue(retries() > 0, "the outage failed an attempt: " + log);
            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(6, audit.current(), "the retries outlast a 1 s outage: " + audit);

            // Phase 2: DynamoDB stays away longer than every attempt; the event goes to the failure destination and
            // the reports keep the previous version of the overwritten document.
            faultyDynamo.fault((operation, request) -> FaultyDynamoDb.unreachable());
            upload(stack, Articles.variant(key(0), 100));
            upload(stack, Articles.variant(key(6), 6));
            stack.awaitIngestion(60_000);
            audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(Set.of(key(0), key(6)), StackAudit.failedKeys(stack.failureDestination()));
            assertEquals(2, audit.inFailureDestination(), audit.toString());

            // Recovery: DynamoDB is back and the failure destination's events are redriven.
            faultyDynamo.fault(FaultyDynamoDb.NONE);
            redrive(stack);
            audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(7, audit.current(), audit.toString());
            assertEquals(0, audit.leftoverClaimItems());
            reader.assertClean();
            figures("DynamoDB unreachable", faultyDynamo.injected.get(), audit, reader);
        }
    }

    @Test
    void throttledWritesAreRetriedAndNothingPartialIsEverRead() throws Exception {
        try (LocalStack stack = start(null); Reader reader = new Reader(stack)) {
            Random random = new Random(11);
            faultyDynamo.fault((operation, request) -> {
                boolean write = operation.equals("BatchWriteItem") || FaultyDynamoDb.isSwitch(request);
                synchronized (random) {
                    return write && random.nextInt(100) < 30 ? FaultyDynamoDb.throttled() : null;
                }
            });
            for (int n = 0; n < 8; n++) {
                upload(stack, Articles.variant(key(n), n));
            }
            for (int n = 0; n < 4; n++) {
                upload(stack, Articles.variant(key(n), 50 + n));   // overwrites while throttled
            }
            stack.awaitIngestion(90_000);
            assertTrue(faultyDynamo.injected.get() >= 5, "throttled " + faultyDynamo.injected + " writes");
            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(8, audit.current() + audit.inFailureDestination(), audit.toString());

            faultyDynamo.fault(FaultyDynamoDb.NONE);
            redrive(stack);
            audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(8, audit.current(), audit.toString());
            assertEquals(0, audit.leftoverClaimItems());
            reader.assertClean();
            figures("DynamoDB throttling", faultyDynamo.injected.get(), audit, reader);
        }
    }

    @Test
    void killedBetweenWritingClaimsAndSwitchingTheVersion() throws Exception {
        try (LocalStack stack = start(null); Reader reader = new Reader(stack)) {
            // Every document's first switch is killed: its claims are written, it never becomes current; the
            // retry writes a new version, makes it current and sweeps the orphaned one.
            Set<String> killedOnce = ConcurrentHashMap.newKeySet();
            String poison = key(5);
            faultyDynamo.fault((operation, request) -> {
                if (!FaultyDynamoDb.isSwitch(request)) {
                    return null;
                }
                String document = ((software.amazon.awssdk.services.dynamodb.model.PutItemRequest) request).item()
                        .get("id").s();
                return killedOnce.add(document) | document.equals(poison) ? new FaultyDynamoDb.Killed("switch")
                        : null;
            });
            for (int n = 0; n < 6; n++) {
                upload(stack, Articles.variant(key(n), n));
            }
            stack.awaitIngestion(60_000);
            assertEquals(6, killedOnce.size(), "every document's first switch was killed");
            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(5, audit.current(), audit.toString());
            assertEquals(Set.of(poison), StackAudit.failedKeys(stack.failureDestination()),
                    "a function that dies every time is recorded, not dropped");
            assertEquals(3, audit.leftoverClaimItems(), "the three killed attempts' claims of " + poison
                    + " are in the table, and no read shows them");

            // The object is written again once the function survives: the new version sweeps the orphans.
            faultyDynamo.fault(FaultyDynamoDb.NONE);
            upload(stack, Articles.variant(poison, 205));
            stack.awaitIngestion(60_000);
            audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(6, audit.current(), audit.toString());
            assertEquals(0, audit.leftoverClaimItems());
            reader.assertClean();
            figures("killed before the switch", faultyDynamo.injected.get(), audit, reader);
        }
    }

    @Test
    void killedAfterTheSwitchBeforeTheSweepAndTheStoryRegistration() throws Exception {
        try (LocalStack stack = start(null); Reader reader = new Reader(stack)) {
            upload(stack, Articles.variant(key(0), 0));
            stack.awaitIngestion(60_000);

            // The overwrite's version becomes current, then the function dies before sweeping the old one.
            AtomicInteger kills = new AtomicInteger();
            faultyDynamo.fault((operation, request) -> request instanceof
                    software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest batch
                    && batch.requestItems().values().stream().flatMap(List::stream)
                    .anyMatch(w -> w.deleteRequest() != null) && kills.compareAndSet(0, 1)
                    ? new FaultyDynamoDb.Killed("sweep") : null);
            upload(stack, Articles.variant(key(0), 1));
            stack.awaitIngestion(60_000);
            assertEquals(1, kills.get(), "the sweep was killed once");

            // The first document of a new story becomes current, then the function dies before registering the story.
            String other = "fresh-story/article.txt";
            AtomicInteger registrations = new AtomicInteger();
            faultyDynamo.fault((operation, request) -> request instanceof
                    software.amazon.awssdk.services.dynamodb.model.PutItemRequest put
                    && "stories".equals(put.item().get("pk").s()) && registrations.compareAndSet(0, 1)
                    ? new FaultyDynamoDb.Killed("story registration") : null);
            upload(stack, Articles.variant(other, 2));
            stack.awaitIngestion(60_000);
            assertEquals(1, registrations.get(), "the story registration was killed once");

            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(2, audit.current(), audit.toString());
            assertEquals(0, audit.leftoverClaimItems(), "the retry finished the sweep");
            assertEquals(List.of(STORY, "fresh-story"), stack.store().listStories(10, null).stories().stream()
                    .map(dev.crosscheck.store.StorySummary::story).toList(), "the retry registered the story");
            assertEquals(Set.of(), StackAudit.failedKeys(stack.failureDestination()));
            reader.assertClean();
            figures("killed after the switch", faultyDynamo.injected.get(), audit, reader);
        }
    }

    @Test
    void s3ReadsResetOrStalledOnTheWire() throws Exception {
        int s3Port = freePort();
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(s3Port, 5_000)) {
            List<S3Client> ingestClients = new ArrayList<>();
            LocalStack.Config config = LocalStack.Config.defaults(data).withPorts(s3Port, 0).withLog(log::add);
            LocalStack.IngestLinks links = new LocalStack.IngestLinks(real -> real, endpoint -> {
                S3Client client = S3Client.builder().region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1))
                                .socketTimeout(Duration.ofMillis(800)).build())
                        .forcePathStyle(true)
                        .endpointOverride(URI.create("http://127.0.0.1:" + proxy.port()))
                        .build();
                ingestClients.add(client);
                return client;
            });
            try (LocalStack stack = LocalStack.start(config, links); Reader reader = new Reader(stack)) {
                String poison = key(3);
                AtomicInteger gets = new AtomicInteger();
                proxy.plan(line -> {
                    if (!line.startsWith("GET ")) {
                        return FaultyTcpProxy.Action.PASS;
                    }
                    if (line.contains("/" + poison)) {
                        return FaultyTcpProxy.Action.RESET;
                    }
                    int n = gets.incrementAndGet();
                    return n <= 6 ? FaultyTcpProxy.Action.RESET
                            : n <= 8 ? FaultyTcpProxy.Action.STALL : FaultyTcpProxy.Action.PASS;
                });
                for (int n = 0; n < 5; n++) {
                    upload(stack, Articles.variant(key(n), n));
                }
                stack.awaitIngestion(120_000);
                assertTrue(proxy.resets.get() >= 6 && proxy.stalls.get() == 2,
                        proxy.resets + " resets, " + proxy.stalls + " stalls");
                StackAudit.Result audit = StackAudit.run(stack);
                assertEquals(List.of(), audit.problems());
                assertEquals(4, audit.current(), audit.toString());
                assertEquals(Set.of(poison), StackAudit.failedKeys(stack.failureDestination()));

                proxy.plan(line -> FaultyTcpProxy.Action.PASS);
                redrive(stack);
                audit = StackAudit.run(stack);
                assertEquals(List.of(), audit.problems());
                assertEquals(5, audit.current(), audit.toString());
                reader.assertClean();
                figures("S3 reads reset or stalled", (proxy.resets.get() + proxy.stalls.get()), audit, reader);
            } finally {
                ingestClients.forEach(S3Client::close);
            }
        }
    }

    /** One line per scenario for docs/reliability.md: faults injected, attempts failed, documents audited, reads. */
    private void figures(String scenario, int injected, StackAudit.Result audit, Reader reader) {
        System.out.printf("FAULTS %s: %d faults injected, %d ingest attempts failed, %d events in the failure "
                        + "destination before redrive, %d objects audited, %d store reads checked%n", scenario, injected,
                retries(), failedEvents(), audit.objects(), reader.reads.get());
    }

    private long failedEvents() {
        return log.stream().filter(line -> line.startsWith("event sent to the failure destination")).count();
    }

    /** Delivers the failure destination's events again, as an operator redrives a dead-letter queue. */
    private static void redrive(LocalStack stack) throws Exception {
        for (String event : StackAudit.failedEvents(stack.failureDestination())) {
            stack.deliver(event);
        }
        stack.awaitIngestion(60_000);
    }

    private long retries() {
        return log.stream().filter(line -> line.startsWith("ingest attempt ")).count();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Reads the story the way the HTTP API does, again and again while the faults happen, and checks each document's
     * claims against the contents uploaded for it: every read must show exactly the claims of one uploaded content,
     * never part of one or a mix of two.
     */
    private final class Reader implements AutoCloseable {

        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger reads = new AtomicInteger();
        private final Thread thread;

        Reader(LocalStack stack) {
            thread = new Thread(() -> {
                long deadline = System.currentTimeMillis() + 170_000;
                while (!stop.get() && System.currentTimeMillis() < deadline) {
                    try {
                        check(stack.store().loadStory(STORY).orElse(null));
                        reads.incrementAndGet();
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        violations.add("read failed: " + e);
                    }
                }
            }, "fault-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void check(StoryData story) {
            if (story == null) {
                return;
            }
            Map<String, List<String>> bySource = new HashMap<>();
            for (Claim claim : story.claims()) {
                bySource.computeIfAbsent(claim.source(), s -> new ArrayList<>()).add(Json.write(claim));
            }
            Set<String> documents = new HashSet<>();
            for (StoredDocument doc : story.documents()) {
                documents.add(doc.id());
                List<String> claims = bySource.getOrDefault(doc.id(), new ArrayList<>());
                claims.sort(null);
                if (!allowed.getOrDefault(doc.id(), Set.of()).contains(claims)) {
                    violations.add(doc.id() + ": a read showed " + claims.size()
                            + " claims that are no uploaded content's claims (document says " + doc.claims() + ")");
                }
            }
            for (String source : bySource.keySet()) {
                if (!documents.contains(source)) {
                    violations.add(source + ": claims shown for a document that is not current");
                }
            }
        }

        void assertClean() {
            assertTrue(reads.get() > 0, "the reader read");
            assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())));
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(10_000);
        }
    }
}
