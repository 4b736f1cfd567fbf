package dev.crosscheck.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryLimits;
import dev.crosscheck.store.StorySummary;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A story's limits against the S3 emulator and DynamoDB Local: past them, new documents are rejected with a reason. */
class StoryLimitsIngestTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String ARTICLE = "Officials signed 14 agreements on Tuesday, the ministry said.\n";

    private S3Client s3;
    private ClaimStore store;
    private String story;
    private long sequencer;

    @BeforeEach
    void setUp() throws Exception {
        s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        story = Emulators.uniqueName("limited");
    }

    private Ingestor.Outcome upload(Ingestor ingestor, String name, String text) {
        String key = story + "/" + name;
        s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(Map.of("published", "2023-03-22")),
                RequestBody.fromString(text));
        return ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, key,
                String.format("%04X", ++sequencer), null));
    }

    private StoredDocument document(String name) {
        return store.loadStory(story).orElseThrow().documents().stream()
                .filter(d -> d.id().equals(story + "/" + name)).findFirst().orElseThrow();
    }

    private StorySummary summary() {
        return store.listStories().stream().filter(s -> s.story().equals(story)).findFirst().orElseThrow();
    }

    @Test
    void pastTheDocumentLimitANewDocumentIsRejectedWithTheReasonAndAReplacementStillIngests() {
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC(),
                new StoryLimits(2, 1_000_000));
        assertEquals(Ingestor.Outcome.INGESTED, upload(ingestor, "a.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.INGESTED, upload(ingestor, "b.txt", ARTICLE));
        assertFalse(summary().overLimit());

        assertEquals(Ingestor.Outcome.REJECTED, upload(ingestor, "c.txt", ARTICLE));
        StoredDocument c = document("c.txt");
        assertEquals(DocumentStatus.REJECTED, c.status());
        assertTrue(c.reason().startsWith("story limit: the story already holds 2 documents"), c.reason());
        assertTrue(summary().overLimit(), "the story list shows the story over its limit");
        assertEquals(3, summary().documents(), "the rejected document is listed, not dropped");

        assertEquals(Ingestor.Outcome.INGESTED, upload(ingestor, "a.txt", ARTICLE + "They met again on Friday.\n"),
                "a document that replaces one of the story's own takes its place");
    }

    @Test
    void pastTheByteLimitANewDocumentIsRejected() {
        long size = ARTICLE.length();
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC(),
                new StoryLimits(100, size * 2 + 10));
        assertEquals(Ingestor.Outcome.INGESTED, upload(ingestor, "a.txt", ARTICLE));
        assertEquals(size, document("a.txt").bytes(), "the document's size is kept with it");
        assertEquals(Ingestor.Outcome.INGESTED, upload(ingestor, "b.txt", ARTICLE));
        assertEquals(Ingestor.Outcome.REJECTED, upload(ingestor, "c.txt", ARTICLE));
        assertTrue(document("c.txt").reason().contains("MAX_BYTES_PER_STORY"), document("c.txt").reason());
    }

    @Test
    void theLimitsComeFromTheEnvironmentAndABadValueIsAnError() {
        assertEquals(StoryLimits.DEFAULTS, StoryLimits.fromEnvironment(Map.of()));
        assertEquals(new StoryLimits(10, 2048), StoryLimits.fromEnvironment(Map.of("MAX_DOCUMENTS_PER_STORY", "10",
                "MAX_BYTES_PER_STORY", "2048")));
        assertThrows(IllegalArgumentException.class,
                () -> StoryLimits.fromEnvironment(Map.of("MAX_DOCUMENTS_PER_STORY", "many")));
        assertThrows(IllegalArgumentException.class,
                () -> StoryLimits.fromEnvironment(Map.of("MAX_BYTES_PER_STORY", "0")));
    }
}
