package dev.crosscheck.document;

/**
 * A paragraph as a source format delivers it, before sentence splitting: its normalized text and what the
 * markup says it is.
 *
 * @param lines how many source lines it was made of (1 for a line standing alone)
 */
record Block(String text, Kind kind, int lines) {

    enum Kind {
        /** A heading in the markup (Markdown '#', HTML h1..h6). */
        HEADING,
        /** Marked as a caption by the markup (HTML figcaption). */
        CAPTION,
        /** Running text. */
        TEXT
    }
}
