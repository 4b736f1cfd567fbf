package dev.crosscheck.compare;

import dev.crosscheck.claim.Coverage;

/**
 * What the comparison needs to know of a source besides its claims.
 *
 * @param coverage how much of the source was understood (figures claimed and unread)
 * @param print    the fingerprint of its text, which tells a republished copy (null when unknown)
 * @param eventPlaces the places where the source's main event happened (scope ids): a figure of the story scoped to
 *                 one of them is the whole event's
 */
public record SourceInfo(String id, String title, String publisher, String published, String publishedFrom,
                         Coverage coverage, TextPrint print, java.util.Set<String> eventPlaces,
                         java.util.List<String> warnings) {

    public SourceInfo {
        coverage = coverage == null ? Coverage.NONE : coverage;
        eventPlaces = eventPlaces == null ? java.util.Set.of() : java.util.Set.copyOf(eventPlaces);
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    public SourceInfo(String id, String title, String publisher, String published, String publishedFrom,
                      Coverage coverage, TextPrint print, java.util.Set<String> eventPlaces) {
        this(id, title, publisher, published, publishedFrom, coverage, print, eventPlaces, java.util.List.of());
    }

    public SourceInfo(String id, String title, String publisher, String published, String publishedFrom) {
        this(id, title, publisher, published, publishedFrom, Coverage.NONE, null, null);
    }

    /**
     * Whether the source's date is one the article states (metadata, HTML, dateline), not only the time it was
     * uploaded: the day a running figure of an undated page held is unknown.
     */
    public boolean datedByArticle() {
        return published != null && !dev.crosscheck.document.Document.PUBLISHED_FROM_UPLOAD.equals(publishedFrom);
    }

    /** The event places of a stored document's comma-separated list. */
    public static java.util.Set<String> places(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? java.util.Set.of()
                : java.util.Set.of(commaSeparated.split(","));
    }
}
