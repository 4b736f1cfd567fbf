package dev.crosscheck.store;

/** The files a stored report consists of: its renderings, and the parts the page is made of. */
public enum ReportFile {
    /** The report as JSON (the report contract). */
    JSON("report.json", "application/json"),
    /** The report as Markdown. */
    MARKDOWN("report.md", "text/markdown; charset=utf-8"),
    /** The report page, its links relative to a base the API fills in ({@code ReportRenderings.PAGE_BASE}). */
    PAGE("report.html", "text/html; charset=utf-8"),
    /** The story's dated events, as GET /stories/{story}/timeline answers. */
    TIMELINE("timeline.json", "application/json"),
    /** The story's documents as the page lists them, to render a filtered page without reading the story. */
    PAGE_SOURCES("page-sources.json", "application/json");

    private final String fileName;
    private final String contentType;

    ReportFile(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }
}
