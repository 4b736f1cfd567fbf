package dev.crosscheck.extract;

/**
 * A token of a sentence: its text as written, lower-cased text for matching, its kind and its offsets
 * in the document text.
 */
final class Token {

    enum Kind { WORD, NUMBER, POSSESSIVE, PUNCT }

    private final String text;
    private final String lower;
    private final Kind kind;
    private final int start;
    private final int end;
    /** The {@link Vocabulary} number of {@link #lower}, -1 while it has none. */
    private int id = -1;
    /** The vocabulary's size when {@link #id} was last looked up, -1 before the first look-up. */
    private int idCheckedAt = -1;

    Token(String text, String lower, Kind kind, int start, int end) {
        this.text = text;
        this.lower = lower;
        this.kind = kind;
        this.start = start;
        this.end = end;
    }

    String text() {
        return text;
    }

    String lower() {
        return lower;
    }

    Kind kind() {
        return kind;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /**
     * The vocabulary number of the lower-cased text, -1 when no phrase has the word. Looked up once, and again only
     * if the vocabulary has grown since (word lists are loaded as the classes that use them are first used).
     */
    int id() {
        if (id < 0) {
            int size = Vocabulary.size();
            if (size != idCheckedAt) {
                id = Vocabulary.idOf(lower);
                idCheckedAt = size;
            }
        }
        return id;
    }

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

    @Override
    public String toString() {
        return "Token[text=" + text + ", lower=" + lower + ", kind=" + kind + ", start=" + start + ", end=" + end + "]";
    }
}
