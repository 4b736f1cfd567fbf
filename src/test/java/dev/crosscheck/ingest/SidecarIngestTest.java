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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * A folder laid out as the README describes ({@code NAME.txt} beside {@code NAME.meta.json}), uploaded in any order,
 * against the S3 emulator and DynamoDB Local: the sidecar's metadata is the document's whichever arrives first, a
 * change or removal of the sidecar reads the document again, a sidecar is never a source, and every other object is
 * either a document by the one rule or recorded as rejected with the reason.
 */
class SidecarIngestTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String ARTICLE = "Officials signed 14 agreements on Tuesday, the ministry said.\n";
    private static final String SIDECAR = "{\"published\": \"2023-03-21\", \"publisher\": \"Harbour Wire\", "
            + "\"title\": \"Fourteen agreements\", \"url\": \"https://example.org/a\"}";

    private S3Client s3;
    private ClaimStore store;
    private Ingestor ingestor;
    private String story;
    private long sequencer;

    @BeforeEach
    void setUp() throws Exception {
        s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        story = Emulators.uniqueName("sidecars");
        ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());
    }

    private void put(String name, String content) {
        s3.putObject(b -> b.bucket(BUCKET).key(story + "/" + name), RequestBody.fromString(content));
    }

    private Ingestor.Outcome event(ObjectEvent.Type type, String name) {
        return ingestor.apply(new ObjectEvent(type, BUCKET, story + "/" + name, String.format("%04X", ++sequencer),
                "2023-03-22T08:00:00Z"));
    }

    private Ingestor.Outcome upload(String name, String content) {
        put(name, content);
        return event(ObjectEvent.Type.CREATED, name);
    }

    private Ingestor.Outcome delete(String name) {
        s3.deleteObject(b -> b.bucket(BUCKET).key(story + "/" + name));
        return event(ObjectEvent.Type.REMOVED, name);
    }

    private List<StoredDocument> documents() {
        return store.loadStory(story).map(d -> d.documents()).orElse(List.of());
    }

    private Optional<StoredDocument> document(String name) {
        return documents().stream().filter(d -> d.id().equals(story + "/" + name)).findFirst();
    }

    @Test
    void aSidecarThatArrivesFirstIsTheDocumentsMetadataAndNeverASource() {
        assertEquals(Ingestor.Outcome.SIDECAR, upload("a.meta.json", SIDECAR));
        assertEquals(List.of(), documents(), "a sidecar is not a source");
        assertEquals(Ingestor.Outcome.INGESTED, upload("a.txt", ARTICLE));
        StoredDocument a = document("a.txt").orElseThrow();
        assertEquals("2023-03-21", a.published());
        assertEquals("metadata", a.publishedFrom());
        assertEquals("Harbour Wire", a.publisher());
        assertEquals("Fourteen agreements", a.title());
        assertEquals("https://example.org/a", a.url());
        assertEquals(1, documents().size());
    }

    @Test
    void aSidecarThatArrivesLaterOrChangesOrGoesReadsItsDocumentsAgain() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("a.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.INGESTED, upload("a.html", "<p>" + ARTICLE + "</p>"));
        assertEquals(Ingestor.Outcome.INGESTED, upload("ab.txt", ARTICLE));
        assertEquals("upload-time", document("a.txt").orElseThrow().publishedFrom(), "no sidecar yet: the upload time");

        assertEquals(Ingestor.Outcome.SIDECAR, upload("a.meta.json", SIDECAR));
        for (String name : List.of("a.txt", "a.html")) {
            assertEquals("2023-03-21", document(name).orElseThrow().published(), name);
            assertEquals("Harbour Wire", document(name).orElseThrow().publisher(), name);
        }
        assertEquals("upload-time", document("ab.txt").orElseThrow().publishedFrom(), "ab.txt is not a.*");

        assertEquals(Ingestor.Outcome.SIDECAR, upload("a.meta.json", SIDECAR.replace("2023-03-21", "2023-03-20")));
        assertEquals("2023-03-20", document("a.txt").orElseThrow().published(), "a changed sidecar applies");

        // the document's own later event still wins over the sidecar's re-reading, and reads the sidecar itself
        assertEquals(Ingestor.Outcome.INGESTED, upload("a.txt", ARTICLE + "They met again on Friday.\n"));
        assertEquals("2023-03-20", document("a.txt").orElseThrow().published());
        // a retry of an event already applied is stale, whatever re-readings came in between
        assertEquals(Ingestor.Outcome.STALE, ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET,
                story + "/a.html", String.format("%04X", 2), "2023-03-22T08:00:00Z")));

        assertEquals(Ingestor.Outcome.SIDECAR, delete("a.meta.json"));
        assertEquals("upload-time", document("a.txt").orElseThrow().publishedFrom(), "without its sidecar, the fallback");
        assertEquals(null, document("a.txt").orElseThrow().publisher());

        assertEquals(Ingestor.Outcome.REMOVED, delete("a.txt"));
        assertEquals(Ingestor.Outcome.SIDECAR, upload("a.meta.json", SIDECAR));
        assertEquals(DocumentStatus.REMOVED, document("a.txt").map(StoredDocument::status)
                .orElse(DocumentStatus.REMOVED), "a removed document stays removed");
    }

    @Test
    void aSidecarWrittenWhileItsDocumentIsReadIsNotLost() throws Exception {
        // The sidecar lands after the document's ingestion read it (none yet) and before the store holds the
        // document, so the sidecar's own event finds nothing to read again: the document's ingestion looks again.
        AtomicBoolean written = new AtomicBoolean();
        String articleKey = story + "/race.txt";
        S3Client racing = S3Client.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .forcePathStyle(true).endpointOverride(s3.serviceClientConfiguration().endpointOverride().orElseThrow())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof GetObjectRequest get && get.key().equals(articleKey)
                                && written.compareAndSet(false, true)) {
                            put("race.meta.json", SIDECAR);
                            assertEquals(Ingestor.Outcome.SIDECAR, event(ObjectEvent.Type.CREATED,
                                    "race.meta.json"), "the sidecar's event, while the document is not stored");
                        }
                    }
                })).build();
        put("race.txt", ARTICLE);
        Ingestor ingesting = new Ingestor(racing, store, new ArticleAnalyzer(), Clock.systemUTC());
        assertEquals(Ingestor.Outcome.INGESTED, ingesting.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET,
                articleKey, String.format("%04X", ++sequencer), "2023-03-22T08:00:00Z")));
        assertTrue(written.get());
        assertEquals("2023-03-21", document("race.txt").orElseThrow().published());
        assertEquals("Harbour Wire", document("race.txt").orElseThrow().publisher());
    }

    @Test
    void oneRuleDecidesWhatIsADocumentAndEverythingElseIsRecordedWithTheReason() {
        assertEquals(Ingestor.Outcome.INGESTED, upload("UPPER.TXT", ARTICLE), "extensions in any case");
        assertEquals(Ingestor.Outcome.INGESTED, upload("notes.Md", ARTICLE));
        assertEquals(Ingestor.Outcome.REJECTED, upload("data.json", "{\"figures\": [14]}"));
        assertEquals(Ingestor.Outcome.REJECTED, upload("README", ARTICLE));
        assertEquals(Ingestor.Outcome.IGNORED, upload("folder/", ""), "a folder marker is nothing to record");

        StoredDocument json = document("data.json").orElseThrow();
        assertEquals(DocumentStatus.REJECTED, json.status());
        assertTrue(json.reason().startsWith("not an article: a .json file is not read"), json.reason());
        assertTrue(json.reason().contains(".txt") && json.reason().contains("NAME.meta.json"), json.reason());
        assertTrue(document("README").orElseThrow().reason().contains("a file without an extension"));
        assertEquals(4, documents().size(), "two documents and two rejections; no folder");

        // a broken sidecar gives no metadata and breaks nothing
        assertEquals(Ingestor.Outcome.SIDECAR, upload("UPPER.meta.json", "{not json"));
        assertEquals("upload-time", document("UPPER.TXT").orElseThrow().publishedFrom());
    }
}
