package dev.crosscheck.document;

import java.util.List;

/**
 * Recognizes photo captions in running text by their credit ("Photo by Kremlin Pool/UPI", "(Photo: Reuters)",
 * "File photo", "Image: ..."), using the markers in {@code document/caption-markers.txt}.
 */
final class Captions {

    private static final List<String> MARKERS = WordList.load("caption-markers.txt");

    /** A credit is short: what follows the marker to the end of its sentence. */
    private static final int MAX_CREDIT_CHARS = 80;
    private static final int MAX_CREDIT_WORDS = 8;

    /** A paragraph that opens with a marker ("Photo: rescuers search ...") is a caption when it is this short. */
    private static final int MAX_CAPTION_PARAGRAPH = 300;

    private Captions() {
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
        return paragraph.length() <= MAX_CAPTION_PARAGRAPH && markerAt(paragraph) == 0;
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
     * -1 when there is none.
     */
    static int markerAt(String text) {
        int best = -1;
        for (String marker : MARKERS) {
            int from = 0;
            while (true) {
                int i = text.indexOf(marker, from);
                if (i < 0 || best >= 0 && i >= best) {
                    break;
                }
                if (i == 0 || !Character.isLetter(marker.charAt(0)) || !Character.isLetter(text.charAt(i - 1))) {
                    best = i;
                    break;
                }
                from = i + 1;
            }
        }
        return best;
    }
}
