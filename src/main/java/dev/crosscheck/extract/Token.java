package dev.crosscheck.extract;

/**
 * A token of a sentence: its text as written, lower-cased text for matching, its kind and its offsets
 * in the document text.
 */
record Token(String text, String lower, Kind kind, int start, int end) {

    enum Kind { WORD, NUMBER, POSSESSIVE, PUNCT }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean is(String s) {
        return lower.equals(s);
    }

    boolean capitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }
}
