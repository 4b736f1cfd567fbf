package dev.crosscheck.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lost events, against the S3 emulator and DynamoDB Local: objects written, overwritten or deleted with no event
 * delivered are found by listing the bucket and the table, and applied by the ingest code; a second run finds nothing;
 * an event delivered late still applies after a reconciliation's change.
 */
class ReconcilerTest {

    private static final String ARTICLE = "Officials signed 14 agreements on Tuesday, the ministry said.\n";
    private static final String REVISED = "Officials signed 16 agreements on Tuesday, the ministry said.\n";
    private static final String SIDECAR = "{\"published\": \"2023-03-21\", \"publisher\": \"Harbour Wire\"}";

    private S3Client s3;
    private ClaimStore store;
    private Ingestor ingestor;
    private Reconciler reconciler;
    private String bucket;
    private long sequencer = 0x100;

    @BeforeEach
    void setUp() throws Exception {
        s3 = Emulators.s3();
        bucket = Emulators.uniqueName("reconcile");
        Seeds.ensureBucket(s3, bucket);
        store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());
        reconciler = new Reconciler(s3, store, Clock.systemUTC());
    }

    /** A write whose event is lost. */
    private void write(String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    /** A write whose event is delivered. */
    private Ingestor.Outcome upload(String key, String content) {
        write(key, content);
        return ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, bucket, key, nextSequencer(), null));
    }

    private String nextSequencer() {
        return String.format("%X", ++sequencer);
    }

    private void deleteSilently(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    private Optional<StoredDocument> document(String story, String key) {
        return store.loadStory(story).flatMap(d -> d.documents().stream().filter(x -> x.id().equals(key)).findFirst());
    }

    private int claimsOf(String story, String key) {
        return store.loadStory(story).map(d -> (int) d.claims().stream().filter(c -> c.source().equals(key)).count())
                .orElse(0);
    }

    private static Map<String, String> findings(Reconciler.Result result) {
        Map<String, String> found = new TreeMap<>();
        for (Reconciler.Action action : result.actions()) {
            found.put(action.key(), action.finding() + " " + action.outcome());
        }
        return found;
    }

    @Test
    void whatLostEventsLeftOutOfStepIsFoundAndApplied() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/in-step.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/overwritten.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/deleted.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/described.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.INGESTED, upload("gone/only.txt", ARTICLE));
        write("s/never-seen.txt", ARTICLE);
        write("s/overwritten.txt", REVISED);
        deleteSilently("s/deleted.txt");
        write("s/described.meta.json", SIDECAR);
        deleteSilently("gone/only.txt");
        write("s/notes.csv", "a,b\n");

        Reconciler.Result result = reconciler.run(bucket, Reconciler.Changes.by(ingestor));

        assertEquals(Map.of(
                "s/never-seen.txt", "MISSING ingested",
                "s/overwritten.txt", "STALE ingested",
                "s/deleted.txt", "DELETED removed",
                "s/described.txt", "SIDECAR ingested",
                "gone/only.txt", "DELETED removed",
                "s/notes.csv", "MISSING rejected"), findings(result));
        assertEquals(List.of(), result.failures());
        assertEquals(5, result.objects(), "documents and other objects; the sidecar is not one");
        assertTrue(claimsOf("s", "s/never-seen.txt") > 0);
        assertEquals(claimsOf("s", "s/in-step.txt"), claimsOf("s", "s/never-seen.txt"), "read as its event would");
        assertTrue(store.loadStory("s").orElseThrow().claims().stream()
                .anyMatch(c -> c.source().equals("s/overwritten.txt") && c.evidence().quote().contains("16")),
                "the overwritten object's current content is read");
        assertEquals("2023-03-21", document("s", "s/described.txt").orElseThrow().published());
        assertEquals(Optional.empty(), document("s", "s/deleted.txt"));
        assertEquals(Optional.empty(), store.loadStory("gone"), "a story whose objects are all gone ends");
        assertEquals(DocumentStatus.REJECTED, document("s", "s/notes.csv").orElseThrow().status());

        Reconciler.Result again = reconciler.run(bucket, Reconciler.Changes.by(ingestor));
        assertEquals(List.of(), again.actions(), "a second run finds bucket and table in step");
        assertTrue(again.summary().contains("agree"), again.summary());
    }

    @Test
    void aSidecarAddedChangedOrDeletedWithoutAnEventIsApplied() {
        write("s/a.meta.json", SIDECAR);
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/a.txt", ARTICLE));
        write("s/a.meta.json", SIDECAR.replace("2023-03-21", "2023-03-20"));
        assertEquals(Map.of("s/a.txt", "SIDECAR ingested"), findings(reconciler.run(bucket,
                Reconciler.Changes.by(ingestor))));
        assertEquals("2023-03-20", document("s", "s/a.txt").orElseThrow().published());
        deleteSilently("s/a.meta.json");
        assertEquals(Map.of("s/a.txt", "SIDECAR ingested"), findings(reconciler.run(bucket,
                Reconciler.Changes.by(ingestor))));
        assertEquals("upload-time", document("s", "s/a.txt").orElseThrow().publishedFrom());
    }

    @Test
    void aDryRunReportsAndAppliesNothing() {
        write("s/never-seen.txt", ARTICLE);
        Reconciler.Result result = reconciler.run(bucket, Reconciler.Changes.DRY_RUN);
        assertEquals(Map.of("s/never-seen.txt", "MISSING not applied (dry run)"), findings(result));
        assertTrue(result.dryRun());
        assertEquals(Optional.empty(), store.loadStory("s"));
    }

    @Test
    void anEventDeliveredLateStillAppliesAfterAReconciliationsChange() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/a.txt", ARTICLE));
        write("s/a.txt", REVISED);
        String lostEvent = nextSequencer();
        assertEquals(Map.of("s/a.txt", "STALE ingested"), findings(reconciler.run(bucket,
                Reconciler.Changes.by(ingestor))));
        // the event of that overwrite arrives after all, then the object is deleted and that event arrives too
        assertEquals(Ingestor.Outcome.INGESTED, ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, bucket,
                "s/a.txt", lostEvent, null)));
        deleteSilently("s/a.txt");
        assertEquals(Ingestor.Outcome.REMOVED, ingestor.apply(new ObjectEvent(ObjectEvent.Type.REMOVED, bucket,
                "s/a.txt", nextSequencer(), null)));
        // and a retry of the first event, older than everything since, changes nothing
        assertEquals(Ingestor.Outcome.STALE, ingestor.apply(new ObjectEvent(ObjectEvent.Type.REMOVED, bucket,
                "s/a.txt", "101", null)));
        assertEquals(Optional.empty(), store.loadStory("s"));
    }

    @Test
    void aRetryOfTheEventAReconciliationStandsInForIsStaleAfterIt() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/a.txt", ARTICLE));
        String applied = String.format("%X", sequencer);
        write("s/a.txt", REVISED);
        assertEquals(Map.of("s/a.txt", "STALE ingested"), findings(reconciler.run(bucket,
                Reconciler.Changes.by(ingestor))));
        // the event applied before the reconciliation, delivered again, is older than the reconciliation's change
        assertEquals(Ingestor.Outcome.STALE, ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, bucket,
                "s/a.txt", applied, null)));
        assertTrue(store.loadStory("s").orElseThrow().claims().stream()
                .anyMatch(c -> c.evidence().quote().contains("16")), "the reconciled content stays");
    }

    /** A new story's removal delivered before its creation, then a write whose event is lost: found and read. */
    @Test
    void aKeyWhoseOnlyRecordIsATombstoneIsFoundAndReadAfterIt() {
        assertEquals(Ingestor.Outcome.REMOVED, ingestor.apply(new ObjectEvent(ObjectEvent.Type.REMOVED, bucket,
                "new-story/a.txt", nextSequencer(), null)));
        write("new-story/a.txt", ARTICLE);
        assertEquals(Map.of("new-story/a.txt", "MISSING ingested"), findings(reconciler.run(bucket,
                Reconciler.Changes.by(ingestor))));
        assertTrue(claimsOf("new-story", "new-story/a.txt") > 0);
    }

    /** A local stack's start leaves the uploads and deletions it takes while reconciling to their own events. */
    @Test
    void keysWhoseEventsAreOnTheirWayAreLeftToThem() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/overwritten.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/deleted.txt", ARTICLE));
        write("s/overwritten.txt", REVISED);
        write("s/new.txt", ARTICLE);
        deleteSilently("s/deleted.txt");
        write("s/lost.txt", ARTICLE);
        java.util.Set<String> withEvents = java.util.Set.of("s/overwritten.txt", "s/new.txt", "s/deleted.txt");
        Reconciler.Result result = reconciler.run(bucket, Reconciler.Changes.by(ingestor), java.time.Instant.MAX,
                withEvents::contains);
        assertEquals(Map.of("s/lost.txt", "MISSING ingested"), findings(result), "only the key without an event");
        assertTrue(document("s", "s/deleted.txt").isPresent(), "its removal event removes it");
    }

    @Test
    void pastItsDeadlineARunLeavesWhatIsOutOfStepForTheNextRun() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/deleted.txt", ARTICLE));
        deleteSilently("s/deleted.txt");
        write("s/never-seen.txt", ARTICLE);
        Reconciler.Result late = reconciler.run(bucket, Reconciler.Changes.by(ingestor), java.time.Instant.now());
        assertEquals(List.of(), late.actions());
        assertEquals(List.of("s/never-seen.txt", "s/deleted.txt"), late.deferred());
        assertTrue(late.summary().contains("2 left for the next run"), late.summary());
        Reconciler.Result next = reconciler.run(bucket, Reconciler.Changes.by(ingestor));
        assertEquals(Map.of("s/never-seen.txt", "MISSING ingested", "s/deleted.txt", "DELETED removed"),
                findings(next));
    }

    @Test
    void anObjectDeletedAndWrittenAgainWithoutEventsIsReadAgain() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("s/a.txt", ARTICLE));
        deleteSilently("s/a.txt");
        ingestor.apply(new ObjectEvent(ObjectEvent.Type.REMOVED, bucket, "s/a.txt", nextSequencer(), null));
        assertEquals(Optional.empty(), store.loadStory("s"));
        write("s/a.txt", REVISED);
        assertEquals(Map.of("s/a.txt", "MISSING ingested"), findings(reconciler.run(bucket,
                Reconciler.Changes.by(ingestor))));
        assertTrue(claimsOf("s", "s/a.txt") > 0);
    }
}
