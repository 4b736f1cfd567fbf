package dev.crosscheck.claim;

/**
 * Where a claim was read: the source document, the sentence as it appears in the document's
 * normalized text, and the offsets of the claim's own words in that text ({@code start} inclusive,
 * {@code end} exclusive). {@code sentenceStart} is the offset of {@code quote} in that text, so
 * {@code start - sentenceStart} locates the claim inside {@code quote}.
 *
 * @param truncated the quote is only the part of a very long sentence around the claim (see {@link #around});
 *                  absent in JSON written before the flag existed, which reads as {@code false}
 */
public record Evidence(String source, String quote, int start, int end, int sentenceStart, boolean truncated) {

    /** Evidence with the whole sentence as its quote. */
    public Evidence(String source, String quote, int start, int end, int sentenceStart) {
        this(source, quote, start, end, sentenceStart, false);
    }

    /**
     * This evidence with a quote of at most {@code maxChars} characters, cut around the claim's words: the claim's own
     * span is kept (as much of it as fits, from its start) and the rest of the room is shared by the context before and
     * after it. {@code sentenceStart} moves with the cut, so {@code start}, {@code end} and the quote stay consistent.
     * Evidence that already fits is returned unchanged.
     */
    public Evidence around(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        if (quote == null || quote.length() <= maxChars) {
            return this;
        }
        int spanFrom = clamp(start - sentenceStart, 0, quote.length());
        int spanTo = clamp(end - sentenceStart, spanFrom, quote.length());
        int from;
        int to;
        if (spanTo - spanFrom >= maxChars) {
            from = spanFrom;
            to = spanFrom + maxChars;
        } else {
            int room = maxChars - (spanTo - spanFrom);
            from = Math.max(0, spanFrom - room / 2);
            to = Math.min(quote.length(), from + maxChars);
            from = Math.max(0, to - maxChars);
        }
        // never split a surrogate pair
        if (from > 0 && Character.isLowSurrogate(quote.charAt(from))) {
            from++;
        }
        if (to < quote.length() && to > from && Character.isHighSurrogate(quote.charAt(to - 1))) {
            to--;
        }
        return new Evidence(source, quote.substring(from, to), start, end, sentenceStart + from, true);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
