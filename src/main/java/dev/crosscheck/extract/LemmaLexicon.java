package dev.crosscheck.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word list matched on lemmas rather than on the words as written: {@code "die"} matches "died" and "dies", and
 * {@code "police officer"} matches "police officers". Lines of the form {@code name [flag flag]: lemma, lemma two}.
 */
final class LemmaLexicon {

    /** What a phrase stands for: the entry's name and its flags. */
    record Entry(String name, Set<String> flags) {
        boolean has(String flag) {
            return flags.contains(flag);
        }
    }

    /** A phrase found at tokens [start, end). */
    record Match(int start, int end, Entry entry) {
    }

    private static final int MAX_WORDS = 4;

    private final Map<String, Entry> phrases = new HashMap<>();
    private final Map<String, Entry> byName = new HashMap<>();

    LemmaLexicon(String resource) {
        for (Lexicon.Entry e : Lexicon.entries(resource)) {
            Set<String> flags = e.flag() == null ? Set.of() : Set.of(e.flag().split(" "));
            Entry entry = new Entry(e.head(), flags);
            byName.putIfAbsent(e.head(), entry);
            for (String lemma : e.items()) {
                phrases.putIfAbsent(lemma.toLowerCase(java.util.Locale.ROOT), entry);
            }
        }
    }

    /** The entry of that name (the part before the colon), or null. */
    Entry named(String name) {
        return byName.get(name);
    }

    /** The entry of one lemma, or null. */
    Entry of(String lemma) {
        return phrases.get(lemma);
    }

    /** The longest phrase starting at token i, by lemmas (or by lower-cased words), or null. */
    Match at(List<Token> t, int i) {
        StringBuilder b = new StringBuilder();
        StringBuilder w = new StringBuilder();
        Match best = null;
        for (int k = i; k < Math.min(t.size(), i + MAX_WORDS); k++) {
            Token tk = t.get(k);
            if (!tk.isWord() && !tk.is("-")) {
                break;
            }
            if (k > i) {
                b.append(' ');
                w.append(' ');
            }
            b.append(tk.pos("PROPN") ? tk.nounLemma() : tk.lemma());
            w.append(tk.lower());
            Entry e = phrases.get(b.toString());
            if (e == null) {
                e = phrases.get(w.toString());
            }
            if (e != null) {
                best = new Match(i, k + 1, e);
            }
        }
        return best;
    }
}
