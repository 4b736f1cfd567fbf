package dev.crosscheck.document;

import java.time.Instant;

/**
 * What the uploader says about a document (S3 user metadata, or a {@code NAME.meta.json} sidecar on the
 * command line), plus when it was uploaded. Any field but {@code uploadedAt} may be null.
 */
public record DocumentMetadata(String published, String publisher, String title, String url, Instant uploadedAt) {

    public static DocumentMetadata none(Instant uploadedAt) {
        return new DocumentMetadata(null, null, null, null, uploadedAt);
    }
}
