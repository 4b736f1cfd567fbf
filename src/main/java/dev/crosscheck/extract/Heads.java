package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Head nouns (heads.txt) and count nouns (count-nouns.txt): the synonym sets that give every wording of one kind of
 * thing the same canonical name in claim keys ("position paper", "peace formula" and "proposal" are all "plan").
 */
final class Heads {

    /** A head noun at tokens [start, end) with its canonical name and flags. */
    record Head(int start, int end, String name, boolean event, boolean repeat, boolean countable, boolean plural) {

        /** A bare number before it or after "measuring" is its magnitude ("a 6.1 quake"). */
        boolean takesMagnitude() {
            return MAGNITUDE_HEADS.contains(name);
        }

        /** An event of its own kind within a story of another ("the aftershock" in an earthquake story). */
        boolean distinct() {
            return DISTINCT_HEADS.contains(name);
        }

        /** Several contenders each get a share of it ("won 52.3% of the vote"): a share is told apart by who got it. */
        boolean contested() {
            return CONTESTED_HEADS.contains(name);
        }
    }

    private record Def(String name, boolean event, boolean repeat, boolean countable) {
    }

    private static final java.util.Set<String> MAGNITUDE_HEADS = new java.util.HashSet<>();
    private static final java.util.Set<String> CONTESTED_HEADS = new java.util.HashSet<>();
    private static final java.util.Set<String> DISTINCT_HEADS = new java.util.HashSet<>();

    private static final PhraseMatcher<Def> HEADS = new PhraseMatcher<>(false);
    /** One-word aliases, for looking up the singular of a plural without building tokens. */
    private static final Map<String, Def> SINGLE = new HashMap<>();
    private static final PhraseMatcher<String> COUNT_NOUNS = new PhraseMatcher<>(false);
    private static final Map<String, String> ORDINALS = new HashMap<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("heads.txt")) {
            String flag = e.flag() == null ? "" : e.flag();
            Def d = new Def(e.head(), flag.contains("event"), flag.contains("repeat"), flag.contains("countable"));
            if (flag.contains("magnitude")) {
                MAGNITUDE_HEADS.add(e.head());
            }
            if (flag.contains("distinct")) {
                DISTINCT_HEADS.add(e.head());
            }
            if (flag.contains("contested")) {
                CONTESTED_HEADS.add(e.head());
            }
            for (String alias : e.items()) {
                HEADS.add(alias, d);
                if (Tokenizer.tokenize(alias, 0).size() == 1) {
                    SINGLE.putIfAbsent(alias.toLowerCase(java.util.Locale.ROOT), d);
                }
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("count-nouns.txt")) {
            for (String alias : e.items()) {
                COUNT_NOUNS.add(alias, e.head());
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("ordinals.txt")) {
            for (String alias : e.items()) {
                ORDINALS.put(alias, e.head());
            }
        }
    }

    private Heads() {
    }

    static List<Head> find(List<Token> t) {
        List<Head> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            Head h = t.get(i).isWord() ? at(t, i) : null;
            if (h != null) {
                out.add(h);
                i = h.end();
            } else {
                i++;
            }
        }
        return out;
    }

    private static Head at(List<Token> t, int i) {
        PhraseMatcher.Match<Def> m = HEADS.match(t, i);
        boolean plural = false;
        if (m == null) {
            // plural of a one-word alias: "agreements", "proposals", "pacts"
            String w = t.get(i).lower();
            String stem = w.endsWith("es") && w.length() > 4 ? w.substring(0, w.length() - 2) : null;
            Def d = null;
            if (w.endsWith("s") && w.length() > 3) {
                d = one(w.substring(0, w.length() - 1));
            }
            if (d == null && stem != null) {
                d = one(stem);
            }
            if (d == null) {
                return null;
            }
            return new Head(i, i + 1, d.name(), d.event(), d.repeat(), d.countable(), true);
        }
        Def d = m.value();
        plural = t.get(m.end() - 1).lower().endsWith("s");
        return new Head(i, m.end(), d.name(), d.event(), d.repeat(), d.countable(), plural);
    }

    private static Def one(String word) {
        return SINGLE.get(word);
    }

    /** The canonical count noun at i ("points", "homes"), with its end, or null. */
    static PhraseMatcher.Match<String> countNoun(List<Token> t, int i) {
        return i < t.size() ? COUNT_NOUNS.match(t, i) : null;
    }

    /** "second" -> "2" for an ordinal word that splits events ("the second quake"); null for others. */
    static String ordinal(String word) {
        return ORDINALS.get(word);
    }
}
