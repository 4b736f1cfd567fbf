package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.api.ApiRequest;
import dev.crosscheck.api.ApiResponse;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.ObjectEvent;
import dev.crosscheck.json.Json;
import dev.crosscheck.reports.ReportComputation;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.ReportArchive;
import dev.crosscheck.store.ReportFile;
import dev.crosscheck.store.ReportState;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The report function fed the genuine SQS event JSON in events/, against S3Proxy and DynamoDB Local: a burst of
 * changes asks once, the computation takes the request and stores the report with the story's version, and a FIFO
 * batch whose story fails hands back that message and every later one.
 */
class ReportHandlerTest {

    private static final String ARTICLES = "crosscheck-articles";

    private S3Client s3;
    private String reports;
    private final List<String> requests = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private ClaimStore store;
    private ReportComputation computation;
    private long sequencer = 1;

    @BeforeEach
    void setUp() throws Exception {
        s3 = Emulators.s3();
        Seeds.ensureBucket(s3, ARTICLES);
        reports = Emulators.uniqueName("reports");
        s3.createBucket(b -> b.bucket(reports));
        String table = Emulators.uniqueName("claims");
        new ClaimStore(Emulators.dynamoDb(), table).createTableIfMissing();
        store = new ClaimStore(Emulators.dynamoDb(), table, requests::add, clock);
        computation = new ReportComputation(store, new ReportArchive(s3, null, reports, store), new StoryComparator());
    }

    private void ingest(String key, String seed) throws Exception {
        Seeds.upload(s3, ARTICLES, key, seed);
        new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC())
                .apply(new ObjectEvent(ObjectEvent.Type.CREATED, ARTICLES, key, String.format("%016X", sequencer++),
                        "2023-03-21T12:00:00Z"));
    }

    @Test
    void aBurstOfChangesAsksOnceAndTheReportIsStoredWithTheStorysVersion() throws Exception {
        ingest(Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
        ingest(Seeds.STORY + "/" + Seeds.ANI, Seeds.ANI);
        assertEquals(List.of(Seeds.STORY), requests, "the second change finds the first request outstanding");
        ReportState before = store.reportState(Seeds.STORY).orElseThrow();
        assertTrue(before.queued() && before.pending() && before.reportVersion() == 0, before.toString());

        SQSBatchResponse response = new ReportHandler(computation)
                .handleRequest(EventLoader.loadSQSEvent("events/sqs-report-request.json"), null);

        assertEquals(List.of(), response.getBatchItemFailures());
        ReportState after = store.reportState(Seeds.STORY).orElseThrow();
        assertEquals(before.version(), after.reportVersion());
        assertFalse(after.pending(), after.toString());
        // the stored report is the report of the story as read now, served as it was stored
        ApiResponse served = new StoryApi(store, new ReportArchive(s3, null, reports, store))
                .handle(new ApiRequest("GET", "/stories/" + Seeds.STORY + "/report", Map.of(), Map.of()));
        assertEquals(200, served.status());
        assertEquals(Long.toString(after.reportVersion()), served.headers().get("X-Story-Version"));
        assertEquals("false", served.headers().get("X-Report-Pending"));
        JsonNode stored = Json.MAPPER.readTree(served.body());
        JsonNode computed = Json.MAPPER.readTree(new StoryApi(store, new StoryComparator())
                .handle(new ApiRequest("GET", "/stories/" + Seeds.STORY + "/report", Map.of(), Map.of())).body());
        assertEquals(computed.get("findings"), stored.get("findings"));
        assertEquals(2, stored.get("sources").size());
        assertTrue(stored.get("findings").size() > 0);

        // the request was taken: the next change asks again, and the API says a newer report is pending
        ingest(Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
        assertEquals(List.of(Seeds.STORY, Seeds.STORY), requests);
        ApiResponse stale = new StoryApi(store, new ReportArchive(s3, null, reports, store))
                .handle(new ApiRequest("GET", "/stories/" + Seeds.STORY + "/report", Map.of(), Map.of()));
        assertEquals("true", stale.headers().get("X-Report-Pending"));
        assertEquals(Long.toString(after.reportVersion()), stale.headers().get("X-Story-Version"));
    }

    @Test
    void aStoryNamedTwiceInABatchIsComputedOnceAndAReportAsNewAsTheStoryIsNotComputedAgain() throws Exception {
        ingest(Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
        new ReportHandler(computation).handleRequest(EventLoader.loadSQSEvent("events/sqs-report-request.json"), null);
        assertEquals(1L, computation.counts().get(ReportComputation.Outcome.STORED));

        SQSBatchResponse response = new ReportHandler(computation)
                .handleRequest(EventLoader.loadSQSEvent("events/sqs-report-requests-batch.json"), null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(1L, computation.counts().get(ReportComputation.Outcome.STORED), "nothing changed since");
        assertEquals(1L, computation.counts().get(ReportComputation.Outcome.CURRENT), "once per story per batch");
        assertEquals(1L, computation.counts().get(ReportComputation.Outcome.NO_STORY), "maui-wildfire-2023");
    }

    @Test
    void aFailedStoryHandsBackItsMessageAndEveryLaterOneOfTheBatch() throws Exception {
        ingest(Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
        ReportComputation failing = new ReportComputation(store,
                new ReportArchive(s3, null, Emulators.uniqueName("missing-bucket"), store), new StoryComparator());

        SQSBatchResponse response = new ReportHandler(failing)
                .handleRequest(EventLoader.loadSQSEvent("events/sqs-report-requests-batch.json"), null);

        // the first message fails; a FIFO queue must not deliver the group's later messages before it, nor may a
        // later group's run past it in this batch: all three come back
        assertEquals(List.of("0c4b2d8e-5a61-4f3a-8e27-9b1d7e6c5a10", "1d5c3e9f-6b72-4a4b-9f38-ac2e8f7d6b21",
                "2e6d4fa0-7c83-4b5c-a049-bd3f908e7c32"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(0, store.reportState(Seeds.STORY).orElseThrow().reportVersion());
        // the queue's retry finds the request taken and computes anyway: the report is behind the story
        new ReportHandler(computation).handleRequest(EventLoader.loadSQSEvent("events/sqs-report-request.json"), null);
        assertFalse(store.reportState(Seeds.STORY).orElseThrow().pending());
    }

    @Test
    void aRequestThatCouldNotBeSentIsWithdrawnSoTheRetryAsksAgain() throws Exception {
        String table = Emulators.uniqueName("claims");
        new ClaimStore(Emulators.dynamoDb(), table).createTableIfMissing();
        List<String> sent = new ArrayList<>();
        boolean[] down = {true};
        store = new ClaimStore(Emulators.dynamoDb(), table, story -> {
            if (down[0]) {
                throw new IllegalStateException("queue unreachable");
            }
            sent.add(story);
        }, clock);
        Seeds.upload(s3, ARTICLES, Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
        ObjectEvent event = new ObjectEvent(ObjectEvent.Type.CREATED, ARTICLES, Seeds.STORY + "/" + Seeds.UPI,
                "00000000000000A1", "2023-03-21T12:00:00Z");
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());

        assertThrows(IllegalStateException.class, () -> ingestor.apply(event));
        assertFalse(store.reportState(Seeds.STORY).orElseThrow().queued(), "no mark without a request");
        down[0] = false;
        ingestor.apply(event); // Lambda's retry of the same event

        assertEquals(List.of(Seeds.STORY), sent);
        assertTrue(store.reportState(Seeds.STORY).orElseThrow().queued());
    }

    @Test
    void aRequestOutstandingForLongerThanAComputationCouldTakeIsTakenAsLostAndAskedAgain() throws Exception {
        ingest(Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
        clock.advance(Duration.ofMinutes(5));
        ingest(Seeds.STORY + "/" + Seeds.ANI, Seeds.ANI);
        assertEquals(1, requests.size(), "five minutes: the request may still be waiting in the queue");
        clock.advance(Duration.ofMinutes(20));
        ingest(Seeds.STORY + "/" + Seeds.ANI, Seeds.ANI);
        assertEquals(2, requests.size(), "twenty-five minutes: taken as lost");
        ingest(Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
        assertEquals(2, requests.size(), "the new request is outstanding");
    }

    @Test
    void storedReportFilesAreKeptUnderTheStoryAndItsVersion() {
        assertEquals("a+b%2Fc/7/report.json", ReportArchive.key("a b/c", 7, ReportFile.JSON));
        assertEquals("xi-moscow-2023/12/report.html", ReportArchive.key("xi-moscow-2023", 12, ReportFile.PAGE));
    }

    /** A clock a test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
