package dev.crosscheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.support.Emulators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * S3 delivers events at least once and in no particular order, and Lambda may run two deliveries of the same key at
 * the same time. Against DynamoDB Local, with many threads and many rounds: whatever the interleaving, the document
 * ends as the newest event left it, no claim item of any other version survives, and a reader running meanwhile never
 * sees a document with claims of two versions or part of one.
 */
class ClaimStoreConcurrencyTest {

    private static final int THREADS = 8;

    private DynamoDbClient dynamo;
    private String table;
    private ClaimStore store;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        dynamo = Emulators.dynamoDb();
        table = Emulators.uniqueName("claims");
        store = new ClaimStore(dynamo, table);
        store.createTableIfMissing();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }

    @Test
    void concurrentDuplicateAndReorderedDeliveriesLeaveOnlyTheNewestVersion() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 15; round++) {
            String id = "s/doc-" + round + ".txt";
            List<Runnable> deliveries = new ArrayList<>();
            for (int seq = 1; seq <= 6; seq++) {
                for (int copy = 0; copy < 2; copy++) {      // every event delivered twice
                    int sequencer = seq;
                    // each delivery of an event is a fresh ingestion: a new version id, the same sequencer
                    deliveries.add(() -> store.saveDocument(doc(id, "v" + sequencer + "-" + java.util.UUID.randomUUID(),
                            sequencer), claims(id, sequencer)));
                }
            }
            Collections.shuffle(deliveries, random);
            runConcurrently(deliveries);

            StoredDocument current = document(id);
            assertEquals(Sequencers.normalize(hex(6)), current.sequencer(), "round " + round);
            List<Claim> claims = claimsOf(store.loadStory("s").orElseThrow(), id);
            assertEquals(claimCount(6), claims.size(), "round " + round);
            assertTrue(claims.stream().allMatch(c -> c.value().equals("6")), "round " + round + ": " + values(claims));
            assertEquals(Set.of(current.version()), storedVersions(id),
                    "round " + round + ": only the current version's claim items are left, no orphans");
            assertEquals(claimCount(6), storedClaims(id), "round " + round);
        }
    }

    @Test
    void aConcurrentRemovalWinsOnlyWhenItIsTheNewestEvent() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 12; round++) {
            String id = "s/removed-" + round + ".txt";
            int removalAt = round % 2 == 0 ? 6 : 1 + random.nextInt(5);   // the removal's place among events 1..6
            List<Runnable> deliveries = new ArrayList<>();
            for (int seq = 1; seq <= 6; seq++) {
                if (seq == removalAt) {
                    continue;
                }
                int sequencer = seq;
                for (int copy = 0; copy < 2; copy++) {
                    deliveries.add(() -> store.saveDocument(doc(id, "v" + sequencer + "-" + java.util.UUID.randomUUID(),
                            sequencer), claims(id, sequencer)));
                }
            }
            for (int copy = 0; copy < 2; copy++) {
                deliveries.add(() -> store.removeDocument("s", id, hex(removalAt), "now"));
            }
            Collections.shuffle(deliveries, random);
            runConcurrently(deliveries);

            // a story whose only document is removed has ended: no story, so no claims
            List<Claim> claims = store.loadStory("s").map(data -> claimsOf(data, id)).orElse(List.of());
            if (removalAt == 6) {
                assertEquals(DocumentStatus.REMOVED, document(id).status(), "round " + round);
                assertEquals(List.of(), claims, "round " + round);
                assertEquals(0, storedClaims(id), "round " + round + ": a removed document keeps no claim items");
            } else {
                int newest = 6;
                assertEquals(DocumentStatus.INGESTED, document(id).status(), "round " + round);
                assertTrue(claims.stream().allMatch(c -> c.value().equals(Integer.toString(newest))),
                        "round " + round + ": " + values(claims));
                assertEquals(claimCount(newest), claims.size(), "round " + round);
                assertEquals(claimCount(newest), storedClaims(id), "round " + round);
            }
        }
    }

    @Test
    void aReaderDuringReUploadsNeverSeesTwoVersionsOfADocumentOrPartOfOne() throws Exception {
        String busy = "s/busy.txt";
        String quiet = "s/quiet.txt";
        store.saveDocument(doc(quiet, "q1", 1), claims(quiet, 3));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(pool.submit(() -> {
                while (writing.get()) {
                    StoryData data = store.loadStory("s").orElseThrow();
                    reads.incrementAndGet();
                    for (StoredDocument d : data.documents()) {
                        List<Claim> claims = claimsOf(data, d.id());
                        Set<String> values = claims.stream().map(Claim::value).collect(Collectors.toSet());
                        if (values.size() > 1) {
                            problems.add(d.id() + " mixes versions " + values);
                        } else if (values.size() == 1) {
                            int seq = Integer.parseInt(values.iterator().next());
                            if (claims.size() != claimCount(seq) || claims.size() != d.claims()) {
                                problems.add(d.id() + " shows " + claims.size() + " of the " + claimCount(seq)
                                        + " claims of version " + seq);
                            }
                        } else if (d.claims() != 0) {
                            problems.add(d.id() + " shows none of its " + d.claims() + " claims");
                        }
                    }
                    if (data.documents().stream().noneMatch(d -> d.id().equals(quiet))) {
                        problems.add("the untouched document disappeared");
                    }
                }
                return null;
            }));
        }
        List<Runnable> writes = new ArrayList<>();
        for (int seq = 1; seq <= 40; seq++) {
            int sequencer = seq;
            writes.add(() -> store.saveDocument(doc(busy, "b" + sequencer, sequencer), claims(busy, sequencer)));
        }
        try {
            // two writers at a time, in order within each pair's reach: versions switch while the readers read
            for (int i = 0; i < writes.size(); i += 2) {
                runConcurrently(writes.subList(i, Math.min(writes.size(), i + 2)));
            }
        } finally {
            writing.set(false);
        }
        for (Future<?> reader : readers) {
            reader.get(60, TimeUnit.SECONDS);
        }
        assertTrue(reads.get() > 0);
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(claimCount(40), claimsOf(store.loadStory("s").orElseThrow(), busy).size());
        assertEquals(Set.of("b40"), storedVersions(busy));
    }

    private void runConcurrently(List<Runnable> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
    }

    /** Versions differ in their number of claims (some over one batch of 25), so a partial read shows. */
    private static int claimCount(int sequencer) {
        return 1 + (sequencer * 7) % 31;
    }

    private static String hex(int sequencer) {
        return String.format("%018X", 0x65C4A1B2C3D4E5L + sequencer);
    }

    private static StoredDocument doc(String id, String version, int sequencer) {
        return new StoredDocument("s", id, DocumentStatus.INGESTED, null, "T", "P", "metadata", "2023-03-21",
                "metadata", null, version, Sequencers.normalize(hex(sequencer)), 0, "2023-03-21T00:00:00Z");
    }

    private static List<Claim> claims(String source, int sequencer) {
        String value = Integer.toString(sequencer);
        return IntStream.range(0, claimCount(sequencer)).mapToObj(i -> new Claim(ClaimKind.COUNT,
                "count:plan:points#" + i, "plan: points", "points", value, value + " points", false, false, 0.9,
                new Evidence(source, "The plan has " + value + " points.", 13, 13 + value.length(), 0))).toList();
    }

    private static List<Claim> claimsOf(StoryData data, String id) {
        return data.claims().stream().filter(c -> c.source().equals(id)).toList();
    }

    private static List<String> values(List<Claim> claims) {
        return claims.stream().map(Claim::value).toList();
    }

    private StoredDocument document(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                ClaimStore.PK, AttributeValue.fromS(ClaimStore.storyPartition("s")),
                ClaimStore.SK, AttributeValue.fromS("doc#" + id)))).item();
        return new StoredDocument("s", id, DocumentStatus.valueOf(item.get("status").s()), null, null, null, null,
                null, null, null, item.get("version").s(), item.get("sequencer").s(),
                Integer.parseInt(item.get("claims").n()), null);
    }

    /** Every claim item of the document in the table, whatever its version: what a report could ever pick up. */
    private List<Map<String, AttributeValue>> claimItems(String id) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(ClaimStore.storyPartition("s")),
                                ":c", AttributeValue.fromS("claim#"))))
                .items().stream().filter(item -> item.get("document").s().equals(id)).toList();
    }

    private Set<String> storedVersions(String id) {
        return claimItems(id).stream().map(item -> item.get("version").s()).collect(Collectors.toSet());
    }

    /** Claims held by the document's claim items, whatever their version (an item holds a list of them). */
    private int storedClaims(String id) {
        return claimItems(id).stream().mapToInt(item -> item.get("chunk").l().size()).sum();
    }
}
