package dev.crosscheck.claim;

/**
 * Where a claim was read: the source document, the sentence as it appears in the document's
 * normalized text, and the offsets of the claim's own words in that text ({@code start} inclusive,
 * {@code end} exclusive). {@code sentenceStart} is the offset of the sentence, so
 * {@code start - sentenceStart} locates the claim inside {@code quote}.
 */
public record Evidence(String source, String quote, int start, int end, int sentenceStart) {
}
