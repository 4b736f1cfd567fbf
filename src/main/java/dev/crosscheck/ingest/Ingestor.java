package dev.crosscheck.ingest;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.analysis.ObjectKeys;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.Sequencers;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Applies object events to the claim store: a created object is read, analyzed and stored as its document's new
 * version (or recorded as rejected, with the reason); a removed object's document and claims leave the reports.
 * Store failures propagate, so the invocation fails and Lambda retries it.
 */
public final class Ingestor {

    /** What an event did. */
    public enum Outcome {
        INGESTED, REJECTED, REMOVED, STALE, GONE
    }

    private final S3Client s3;
    private final ClaimStore store;
    private final ArticleAnalyzer analyzer;
    private final Clock clock;
    private final StoryLimits limits;

    public Ingestor(S3Client s3, ClaimStore store, ArticleAnalyzer analyzer, Clock clock) {
        this(s3, store, analyzer, clock, StoryLimits.DEFAULTS);
    }

    public Ingestor(S3Client s3, ClaimStore store, ArticleAnalyzer analyzer, Clock clock, StoryLimits limits) {
        this.s3 = s3;
        this.store = store;
        this.analyzer = analyzer;
        this.clock = clock;
        this.limits = limits;
    }

    public Outcome apply(ObjectEvent event) {
        String story = ObjectKeys.storyOf(event.key());
        String now = Instant.now(clock).toString();
        if (event.type() == ObjectEvent.Type.REMOVED) {
            return store.removeDocument(story, event.key(), event.sequencer(), now) == ClaimStore.WriteOutcome.APPLIED
                    ? Outcome.REMOVED : Outcome.STALE;
        }
        AnalyzedArticle article = null;
        DocumentMetadata metadata = null;
        long size = 0;
        for (int attempt = 1; article == null; attempt++) {
            HeadObjectResponse head;
            try {
                head = s3.headObject(b -> b.bucket(event.bucket()).key(event.key()));
            } catch (NoSuchKeyException deletedSince) {
                // The object was deleted after this event was sent; its removal event does the rest.
                return Outcome.GONE;
            }
            Map<String, String> meta = head.metadata();
            metadata = new DocumentMetadata(meta.get("published"), meta.get("publisher"), meta.get("title"),
                    meta.get("url"), head.lastModified() != null ? head.lastModified() : Instant.now(clock));
            size = head.contentLength() == null ? 0 : head.contentLength();
            article = head.contentLength() == null ? null : analyzer.rejectBySize(event.key(), head.contentLength());
            if (article == null) {
                // past its story's limits a document is recorded as rejected, with the reason, without being read
                String overLimit = limits.rejection(store.usage(story, event.key()), size);
                article = overLimit == null ? null : AnalyzedArticle.rejected(event.key(), overLimit);
            }
            if (article != null) {
                break;
            }
            String eTag = head.eTag();
            ResponseBytes<GetObjectResponse> bytes;
            try {
                // the content of the very object whose metadata was just read, not of one written in between
                bytes = s3.getObjectAsBytes(b -> b.bucket(event.bucket()).key(event.key()).ifMatch(eTag));
            } catch (NoSuchKeyException deletedSince) {
                return Outcome.GONE;
            } catch (S3Exception e) {
                if (e.statusCode() == 412 && attempt < 3) {
                    continue;   // overwritten between the two reads: read the new object
                }
                throw e;
            }
            article = analyzer.analyze(event.key(), bytes.asByteArrayUnsafe(), metadata);
        }
        StoredDocument stored = toStored(story, event, metadata, article, now, size);
        if (store.saveDocument(stored, article.claims()) == ClaimStore.WriteOutcome.STALE) {
            return Outcome.STALE;
        }
        return article.rejected() ? Outcome.REJECTED : Outcome.INGESTED;
    }

    private static StoredDocument toStored(String story, ObjectEvent event, DocumentMetadata metadata,
                                           AnalyzedArticle article, String now, long size) {
        String version = UUID.randomUUID().toString();
        String sequencer = Sequencers.normalize(event.sequencer());
        Document d = article.document();
        if (d == null) {
            return new StoredDocument(story, event.key(), DocumentStatus.REJECTED, article.rejection(),
                    metadata.title(), metadata.publisher(), metadata.publisher() != null ? "metadata" : null,
                    metadata.published(), metadata.published() != null ? "metadata" : null, metadata.url(),
                    version, sequencer, 0, now);
        }
        return new StoredDocument(story, event.key(), DocumentStatus.INGESTED, null, d.title(), d.publisher(),
                d.publisherFrom(), d.published() != null ? d.published().toString() : null, d.publishedFrom(),
                d.url(), version, sequencer, article.claims().size(), now, article.coverage(),
                article.print() == null ? null : article.print().encode(),
                article.eventPlaces().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(article.eventPlaces())),
                size);
    }
}
