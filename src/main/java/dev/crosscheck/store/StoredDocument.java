package dev.crosscheck.store;

import dev.crosscheck.claim.Coverage;

/**
 * A document of a story as stored: what describes it, its status and the version of its claims that reports use.
 *
 * @param sequencer the S3 event sequencer of the event applied last, padded to a fixed width (see {@link Sequencers})
 * @param version   identifies the set of claim items that belong to the current content of the document; unique
 *                  across all documents (a random UUID per ingestion)
 * @param claims    how many claims the current version has (set by the store from the claims it writes)
 * @param coverage  how much of the current version was understood: its figures, claimed or unread
 * @param print     the fingerprint of the current version's text ({@code TextPrint#encode}), which tells a
 *                  republished copy; null when unknown
 * @param places    the places where the document's main event happened, comma-separated scope ids ("lahaina"): a
 *                  figure scoped to one of them is the whole event's; null when none
 * @param bytes     the size of the object read, counted against its story's limit (0 when unknown)
 * @param warnings  what was wrong with its metadata, and what was used instead ({@link
 *                  dev.crosscheck.document.Document#warnings()})
 * @param objectETag  the ETag of the object as read (null when unknown: removed, or stored by an earlier release):
 *                    reconciliation tells by it whether the stored version is the object's current content
 * @param sidecarETag the ETag of the metadata sidecar read with it (null when it had none)
 */
public record StoredDocument(
        String story,
        String id,
        DocumentStatus status,
        String reason,
        String title,
        String publisher,
        String publisherFrom,
        String published,
        String publishedFrom,
        String url,
        String version,
        String sequencer,
        int claims,
        String updatedAt,
        Coverage coverage,
        String print,
        String places,
        long bytes,
        java.util.List<String> warnings,
        String objectETag,
        String sidecarETag) {

    public StoredDocument {
        coverage = coverage == null ? Coverage.NONE : coverage;
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    /** A document whose object's ETag is not known. */
    public StoredDocument(String story, String id, DocumentStatus status, String reason, String title,
                          String publisher, String publisherFrom, String published, String publishedFrom, String url,
                          String version, String sequencer, int claims, String updatedAt, Coverage coverage,
                          String print, String places, long bytes, java.util.List<String> warnings) {
        this(story, id, status, reason, title, publisher, publisherFrom, published, publishedFrom, url, version,
                sequencer, claims, updatedAt, coverage, print, places, bytes, warnings, null, null);
    }

    /** A document whose metadata raised no warning. */
    public StoredDocument(String story, String id, DocumentStatus status, String reason, String title,
                          String publisher, String publisherFrom, String published, String publishedFrom, String url,
                          String version, String sequencer, int claims, String updatedAt, Coverage coverage,
                          String print, String places, long bytes) {
        this(story, id, status, reason, title, publisher, publisherFrom, published, publishedFrom, url, version,
                sequencer, claims, updatedAt, coverage, print, places, bytes, java.util.List.of());
    }

    /** A document of unknown size. */
    public StoredDocument(String story, String id, DocumentStatus status, String reason, String title,
                          String publisher, String publisherFrom, String published, String publishedFrom, String url,
                          String version, String sequencer, int claims, String updatedAt, Coverage coverage,
                          String print, String places) {
        this(story, id, status, reason, title, publisher, publisherFrom, published, publishedFrom, url, version,
                sequencer, claims, updatedAt, coverage, print, places, 0);
    }

    /** A document with nothing known of its coverage (rejected, removed, or stored by an earlier release). */
    public StoredDocument(String story, String id, DocumentStatus status, String reason, String title,
                          String publisher, String publisherFrom, String published, String publishedFrom, String url,
                          String version, String sequencer, int claims, String updatedAt) {
        this(story, id, status, reason, title, publisher, publisherFrom, published, publishedFrom, url, version,
                sequencer, claims, updatedAt, Coverage.NONE, null, null);
    }
}
