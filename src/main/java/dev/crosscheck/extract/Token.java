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
    /** Universal Dependencies part-of-speech tag, null until the sentence is tagged ({@link Tagger}). */
    private String pos;
    private String lemma;
    private String verbLemma;
    private String nounLemma;

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

    /** The part-of-speech tag (UPOS: NOUN, PROPN, VERB, AUX, ADJ, NUM, ...), or null when the sentence is untagged. */
    String pos() {
        return pos;
    }

    void setPos(String pos) {
        this.pos = pos;
        this.lemma = null;
    }

    boolean pos(String tag) {
        return tag.equals(pos);
    }

    /** Tagged as a noun or a proper noun. */
    boolean nominal() {
        return "NOUN".equals(pos) || "PROPN".equals(pos);
    }

    /** Tagged as a verb or an auxiliary. */
    boolean verbal() {
        return "VERB".equals(pos) || "AUX".equals(pos);
    }

    /** The lemma, lower-cased: from the lemmatizer once the sentence is tagged, else the lower-cased text. */
    String lemma() {
        if (lemma == null) {
            lemma = pos == null || kind != Kind.WORD ? lower : Tagger.lemma(lower, pos);
        }
        return lemma;
    }

    /**
     * The lemma this word would have as a verb ("fell" is "fall"), whatever its tag: the tagger misreads some verbs
     * in short news sentences ("shares fell 60%"), and the word lists know the verbs that matter.
     */
    String verbLemma() {
        if (verbLemma == null) {
            verbLemma = kind != Kind.WORD ? lower : Tagger.lemma(lower, "VERB");
        }
        return verbLemma;
    }

    /** The lemma this word would have as a noun ("Shares" is "share"), whatever its tag. */
    String nounLemma() {
        if (nounLemma == null) {
            nounLemma = kind != Kind.WORD ? lower : Tagger.lemma(lower, "NOUN");
        }
        return nounLemma;
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
