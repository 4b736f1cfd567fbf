package dev.crosscheck.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bad metadata is never swallowed: a {@code published} that is no date is a warning on the source naming the date
 * used instead, a date after the upload is kept and flagged, a rejected document shows no date it was not given as
 * one, and encoded values (as S3 returns non-ASCII metadata) are decoded. Against the S3 emulator and DynamoDB Local.
 */
class MetadataIngestTest {

    private static final String BUCKET = "crosscheck-articles";
    /** A dateline gives a date to fall back on. */
    private static final String ARTICLE = "MOSCOW, March 21 (Wire) — Officials signed 14 agreements on Tuesday.\n";

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
        story = Emulators.uniqueName("metadata");
    }

    private StoredDocument ingest(String name, String content, Map<String, String> metadata) {
        String key = story + "/" + name;
        s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(metadata), RequestBody.fromString(content));
        new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()).apply(new ObjectEvent(
                ObjectEvent.Type.CREATED, BUCKET, key, String.format("%04X", ++sequencer), null));
        return store.listDocuments(story, 100, null).orElseThrow().documents().stream()
                .filter(d -> d.id().equals(key)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "published={0}")
    @CsvSource({"2023-13-45", "yesterday", "2023-02-30", "21/03/2023x"})
    void aPublishedThatIsNoDateIsAWarningNamingTheDateUsed(String given) {
        StoredDocument d = ingest("a.txt", ARTICLE, Map.of("published", given));
        assertEquals("dateline", d.publishedFrom(), "the next source of a date, not the upload time silently");
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        String warning = d.warnings().get(0);
        assertTrue(warning.startsWith("published '" + given + "' is not a date"), warning);
        assertTrue(warning.contains("the date used is " + d.published() + ", from dateline"), warning);
    }

    @Test
    void aDateAfterTheUploadIsKeptAndFlagged() {
        StoredDocument d = ingest("future.txt", ARTICLE, Map.of("published", "2199-01-01"));
        assertEquals("2199-01-01", d.published());
        assertEquals("metadata", d.publishedFrom());
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).matches("published 2199-01-01 is after the upload \\(\\d{4}-\\d{2}-\\d{2}\\): "
                + "kept as given"), d.warnings().get(0));
        assertEquals(List.of(), ingest("fine.txt", ARTICLE, Map.of("published", "2023-03-21")).warnings());
    }

    @Test
    void aRejectedDocumentShowsNoDateItWasNotGivenAsOne() {
        StoredDocument d = ingest("empty.txt", "   \n", Map.of("published", "2023-13-45", "publisher", "Wire"));
        assertEquals("rejected", d.status().wireName());
        assertNull(d.published(), "the raw value is not echoed as a date");
        assertTrue(d.warnings().get(0).startsWith("published '2023-13-45' is not a date"), d.warnings().toString());
        assertEquals("Wire", d.publisher());
    }

    @Test
    void encodedMetadataIsDecoded() {
        StoredDocument d = ingest("encoded.txt", ARTICLE, Map.of("publisher", "=?UTF-8?B?TGUgUXVvdGlkaWVuIGTigJlBbGdlcg==?=",
                "title", "H%C3%A9l%C3%A8ne%20signs", "published", "2023-03-21"));
        assertEquals("Le Quotidien d’Alger", d.publisher());
        assertEquals("Hélène signs", d.title());
        assertEquals(List.of(), d.warnings());
    }
}
