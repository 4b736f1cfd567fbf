package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryData;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingest function fed the genuine S3 event JSON in events/, against an S3 endpoint (S3Proxy) and DynamoDB Local.
 */
class IngestHandlerTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String UPI_KEY = "xi-moscow-2023/000_8e30010a3892d27c.txt";

    private S3Client s3;
    private ClaimStore store;
    private IngestHandler handler;

    @BeforeEach
    void setUp() throws Exception {
        s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        handler = new IngestHandler(new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()));
    }

    @Test
    void putEventIngestsTheArticleWithItsMetadata() throws Exception {
        Seeds.upload(s3, BUCKET, UPI_KEY, Seeds.UPI);

        handler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null);

        StoryData story = store.loadStory("xi-moscow-2023").orElseThrow();
        StoredDocument doc = story.documents().get(0);
        assertEquals(UPI_KEY, doc.id());
        assertEquals(DocumentStatus.INGESTED, doc.status());
        assertEquals("2023-03-21", doc.published());
        assertEquals("metadata", doc.publishedFrom());
        assertEquals("UPI", doc.publisher());
        assertTrue(story.claims().stream().anyMatch(c -> c.value().equals("12")),
                "the 12-point plan is among the claims: " + story.claims());
        assertTrue(story.claims().stream().allMatch(c -> c.source().equals(UPI_KEY)));
    }

    @Test
    void encodedKeysAreDecodedTheWayS3EncodesThem() throws Exception {
        String key = "my story/café report + notes.txt";
        s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(java.util.Map.of("published", "2023-03-22")),
                RequestBody.fromString("Officials signed 14 agreements on Tuesday.\n"));

        handler.handleRequest(EventLoader.loadS3Event("events/s3-put-encoded-key.json"), null);

        StoryData story = store.loadStory("my story").orElseThrow();
        assertEquals(key, story.documents().get(0).id());
    }

    @Test
    void deleteEventRemovesTheDocumentAndItsClaims() throws Exception {
        Seeds.upload(s3, BUCKET, UPI_KEY, Seeds.UPI);
        handler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null);

        handler.handleRequest(EventLoader.loadS3Event("events/s3-delete.json"), null);

        // its only document removed, the story has ended: nothing of it is read back
        assertTrue(store.loadStory("xi-moscow-2023").isEmpty());
        assertTrue(store.listClaims("xi-moscow-2023", 100, null).isEmpty());
    }

    @Test
    void aDuplicateDeliveryChangesNothing() throws Exception {
        Seeds.upload(s3, BUCKET, UPI_KEY, Seeds.UPI);
        S3Event put = EventLoader.loadS3Event("events/s3-put.json");
        handler.handleRequest(put, null);
        int claims = store.loadStory("xi-moscow-2023").orElseThrow().claims().size();

        handler.handleRequest(put, null);

        StoryData story = store.loadStory("xi-moscow-2023").orElseThrow();
        assertEquals(1, story.documents().size());
        assertEquals(claims, story.claims().size());
    }

    @Test
    void everyRecordOfAnEventIsProcessed() throws Exception {
        Seeds.upload(s3, BUCKET, UPI_KEY, Seeds.UPI);
        Seeds.upload(s3, BUCKET, "xi-moscow-2023/" + Seeds.ANI, Seeds.ANI);
        S3Event event = EventLoader.loadS3Event("events/s3-put.json");
        List<S3EventNotificationRecord> records = new ArrayList<>(event.getRecords());
        S3EventNotificationRecord first = records.get(0);
        records.add(new S3EventNotificationRecord(first.getAwsRegion(), first.getEventName(), first.getEventSource(),
                first.getEventTime().toString(), first.getEventVersion(), first.getRequestParameters(),
                first.getResponseElements(),
                new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity(
                        "crosscheck-ingest", first.getS3().getBucket(),
                        new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity(
                                "xi-moscow-2023/" + Seeds.ANI, 100L, "e", null, "0065C4A1B2C3D4E5F7"),
                        "1.0"),
                first.getUserIdentity()));

        handler.handleRequest(new S3Event(records), null);

        assertEquals(2, store.loadStory("xi-moscow-2023").orElseThrow().documents().size());
    }

    @Test
    void anUnreadableDocumentIsRecordedAsRejectedWithItsReason() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key(UPI_KEY), RequestBody.fromBytes(new byte[]{'%', 'P', 'D', 'F', '-', '1', 0, 0}));

        handler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null);

        StoredDocument doc = store.loadStory("xi-moscow-2023").orElseThrow().documents().get(0);
        assertEquals(DocumentStatus.REJECTED, doc.status());
        assertTrue(doc.reason() != null && !doc.reason().isBlank());
    }

    @Test
    void anOversizedObjectIsRejectedWithItsSize() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        s3.putObject(b -> b.bucket(BUCKET).key(UPI_KEY), RequestBody.fromBytes(big));

        handler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null);

        StoredDocument doc = store.loadStory("xi-moscow-2023").orElseThrow().documents().get(0);
        assertEquals(DocumentStatus.REJECTED, doc.status());
        assertEquals("too large: 5242881 bytes > limit 5242880", doc.reason());
    }

    @Test
    void aStoreFailureFailsTheInvocationSoLambdaRetries() throws Exception {
        Seeds.upload(s3, BUCKET, UPI_KEY, Seeds.UPI);
        ClaimStore missingTable = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("no-such-table"));
        IngestHandler broken = new IngestHandler(new Ingestor(s3, missingTable, new ArticleAnalyzer(), Clock.systemUTC()));

        assertThrows(IllegalStateException.class,
                () -> broken.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null));
    }

    @Test
    void aNonAsciiKeyIsIngestedUnderItsOwnName() throws Exception {
        String key = "東京-2024/Ελληνικά νέα + 報道 é.txt";
        s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(java.util.Map.of("published", "2023-03-22")),
                RequestBody.fromString("Officials signed 14 agreements on Tuesday.\n"));

        String result = handler.handleRequest(EventLoader.loadS3Event("events/s3-put-non-ascii-key.json"), null);

        assertEquals("ingested " + key, result);
        StoryData story = store.loadStory("東京-2024").orElseThrow();
        assertEquals(key, story.documents().get(0).id());
        assertTrue(story.claims().stream().allMatch(c -> c.source().equals(key)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "my+story/a.txt              | my story/a.txt",
        "a%2Bb.txt                   | a+b.txt",
        "s/caf%C3%A9.txt             | s/café.txt",
        "s/100%25+sure.txt           | s/100% sure.txt",
        "s/%E6%9D%B1%E4%BA%AC.txt    | s/東京.txt",
        "a/b/c.txt                   | a/b/c.txt",
    })
    void keysAreDecodedTheWayS3EncodesThem(String encoded, String decoded) throws Exception {
        S3EventNotificationRecord record = withKey(EventLoader.loadS3Event("events/s3-put.json").getRecords().get(0),
                encoded, "0065C4A1B2C3D4E5F6");
        assertEquals(decoded, IngestHandler.toObjectEvent(record).key());
    }

    @Test
    void aLateOlderEventForTheSameKeyIsIgnored() throws Exception {
        String key = "xi-moscow-2023/update.txt";
        s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(java.util.Map.of("published", "2023-03-22")),
                RequestBody.fromString("Officials signed 14 agreements on Tuesday.\n"));

        assertEquals("ingested " + key,
                handler.handleRequest(EventLoader.loadS3Event("events/s3-put-out-of-order-newer.json"), null));
        List<String> applied = claimValues();
        assertEquals("stale " + key,
                handler.handleRequest(EventLoader.loadS3Event("events/s3-put-out-of-order-older.json"), null));

        assertEquals(applied, claimValues());
        assertEquals(dev.crosscheck.store.Sequencers.normalize("0065C4A1B2C3D4E7A0"),
                store.loadStory("xi-moscow-2023").orElseThrow().documents().get(0).sequencer());
    }

    @Test
    void theSamePairInOrderAppliesBoth() throws Exception {
        String key = "xi-moscow-2023/update.txt";
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("Officials signed 14 agreements.\n"));

        assertEquals("ingested " + key,
                handler.handleRequest(EventLoader.loadS3Event("events/s3-put-out-of-order-older.json"), null));
        assertEquals("ingested " + key,
                handler.handleRequest(EventLoader.loadS3Event("events/s3-put-out-of-order-newer.json"), null));
    }

    @Test
    void aCreateArrivingAfterANewerDeleteDoesNotReviveTheDocument() throws Exception {
        Seeds.upload(s3, BUCKET, UPI_KEY, Seeds.UPI);

        // the delete (sequencer ...E600) overtakes the put (...E5F6) that preceded it
        assertEquals("removed " + UPI_KEY, handler.handleRequest(EventLoader.loadS3Event("events/s3-delete.json"), null));
        assertEquals("stale " + UPI_KEY, handler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null));

        assertTrue(store.loadStory("xi-moscow-2023").isEmpty(), "the document was not revived");
    }

    private List<String> claimValues() {
        return store.loadStory("xi-moscow-2023").orElseThrow().claims().stream()
                .map(c -> c.key() + "=" + c.value()).sorted().toList();
    }

    private static S3EventNotificationRecord withKey(S3EventNotificationRecord first, String key, String sequencer) {
        return new S3EventNotificationRecord(first.getAwsRegion(), first.getEventName(), first.getEventSource(),
                first.getEventTime().toString(), first.getEventVersion(), first.getRequestParameters(),
                first.getResponseElements(),
                new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity(
                        "crosscheck-ingest", first.getS3().getBucket(),
                        new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity(
                                key, 100L, "e", null, sequencer),
                        "1.0"),
                first.getUserIdentity());
    }

    @Test
    void theIngestPathOnlyReadsTheBucket() throws Exception {
        Seeds.upload(s3, BUCKET, UPI_KEY, Seeds.UPI);
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        S3Client readOnly = new ReadsOnly(s3, calls::add);
        IngestHandler readOnlyHandler = new IngestHandler(new Ingestor(readOnly, store, new ArticleAnalyzer(),
                Clock.systemUTC()));

        assertEquals("ingested " + UPI_KEY, readOnlyHandler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null));
        assertEquals("removed " + UPI_KEY, readOnlyHandler.handleRequest(EventLoader.loadS3Event("events/s3-delete.json"), null));

        // the article's HEAD and GET, its sidecar's GET (there is none), and the sidecar's HEAD once the article is
        // stored (a sidecar written meanwhile would be read)
        assertEquals(List.of("HeadObject", "GetObject", "GetObject", "HeadObject"), calls,
                "no write, copy or delete in the bucket");
    }

    @Test
    void anArticleThatIsOneMegabyteLongSentenceIsStoredWithItsEvidenceCut() throws Exception {
        StringBuilder sentence = new StringBuilder("Officials said that");
        while (sentence.length() < 500_000) {
            sentence.append(" the talks went on and on");
        }
        sentence.append(" and 14 agreements were signed");
        while (sentence.length() < 1_000_000) {
            sentence.append(" while the delegations waited");
        }
        sentence.append(".\n");
        s3.putObject(b -> b.bucket(BUCKET).key(UPI_KEY).metadata(java.util.Map.of("published", "2023-03-22")),
                RequestBody.fromString(sentence.toString()));

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                () -> handler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null));

        StoryData story = store.loadStory("xi-moscow-2023").orElseThrow();
        assertEquals(DocumentStatus.INGESTED, story.documents().get(0).status());
        assertTrue(story.claims().stream().anyMatch(c -> c.value().equals("14")), "claims: " + story.claims().size());
        for (var claim : story.claims()) {
            var evidence = claim.evidence();
            assertTrue(evidence.quote().length() <= 8_000, "evidence of " + claim.key() + " is cut");
            assertTrue(evidence.truncated());
            int from = evidence.start() - evidence.sentenceStart();
            assertTrue(from >= 0 && evidence.end() - evidence.sentenceStart() <= evidence.quote().length(),
                    "the claim's offsets fall inside the cut quote");
        }
    }

    @Test
    void anObjectOverwrittenBetweenItsMetadataAndItsContentIsReadAgainWhole() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key(UPI_KEY).metadata(java.util.Map.of("published", "2023-03-21",
                "publisher", "Old")), RequestBody.fromString("Officials signed 12 agreements on Tuesday.\n"));
        java.util.concurrent.atomic.AtomicBoolean overwritten = new java.util.concurrent.atomic.AtomicBoolean();
        // a fault injector around the real endpoint: a new upload lands just before the first content read
        S3Client racing = new ReadsOnly(s3, operation -> {
            if (operation.equals("GetObject") && overwritten.compareAndSet(false, true)) {
                s3.putObject(b -> b.bucket(BUCKET).key(UPI_KEY).metadata(java.util.Map.of(
                        "published", "2023-03-22", "publisher", "New")),
                        RequestBody.fromString("Officials signed 14 agreements on Wednesday.\n"));
            }
        });
        IngestHandler racingHandler = new IngestHandler(new Ingestor(racing, store, new ArticleAnalyzer(),
                Clock.systemUTC()));

        racingHandler.handleRequest(EventLoader.loadS3Event("events/s3-put.json"), null);

        StoryData story = store.loadStory("xi-moscow-2023").orElseThrow();
        assertEquals("New", story.documents().get(0).publisher(), "metadata and content of the same object");
        assertEquals("2023-03-22", story.documents().get(0).published());
        assertTrue(story.claims().stream().anyMatch(c -> c.value().equals("14")), "claims: " + story.claims());
        assertTrue(story.claims().stream().noneMatch(c -> c.value().equals("12")));
    }

    /**
     * The real S3 client for the two reads ingestion makes (HeadObject, GetObject), telling {@code beforeCall} which
     * operation it is about to run; every other operation is left to the interface's defaults, which refuse to run.
     */
    private static final class ReadsOnly implements S3Client {

        private final S3Client delegate;
        private final java.util.function.Consumer<String> beforeCall;

        ReadsOnly(S3Client delegate, java.util.function.Consumer<String> beforeCall) {
            this.delegate = delegate;
            this.beforeCall = beforeCall;
        }

        @Override
        public software.amazon.awssdk.services.s3.model.HeadObjectResponse headObject(
                software.amazon.awssdk.services.s3.model.HeadObjectRequest request) {
            beforeCall.accept("HeadObject");
            return delegate.headObject(request);
        }

        @Override
        public <T> T getObject(software.amazon.awssdk.services.s3.model.GetObjectRequest request,
                               software.amazon.awssdk.core.sync.ResponseTransformer<
                                       software.amazon.awssdk.services.s3.model.GetObjectResponse, T> transformer) {
            beforeCall.accept("GetObject");
            return delegate.getObject(request, transformer);
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    }
}
