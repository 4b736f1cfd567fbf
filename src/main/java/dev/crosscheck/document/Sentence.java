package dev.crosscheck.document;

/**
 * A sentence of a document: its text and where it lies in the document's normalized text
 * ({@code start} inclusive, {@code end} exclusive), the paragraph it is in (0-based) and its section.
 */
public record Sentence(String text, int start, int end, int paragraph, Section section) {
}
