package dev.crosscheck.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Small named classes of words (word-classes.txt), so that rules name a class and the words stay data. */
final class WordClasses {

    private static final Map<String, Set<String>> CLASSES = new HashMap<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("word-classes.txt")) {
            Set<String> words = new java.util.LinkedHashSet<>();
            for (String w : e.items()) {
                String word = w.strip();
                if (word.length() > 1 && word.startsWith("\"") && word.endsWith("\"")) {
                    word = word.substring(1, word.length() - 1);
                }
                words.add(word.toLowerCase(Locale.ROOT));
            }
            if (CLASSES.put(e.head(), java.util.Collections.unmodifiableSet(words)) != null) {
                throw new IllegalStateException("word-classes.txt: class " + e.head() + " given twice");
            }
        }
    }

    private WordClasses() {
    }

    /** The class's first word, as listed: the canonical one where a class names one. */
    static String first(String name) {
        return of(name).iterator().next();
    }

    /** Whether a token's lower-cased text ends with one of the class's endings ("participle-endings": "ing"). */
    static boolean endsWithAny(Token token, String name) {
        for (String ending : of(name)) {
            if (token.lower().endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a token's lower-cased text is a word of the class. */
    static boolean is(Token token, String name) {
        return of(name).contains(token.lower());
    }

    static Set<String> of(String name) {
        Set<String> words = CLASSES.get(name);
        if (words == null) {
            throw new IllegalStateException("word-classes.txt has no class " + name);
        }
        return words;
    }
}
