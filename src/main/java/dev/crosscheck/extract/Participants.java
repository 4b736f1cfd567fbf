package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Participants claims: who met whom. "X met Y, Z and W" gives one claim per pair (subject, person met), so that
 * sources naming more or fewer participants add pairs instead of contradicting each other. The key carries the
 * day when the sentence gives one: {@code participants:meet@2023-03-21:<a>+<b>} (names sorted).
 */
final class Participants {

    private Participants() {
    }

    /** People (or, failing any, countries) that the meeting verb's object names, in order, canonical ids. */
    static List<String> objects(SentenceContext c, EventVerbs.Verb v) {
        Set<String> people = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        for (int k = v.end(); k < Math.min(c.t.size(), v.end() + SentenceContext.WINDOW); k++) {
            Token tk = c.t.get(k);
            if (tk.is(";") || tk.is(".") || tk.is("for") || tk.is("to") || tk.is("during") || tk.is("\"")
                    || tk.is("according")) {
                break;
            }
            if (c.actorAt[k] >= 0) {
                Gazetteer.Actor a = c.actors.get(c.actorAt[k]);
                if (a.isPerson()) {
                    people.add(a.person());
                } else if (a.end() >= c.t.size() || !isNameStart(c, a.end())) {
                    countries.add(a.country());
                }
                k = a.end() - 1;
                continue;
            }
            int te = Gazetteer.titleEnd(c.t, k);
            if (te > 0 && te < c.t.size() && isNameStart(c, te)) {
                // an unlisted person after a title: identified by surname
                int e = te;
                while (e < c.t.size() && isNameStart(c, e)) {
                    e++;
                }
                people.add(c.t.get(e - 1).lower());
                k = e - 1;
            }
        }
        return new ArrayList<>(people.isEmpty() ? countries : people);
    }

    private static boolean isNameStart(SentenceContext c, int k) {
        Token tk = c.t.get(k);
        return tk.isWord() && tk.capitalized() && c.actorAt[k] < 0 && Gazetteer.titleEnd(c.t, k) < 0;
    }

    /** The person the subject names, else its country; null when the subject names no actor. */
    private static String subjectId(SentenceContext c, int ref) {
        for (int k = 0; k < ref; k++) {
            if (c.actorAt[k] >= 0) {
                Gazetteer.Actor a = c.actors.get(c.actorAt[k]);
                if (a.end() < c.t.size() && c.t.get(a.end()).kind() == Token.Kind.POSSESSIVE) {
                    k = a.end() - 1;
                    continue;
                }
                // prefer the person in "Chinese President Xi Jinping"
                for (int j = k; j < Math.min(ref, k + 8); j++) {
                    if (c.actorAt[j] >= 0 && c.actors.get(c.actorAt[j]).isPerson()) {
                        return c.actors.get(c.actorAt[j]).person();
                    }
                }
                return c.state.lastPerson.getOrDefault(a.country(), a.country());
            }
        }
        return null;
    }

    static void apply(SentenceContext c) {
        for (EventVerbs.Verb v : c.verbs) {
            if (v.cls() != EventVerbs.Cls.MEET) {
                continue;
            }
            String subject = subjectId(c, v.start());
            if (subject == null) {
                continue;
            }
            LocalDate day = EventVerbs.future(c.t, v.start()) ? c.sentenceDay(true) : c.sentenceDay();
            String event = "meet" + (day != null ? "@" + day : "");
            for (String other : objects(c, v)) {
                if (other.equals(subject)) {
                    continue;
                }
                String a = subject.compareTo(other) < 0 ? subject : other;
                String b = subject.compareTo(other) < 0 ? other : subject;
                String value = a + "; " + b;
                c.emit(ClaimKind.PARTICIPANTS, ClaimKey.of(ClaimKind.PARTICIPANTS, event, a + "+" + b),
                        "Meeting of " + label(a) + " and " + label(b), "participants", value, v.start(), v.end(),
                        false, false, c.baseConfidence() * 0.9);
            }
        }
    }

    /** "mikhail-mishustin" -> "Mikhail Mishustin". */
    static String label(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }
}
