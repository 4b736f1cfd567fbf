package dev.crosscheck.web;

/**
 * A document of the story as the page's header lists it: ingested (with its claim count) or rejected (with the
 * reason).
 *
 * @param status        {@code ingested} or {@code rejected}
 * @param publishedFrom where the published date came from: metadata, html-meta, dateline or upload-time
 */
public record PageSource(String id, String status, String reason, String title, String publisher, String published,
                         String publishedFrom, String url, int claims) {

    public boolean rejected() {
        return "rejected".equals(status);
    }
}
