package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Event verbs (events.txt): every inflection of a verb that dates something, mapped to its lemma and class.
 */
final class EventVerbs {

    enum Cls { ACTOR, MEET, OBJECT, OCCUR, EVENT, CASUALTY, REPORT, CRAFT }

    /** A verb at tokens [start, end). */
    record Verb(int start, int end, String lemma, Cls cls) {
    }

    private record Def(String lemma, Cls cls) {
    }

    private static final PhraseMatcher<Def> VERBS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Boolean> FUTURE = new PhraseMatcher<>(false);

    static {
        for (Lexicon.Entry e : Lexicon.entries("events.txt")) {
            Cls cls = Cls.valueOf(e.flag().toUpperCase(java.util.Locale.ROOT));
            for (String form : e.items()) {
                VERBS.add(form, new Def(e.head(), cls));
            }
        }
        for (String line : Lexicon.lines("future-cues.txt")) {
            FUTURE.add(line, Boolean.TRUE);
        }
    }

    private EventVerbs() {
    }

    /** The event verbs of a sentence; {@code titleCase}: most of its words are capitalized ({@link #titleCase}). */
    static List<Verb> find(List<Token> t, boolean titleCase) {
        List<Verb> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            boolean inName = !titleCase && inName(t, i);
            PhraseMatcher.Match<Def> m = t.get(i).isWord() && !inName ? VERBS.match(t, i) : null;
            if (m != null) {
                out.add(new Verb(i, m.end(), m.value().lemma(), m.value().cls()));
                i = m.end();
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * Whether token i is a word of a name, not a verb: "the Automatic Landing Sequence", a capitalized word after
     * another (callers skip this when every word is capitalized: "President Biden Met Xi on Wednesday").
     */
    static boolean inName(List<Token> t, int i) {
        return i > 1 && t.get(i).capitalized() && t.get(i - 1).capitalized() && t.get(i - 1).isWord();
    }

    /** Whether most words are capitalized, as in a headline written in title case. */
    static boolean titleCase(List<Token> t) {
        int words = 0;
        int capitalized = 0;
        for (Token w : t) {
            if (w.isWord()) {
                words++;
                capitalized += w.capitalized() ? 1 : 0;
            }
        }
        return words > 0 && capitalized * 2 > words;
    }

    /** Whether the verb at token v is put in the future by a cue just before it ("will arrive", "is due to sign"). */
    static boolean future(List<Token> t, int v) {
        for (int end = v; end >= Math.max(1, v - 3); end--) {
            if (FUTURE.matchEndingAt(t, end, 3) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A verb in the present tense's third person ("takes", "goes"): with a day of a month after the publication ("he
     * takes office on December 10") it is a scheduled event of the coming days, not one of last year.
     */
    static boolean thirdPersonPresent(Token v) {
        if (!v.isWord() || v.pos("NOUN") || v.pos("PROPN")) {
            return false;
        }
        String w = v.lower();
        String lemma = v.verbLemma();
        return !w.equals(lemma) && (w.equals(lemma + "s") || w.equals(lemma + "es"));
    }

    /** Passive voice: "was presented", "were first signed". */
    static boolean passive(List<Token> t, int v) {
        for (int k = v - 1; k >= Math.max(0, v - 3); k--) {
            String w = t.get(k).lower();
            if (w.equals("was") || w.equals("were") || w.equals("been") || w.equals("being") || w.equals("is")
                    || w.equals("are") || w.equals("be")) {
                return true;
            }
            if (!w.endsWith("ly") && !w.equals("first") && !w.equals("also") && !w.equals("not")) {
                return false;
            }
        }
        return false;
    }
}
