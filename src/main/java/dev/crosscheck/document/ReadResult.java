package dev.crosscheck.document;

/** The outcome of reading a document: an article, or a rejection with the reason a person can act on. */
public sealed interface ReadResult {

    record Accepted(Document document) implements ReadResult {
    }

    record Rejected(String reason) implements ReadResult {
    }
}
