package dev.crosscheck.document;

/**
 * A sentence of a document: its text and where it lies in the document's normalized text
 * ({@code start} inclusive, {@code end} exclusive), the paragraph it is in (0-based) and its section.
 */
public record Sentence(String text, int start, int end, int paragraph, Section section) {

    /** A line that is only a time of day on the 24-hour clock ("18:04"): a live blog's entry stamp, or a clip's length. */
    private static final java.util.regex.Pattern CLOCK_TIME = java.util.regex.Pattern.compile("(?:[01]?\\d|2[0-3]):[0-5]\\d");

    /** Whether the text is only a time of day on the 24-hour clock ("18:04"). */
    public static boolean clockTimeOnly(String text) {
        return CLOCK_TIME.matcher(text.strip()).matches();
    }
}
