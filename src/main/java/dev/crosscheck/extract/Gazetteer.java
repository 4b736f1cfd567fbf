package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Actors: countries (by name, demonym, capital or seat of government), international organizations and the
 * people who act for them, from countries.txt, organizations.txt and people.txt. Every mention resolves to the country that owns it, which is what claim keys use.
 */
final class Gazetteer {

    /** An actor at tokens [start, end): the country id, and the person id when the mention names a person. */
    record Actor(int start, int end, String country, String person) {
        boolean isPerson() {
            return person != null;
        }
    }

    private record Ref(String country, String person) {
    }

    private static final PhraseMatcher<Ref> ACTORS = new PhraseMatcher<>(true);
    private static final PhraseMatcher<Boolean> TITLES = new PhraseMatcher<>(false);

    static {
        for (Lexicon.Entry e : Lexicon.entries("countries.txt")) {
            for (String alias : e.items()) {
                ACTORS.add(alias, new Ref(e.head(), null));
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("organizations.txt")) {
            for (String alias : e.items()) {
                ACTORS.add(alias, new Ref(e.head(), null));
            }
        }
        for (String line : Lexicon.lines("people.txt")) {
            String[] parts = line.split(": ", 3);
            if (parts.length != 3) {
                throw new IllegalStateException("people.txt: expected 'id: country: aliases' in " + line);
            }
            for (String alias : parts[2].split(",")) {
                ACTORS.add(alias.strip(), new Ref(parts[1].strip(), parts[0].strip()));
            }
        }
        for (String line : Lexicon.lines("titles.txt")) {
            TITLES.add(line, Boolean.TRUE);
        }
    }

    private Gazetteer() {
    }

    static List<Actor> find(List<Token> t) {
        List<Actor> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            PhraseMatcher.Match<Ref> m = t.get(i).isWord() ? ACTORS.match(t, i) : null;
            if (m != null) {
                out.add(new Actor(i, m.end(), m.value().country(), m.value().person()));
                i = m.end();
            } else {
                i++;
            }
        }
        return out;
    }

    /** The end of a title phrase starting at i ("Prime Minister"), or -1. */
    static int titleEnd(List<Token> t, int i) {
        PhraseMatcher.Match<Boolean> m = TITLES.match(t, i);
        return m == null ? -1 : m.end();
    }
}
