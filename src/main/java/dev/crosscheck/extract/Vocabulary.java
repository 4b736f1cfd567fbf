package dev.crosscheck.extract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers for the lower-cased words the phrases of the word lists are made of, so that {@link PhraseMatcher} steps
 * through its tries by array index instead of hashing a string at every step. Only words of phrases added from the
 * data files get a number (the vocabulary is bounded by them); a word of an article that no list has is -1.
 */
final class Vocabulary {

    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();
    /** How many words have a number; a word is in {@link #IDS} before this counts it. */
    private static volatile int size;

    private Vocabulary() {
    }

    /** The number of a word of a phrase, given it on first sight. */
    static synchronized int intern(String lower) {
        Integer id = IDS.get(lower);
        if (id == null) {
            id = size;
            IDS.put(lower, id);
            size = id + 1;
        }
        return id;
    }

    /** The number of a word, or -1 when no phrase so far has it. */
    static int idOf(String lower) {
        Integer id = IDS.get(lower);
        return id == null ? -1 : id;
    }

    /** How many words have a number: a word looked up as -1 must be looked up again once this has grown. */
    static int size() {
        return size;
    }
}
