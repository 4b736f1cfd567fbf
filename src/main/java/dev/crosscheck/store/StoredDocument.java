package dev.crosscheck.store;

/**
 * A document of a story as stored: what describes it, its status and the version of its claims that reports use.
 *
 * @param sequencer the S3 event sequencer of the event applied last, padded to a fixed width (see {@link Sequencers})
 * @param version   identifies the set of claim items that belong to the current content of the document; unique
 *                  across all documents (a random UUID per ingestion)
 * @param claims    how many claims the current version has (set by the store from the claims it writes)
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
        String updatedAt) {
}
