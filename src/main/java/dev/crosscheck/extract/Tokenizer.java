package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a sentence into words, numbers, possessive markers and single punctuation characters in one
 * left-to-right pass (linear in the input, no regular expressions).
 * <ul>
 *   <li>Numbers keep internal separators followed by a digit: {@code 2,300}, {@code 7.8}, {@code 11:56}, {@code 1/2}.</li>
 *   <li>Dotted abbreviations stay whole: {@code U.S.}, {@code a.m.}.</li>
 *   <li>{@code 's} (either apostrophe) after a word is its own possessive token.</li>
 *   <li>Hyphens are tokens of their own, so {@code 12-point} is {@code 12 - point}.</li>
 * </ul>
 */
final class Tokenizer {

    private Tokenizer() {
    }

    /** Tokens [from, to) as written: their texts, with one space where the text had space between them. */
    static String text(List<Token> t, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && t.get(k).start() > t.get(k - 1).end()) {
                b.append(' ');
            }
            b.append(t.get(k).text());
        }
        return b.toString();
    }

    static List<Token> tokenize(String s, int offset) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c)) {
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (Character.isDigit(d)) {
                        i++;
                    } else if ((d == ',' || d == '.' || d == ':' || d == '/') && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                add(out, s, start, i, Token.Kind.NUMBER, offset);
            } else if (Character.isLetter(c)) {
                // dotted abbreviation: letter '.' letter '.' ...
                if (i + 3 < n && s.charAt(i + 1) == '.' && Character.isLetter(s.charAt(i + 2)) && s.charAt(i + 3) == '.'
                        && (i + 4 >= n || !Character.isLetter(s.charAt(i + 4)))) {
                    i += 4;
                    while (i + 1 < n && Character.isLetter(s.charAt(i)) && s.charAt(i + 1) == '.'
                            && (i + 2 >= n || !Character.isLetter(s.charAt(i + 2)))) {
                        i += 2;
                    }
                    add(out, s, start, i, Token.Kind.WORD, offset);
                    continue;
                }
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if (isApostrophe(d) && i + 1 < n && Character.isLetter(s.charAt(i + 1))
                            && !possessiveAt(s, i)) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                add(out, s, start, i, Token.Kind.WORD, offset);
                if (i < n && possessiveAt(s, i)) {
                    out.add(new Token(s.substring(i, i + 2), "'s", Token.Kind.POSSESSIVE, offset + i, offset + i + 2));
                    i += 2;
                } else if (i < n && isApostrophe(s.charAt(i)) && (i + 1 >= n || !Character.isLetter(s.charAt(i + 1)))
                        && s.charAt(i - 1) == 's') {
                    // plural possessive: "leaders' talks"
                    out.add(new Token(s.substring(i, i + 1), "'s", Token.Kind.POSSESSIVE, offset + i, offset + i + 1));
                    i++;
                }
            } else {
                i++;
                add(out, s, start, i, Token.Kind.PUNCT, offset);
            }
        }
        return out;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean possessiveAt(String s, int i) {
        return isApostrophe(s.charAt(i)) && i + 1 < s.length() && (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
                && (i + 2 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 2)));
    }

    private static void add(List<Token> out, String s, int start, int end, Token.Kind kind, int offset) {
        String text = s.substring(start, end);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.indexOf('\u2019') >= 0) {
            lower = lower.replace('\u2019', '\'');
        }
        if (kind == Token.Kind.PUNCT) {
            lower = switch (lower) {
                case "\u2013", "\u2014" -> "-";
                case "\u201c", "\u201d", "\u201e" -> "\"";
                case "\u2018" -> "'";
                default -> lower;
            };
        }
        out.add(new Token(text, lower, kind, offset + start, offset + end));
    }
}
