package dev.crosscheck.compare;

/** What the comparison needs to know of a source besides its claims. */
public record SourceInfo(String id, String title, String publisher, String published, String publishedFrom) {
}
