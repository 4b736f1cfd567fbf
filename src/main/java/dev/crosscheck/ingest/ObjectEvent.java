package dev.crosscheck.ingest;

/**
 * One change to an object in the articles bucket, as the ingest path needs it.
 *
 * @param key       the object key, already URL-decoded
 * @param sequencer the S3 event sequencer, orders events of the same key (may be null)
 * @param eventTime ISO instant of the event (may be null)
 */
public record ObjectEvent(Type type, String bucket, String key, String sequencer, String eventTime) {

    public enum Type {
        CREATED, REMOVED
    }
}
