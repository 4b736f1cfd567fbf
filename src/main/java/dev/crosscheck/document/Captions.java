package dev.crosscheck.document;

import java.util.List;

/**
 * Recognizes photo captions in running text by their credit ("Photo by Kremlin Pool/UPI", "(Photo: Reuters)",
 * "File photo", "Image: ..."), using the markers in {@code document/caption-markers.txt}.
 */
final class Captions {

    private static final List<String> MARKERS = WordList.load("caption-markers.txt");

    /** The markers by their first character (markers that start above U+00FF are not expected, and refused). */
    private static final String[][] BY_FIRST_CHAR = byFirstChar(MARKERS);

    /** A credit is short: what follows the marker to the end of its sentence. */
    private static final int MAX_CREDIT_CHARS = 80;
    private static final int MAX_CREDIT_WORDS = 8;

    /** A paragraph that opens with a marker ("Photo: rescuers search ...") is a caption when it is this short. */
    private static final int MAX_CAPTION_PARAGRAPH = 300;

    private Captions() {
    }

    private static String[][] byFirstChar(List<String> markers) {
        String[][] table = new String[256][];
        for (String marker : markers) {
            char first = marker.charAt(0);
            if (first >= table.length) {
                throw new IllegalStateException("caption-markers.txt: a marker must start with a Latin-1 character: "
                        + marker);
            }
            String[] old = table[first] == null ? new String[0] : table[first];
            String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = marker;
            table[first] = grown;
        }
        return table;
    }

    /** Whether the sentence ends with a photo credit, or opens a short paragraph with a caption marker. */
    static boolean isCaptionSentence(String sentence, String paragraph) {
        int at = markerAt(sentence);
        if (at < 0) {
            return false;
        }
        return isCredit(sentence.substring(at)) || at == 0 && paragraph.length() <= MAX_CAPTION_PARAGRAPH;
    }

    /** Whether the whole paragraph is a caption: it ends with a credit, or is short and opens with a marker. */
    static boolean isCaptionParagraph(String paragraph, String lastSentence) {
        int at = markerAt(lastSentence);
        if (at >= 0 && isCredit(lastSentence.substring(at))) {
            return true;
        }
        return paragraph.length() <= MAX_CAPTION_PARAGRAPH && opensWithMarker(paragraph);
    }

    /** Whether a marker opens the text (what {@code markerAt(text) == 0} says, without scanning the rest). */
    static boolean opensWithMarker(String text) {
        if (text.isEmpty() || text.charAt(0) >= BY_FIRST_CHAR.length || BY_FIRST_CHAR[text.charAt(0)] == null) {
            return false;
        }
        for (String marker : BY_FIRST_CHAR[text.charAt(0)]) {
            if (text.startsWith(marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCredit(String tail) {
        if (tail.length() > MAX_CREDIT_CHARS) {
            return false;
        }
        int words = tail.isBlank() ? 0 : tail.strip().split(" ").length;
        return words <= MAX_CREDIT_WORDS;
    }

    /**
     * Where the first marker starts; a marker that begins with a letter must open the text or follow a non-letter.
     * -1 when there is none. One pass over the text: only the markers whose first character is the one at hand
     * are compared there.
     */
    static int markerAt(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= BY_FIRST_CHAR.length || BY_FIRST_CHAR[c] == null) {
                continue;
            }
            for (String marker : BY_FIRST_CHAR[c]) {
                if (text.startsWith(marker, i)
                        && (i == 0 || !Character.isLetter(c) || !Character.isLetter(text.charAt(i - 1)))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
