package dev.crosscheck.document;

import java.text.Normalizer;

/**
 * Normalizes the text of one paragraph: typographic quotes and dashes to ASCII, every kind of space (and any
 * line break inside the paragraph) to one space, invisible characters removed, compatibility ligatures and
 * full-width forms folded. The result is trimmed and contains neither a newline nor two spaces in a row.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        String s = belowCombiningMarks(raw) || Normalizer.isNormalized(raw, Normalizer.Form.NFC)
                ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7F) {
                // printable ASCII, the bulk of most text, is kept as it is
                out.append(c);
                continue;
            }
            if (c == ' ') {
                appendSpace(out);
                continue;
            }
            switch (c) {
                // quotes
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2039', '\u203A', '\uFF07' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02' -> out.append('"');
                // hyphens, figure and en dashes, minus: a plain hyphen, spacing kept as written ("10-12", "A - B")
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE58', '\uFE63', '\uFF0D' -> out.append('-');
                // em dash and horizontal bar separate clauses: always a spaced dash
                case '\u2014', '\u2015', '\u2E3A', '\u2E3B' -> appendSpacedDash(out);
                case '\u2026' -> out.append("...");
                // invisible: zero-width characters, joiners, soft hyphen, bidirectional marks, byte order mark
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202A', '\u202B',
                        '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u180E' -> {
                }
                default -> {
                    if (c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                        appendSpace(out);
                    } else if (c == '\u0085') {
                        appendSpace(out);
                    } else if (Character.isISOControl(c)) {
                        // other control characters carry no text
                    } else if (c >= '\uFB00' && c <= '\uFB06' || c >= '\uFF01' && c <= '\uFF5E') {
                        out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /**
     * Whether every character lies below U+0300, the first combining mark: such text is already in NFC (no
     * character there decomposes or combines), so the normalizer's own check can be skipped.
     */
    private static boolean belowCombiningMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    private static void appendSpace(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static void appendSpacedDash(StringBuilder out) {
        appendSpace(out);
        out.append('-');
        out.append(' ');
    }

    /** Whether the text holds anything worth reading: a letter or a digit. */
    static boolean hasLetterOrDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
