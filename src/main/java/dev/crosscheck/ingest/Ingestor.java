package dev.crosscheck.ingest;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.analysis.ObjectKeys;
import dev.crosscheck.analysis.ObjectKinds;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.document.DocumentReader;
import dev.crosscheck.document.MetadataText;
import dev.crosscheck.document.Sidecars;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.Sequencers;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        INGESTED, REJECTED, REMOVED, STALE, GONE,
        /** A metadata sidecar changed: the documents it describes were read again ({@link ObjectKinds}). */
        SIDECAR,
        /** A folder marker: not a document, nothing to record. */
        IGNORED
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
        return switch (ObjectKinds.of(event.key())) {
            case FOLDER -> Outcome.IGNORED;
            case SIDECAR -> applySidecar(event);
            case DOCUMENT, OTHER -> apply(event, Sequencers.normalize(event.sequencer()), true);
        };
    }

    /**
     * A sidecar was written or removed: each document it describes that the store holds is read again, ordered after
     * the document's own event (its sequencer) and by the sidecar's event among the sidecar's changes. A document not
     * stored yet is left to its own ingestion, which reads the sidecar, and looks again once it has stored.
     */
    private Outcome applySidecar(ObjectEvent event) {
        String prefix = ObjectKinds.documentPrefixOf(event.key());
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(event.bucket()).prefix(prefix))) {
            for (var object : page.contents()) {
                String key = object.key();
                if (ObjectKinds.of(key) != ObjectKinds.Kind.DOCUMENT || !ObjectKinds.sidecarOf(key).equals(event.key())) {
                    continue;
                }
                Optional<String> current = store.currentSequencer(ObjectKeys.storyFor(key), key);
                if (current.isPresent()) {
                    apply(new ObjectEvent(ObjectEvent.Type.CREATED, event.bucket(), key, null, event.eventTime()),
                            Sequencers.withSidecar(current.get(), event.sequencer()), false);
                }
            }
        }
        return Outcome.SIDECAR;
    }

    private Outcome apply(ObjectEvent event, String sequencer, boolean ownEvent) {
        // a key the API could not address is recorded in a story of its own, rejected with the reason
        String keyProblem = ObjectKeys.keyProblem(event.key());
        String story = ObjectKeys.storyFor(event.key());
        String now = Instant.now(clock).toString();
        if (event.type() == ObjectEvent.Type.REMOVED) {
            return store.removeDocument(story, event.key(), sequencer, now) == ClaimStore.WriteOutcome.APPLIED
                    ? Outcome.REMOVED : Outcome.STALE;
        }
        boolean document = keyProblem == null && ObjectKinds.of(event.key()) == ObjectKinds.Kind.DOCUMENT;
        String sidecarKey = ObjectKinds.sidecarOf(event.key());
        AnalyzedArticle article = null;
        DocumentMetadata metadata = null;
        Sidecar sidecar = Sidecar.NONE;
        String objectETag = null;
        long size = 0;
        for (int attempt = 1; article == null; attempt++) {
            HeadObjectResponse head;
            try {
                head = s3.headObject(b -> b.bucket(event.bucket()).key(event.key()));
            } catch (NoSuchKeyException deletedSince) {
                // The object was deleted after this event was sent; its removal event does the rest.
                return Outcome.GONE;
            }
            Map<String, String> meta = new HashMap<>(head.metadata());
            if (document) {
                // the object's own metadata first; its sidecar gives what the object does not say
                sidecar = readSidecar(event.bucket(), sidecarKey);
                sidecar.fields().forEach(meta::putIfAbsent);
            }
            // S3 returns metadata that is not ASCII as RFC 2047 encoded-words; some tools percent-encode it
            metadata = new DocumentMetadata(MetadataText.decode(meta.get("published")),
                    MetadataText.decode(meta.get("publisher")), MetadataText.decode(meta.get("title")),
                    MetadataText.decodeEncodedWords(meta.get("url")),
                    head.lastModified() != null ? head.lastModified() : Instant.now(clock));
            size = head.contentLength() == null ? 0 : head.contentLength();
            objectETag = head.eTag();
            if (keyProblem != null) {
                article = AnalyzedArticle.rejected(event.key(), "the API cannot address this key: " + keyProblem
                        + "; it is recorded in the story " + ObjectKeys.UNADDRESSABLE_STORY + ", not read");
            } else if (!document) {
                article = AnalyzedArticle.rejected(event.key(), ObjectKinds.rejection(event.key()));
            }
            if (article == null) {
                article = head.contentLength() == null ? null
                        : analyzer.rejectBySize(event.key(), head.contentLength());
            }
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
        StoredDocument stored = toStored(story, event, sequencer, metadata, article, now, size, objectETag,
                sidecar.eTag());
        if (store.saveDocument(stored, article.claims()) == ClaimStore.WriteOutcome.STALE) {
            return Outcome.STALE;
        }
        if (document && ownEvent && !Objects.equals(sidecar.eTag(), sidecarETag(event.bucket(), sidecarKey))) {
            // The sidecar changed while the document was read: its own event may have found the document not stored
            // yet, so the document is read again with it, after this event and before any of the sidecar's.
            apply(event, Sequencers.after(sequencer), false);
        }
        return article.rejected() ? Outcome.REJECTED : Outcome.INGESTED;
    }

    /** A sidecar as read: its fields, and its ETag (null when there is none). */
    private record Sidecar(Map<String, String> fields, String eTag) {
        static final Sidecar NONE = new Sidecar(Map.of(), null);
    }

    /**
     * The document's sidecar, if there is one. A sidecar that is not a readable JSON object gives no fields; the
     * document is ingested with its own metadata (the sidecar's own event records nothing either).
     */
    private Sidecar readSidecar(String bucket, String key) {
        ResponseBytes<GetObjectResponse> bytes;
        try {
            bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException none) {
            return Sidecar.NONE;
        }
        try {
            return new Sidecar(Sidecars.fields(bytes.asByteArrayUnsafe()), bytes.response().eTag());
        } catch (IllegalArgumentException unreadable) {
            return new Sidecar(Map.of(), bytes.response().eTag());
        }
    }

    private String sidecarETag(String bucket, String key) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
        } catch (NoSuchKeyException none) {
            return null;
        }
    }

    private static StoredDocument toStored(String story, ObjectEvent event, String sequencer, DocumentMetadata metadata,
                                           AnalyzedArticle article, String now, long size, String objectETag,
                                           String sidecarETag) {
        String version = UUID.randomUUID().toString();
        Document d = article.document();
        if (d == null) {
            // a rejected document keeps what the uploader said of it, but only a date as its date
            String given = metadata.published() == null || metadata.published().isBlank() ? null
                    : metadata.published();
            java.time.LocalDate date = DocumentReader.publishedDate(given);
            return new StoredDocument(story, event.key(), DocumentStatus.REJECTED, article.rejection(),
                    metadata.title(), metadata.publisher(), metadata.publisher() != null ? "metadata" : null,
                    date == null ? null : date.toString(), date == null ? null : "metadata", metadata.url(),
                    version, sequencer, 0, now, null, null, null, size,
                    DocumentReader.publishedWarnings(given, date, "metadata", null), objectETag, sidecarETag);
        }
        return new StoredDocument(story, event.key(), DocumentStatus.INGESTED, null, d.title(), d.publisher(),
                d.publisherFrom(), d.published() != null ? d.published().toString() : null, d.publishedFrom(),
                d.url(), version, sequencer, article.claims().size(), now, article.coverage(),
                article.print() == null ? null : article.print().encode(),
                article.eventPlaces().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(article.eventPlaces())),
                size, d.warnings(), objectETag, sidecarETag);
    }
}
