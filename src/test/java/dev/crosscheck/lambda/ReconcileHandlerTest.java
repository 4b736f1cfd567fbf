package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.Reconciler;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The scheduled reconcile function fed the EventBridge event in events/, against the S3 emulator and DynamoDB Local:
 * it applies what a lost event left out and answers with what it did; a change that fails fails the invocation (the
 * stack's alarm), the others still applied.
 */
class ReconcileHandlerTest {

    private S3Client s3;
    private ClaimStore store;
    private String bucket;
    private Reconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        s3 = Emulators.s3();
        bucket = Emulators.uniqueName("scheduled");
        Seeds.ensureBucket(s3, bucket);
        store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        reconciler = new Reconciler(s3, store, Clock.systemUTC());
    }

    @Test
    void aScheduledRunAppliesWhatALostEventLeftOutAndSaysSo() {
        s3.putObject(b -> b.bucket(bucket).key("harbour/wire.txt"),
                RequestBody.fromString("Officials signed 14 agreements on Tuesday, the ministry said.\n"));
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/schedule-reconcile.json");
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());

        JsonNode result = Json.MAPPER.valueToTree(Json.read(new ReconcileHandler(reconciler, bucket,
                Reconciler.Changes.by(ingestor)).handleRequest(event, null), java.util.Map.class));

        assertEquals("MISSING", result.get("actions").get(0).get("finding").asText());
        assertEquals("harbour/wire.txt", result.get("actions").get(0).get("key").asText());
        assertEquals("ingested", result.get("actions").get(0).get("outcome").asText());
        assertEquals(1, store.loadStory("harbour").orElseThrow().documents().size());
    }

    @Test
    void aChangeThatFailsFailsTheRunAfterTheOthersApplied() {
        s3.putObject(b -> b.bucket(bucket).key("harbour/a.txt"), RequestBody.fromString("Ten ships docked.\n"));
        s3.putObject(b -> b.bucket(bucket).key("harbour/b.txt"), RequestBody.fromString("Nine ships docked.\n"));
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());
        Reconciler.Changes failingOnA = e -> {
            if (e.key().endsWith("a.txt")) {
                throw new IllegalStateException("the table refused the write");
            }
            return Reconciler.Changes.by(ingestor).apply(e);
        };
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new ReconcileHandler(
                reconciler, bucket, failingOnA).handleRequest(
                EventLoader.loadScheduledEvent("events/schedule-reconcile.json"), null));
        assertTrue(failure.getMessage().contains("harbour/a.txt: java.lang.IllegalStateException: the table refused"),
                failure.getMessage());
        assertEquals(1, store.loadStory("harbour").orElseThrow().documents().size(), "b.txt applied");
    }
}
