package dev.crosscheck.document;

import java.time.LocalDate;
import java.util.List;

/**
 * An article read and normalized: the text the report quotes, its sentences and what describes it.
 *
 * @param id            stable id: the object key (or the file name on the command line)
 * @param text          the normalized text; every offset in the project refers to it
 * @param published     the date relative dates are resolved against
 * @param publishedFrom where {@code published} came from: metadata, html-meta, dateline, upload-time
 * @param warnings      what was wrong with what the uploader said of it (a {@code published} that is no date, or
 *                      one after the upload), each saying what was used instead; empty when nothing was
 */
public record Document(
        String id,
        String title,
        String publisher,
        String publisherFrom,
        LocalDate published,
        String publishedFrom,
        String url,
        String text,
        List<Sentence> sentences,
        List<String> warnings) {

    /** How a document's date was known when only the time of its upload gave it: no date the article states. */
    public static final String PUBLISHED_FROM_UPLOAD = "upload-time";

    public Document {
        sentences = List.copyOf(sentences);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Document(String id, String title, String publisher, String publisherFrom, LocalDate published,
                    String publishedFrom, String url, String text, List<Sentence> sentences) {
        this(id, title, publisher, publisherFrom, published, publishedFrom, url, text, sentences, List.of());
    }

    /**
     * The latest year the text names, as the reader counts years for datelines (four digits standing alone, 1900 to
     * {@code limit}); 0 when it names none.
     */
    public int latestYearNamed(int limit) {
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        if (text != null) {
            Datelines.yearsNamed(text, limit, years);
        }
        return years.isEmpty() ? 0 : years.last();
    }
}
