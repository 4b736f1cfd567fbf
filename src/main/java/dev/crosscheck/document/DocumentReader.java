package dev.crosscheck.document;

/** Turns the bytes of an uploaded article (text, Markdown or HTML) into a normalized {@link Document}. */
public final class DocumentReader {

    /** Default largest accepted document, in bytes. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    private final long maxBytes;

    public DocumentReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads one document.
     *
     * @param id       the document id (object key or file name); its extension selects the format
     * @param content  the raw bytes
     * @param metadata what the uploader says about it
     */
    public ReadResult read(String id, byte[] content, DocumentMetadata metadata) {
        throw new UnsupportedOperationException("TODO");
    }
}
