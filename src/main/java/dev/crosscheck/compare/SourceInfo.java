package dev.crosscheck.compare;

import dev.crosscheck.claim.Coverage;

/**
 * What the comparison needs to know of a source besides its claims.
 *
 * @param coverage how much of the source was understood (figures claimed and unread)
 * @param print    the fingerprint of its text, which tells a republished copy (null when unknown)
 */
public record SourceInfo(String id, String title, String publisher, String published, String publishedFrom,
                         Coverage coverage, TextPrint print) {

    public SourceInfo {
        coverage = coverage == null ? Coverage.NONE : coverage;
    }

    public SourceInfo(String id, String title, String publisher, String published, String publishedFrom) {
        this(id, title, publisher, published, publishedFrom, Coverage.NONE, null);
    }
}
