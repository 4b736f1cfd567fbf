package dev.crosscheck.store;

/**
 * What the table says of one object of the bucket: the document item's status, the sequencer of the change applied
 * last and the ETags of the object and of its metadata sidecar as they were read then.
 *
 * @param objectETag  null when the document is removed or was stored by a release that did not record it
 * @param sidecarETag null when the document was read without a sidecar
 * @param updatedAt   when the change applied last was stored (ISO instant; null when unknown)
 */
public record StoredObject(String story, String key, DocumentStatus status, String sequencer, String objectETag,
                           String sidecarETag, String updatedAt) {
}
