package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statement claims with polarity: "did not discuss a Kyiv-proposed peace plan" is
 * {@code statement:discuss:ukraine:plan} = {@code negated}; "discussed the plan" is the same proposition
 * {@code affirmed}. The key names the proposition, so every wording of it aligns whatever its polarity:
 * <ul>
 *   <li>a negation cue right before a listed verb (negation-cues.txt): "did not discuss", "failed to achieve",
 *       "refused to sign", "denied signing", "no plan to attend";</li>
 *   <li>a verb that states its proposition negated (statement-verbs.txt, written {@code !form}): "rejected the
 *       plan" is accept:plan negated; a negated negating verb ("did not reject") is not read, it is not the
 *       opposite's affirmation;</li>
 *   <li>a noun naming the proposition after a polarity cue (statement-nouns.txt, statement-noun-cues.txt):
 *       "lacked a call for withdrawal" is call-for:withdrawal negated, "included a call for withdrawal"
 *       affirmed; a bare noun ("a call for withdrawal") says nothing about polarity and is not read.</li>
 * </ul>
 * Kept conservative: only listed verbs and nouns, and only with an object. The person who did it is left out of
 * the key (sources tell it differently: "Xi", "both leaders"); a document as subject ("the joint statement called
 * for ...", statement-subjects.txt) is kept in it, so what a document says never aligns with what a person says;
 * so is the day the sentence names, so that what happened on one occasion does not contradict another occasion.
 */
final class Statements {

    /** A listed verb form: the proposition it names and whether the form itself negates it. */
    private record Form(String lemma, boolean negating) {
    }

    private static final PhraseMatcher<Form> VERBS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> NOUNS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Boolean> NOUN_CUES = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Boolean> NEGATION = new PhraseMatcher<>(false);
    private static final Set<String> STOP = new HashSet<>(Lexicon.lines("stopwords.txt"));
    private static final Set<String> UNREAL = new HashSet<>(Lexicon.lines("irrealis-cues.txt"));
    private static final Set<String> SUBJECTS = new HashSet<>(Lexicon.lines("statement-subjects.txt"));
    /** A verb form right after one of these is a noun: "a call for", "the signing". */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "any", "no", "its", "their", "his",
            "her", "this", "that", "these", "those", "our", "my", "your");

    static {
        for (Lexicon.Entry e : Lexicon.entries("statement-verbs.txt")) {
            for (String form : e.items()) {
                boolean negating = form.startsWith("!");
                VERBS.add(negating ? form.substring(1).strip() : form, new Form(e.head(), negating));
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("statement-nouns.txt")) {
            for (String form : e.items()) {
                NOUNS.add(form, e.head());
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("statement-noun-cues.txt")) {
            boolean affirmed = switch (e.head()) {
                case "affirmed" -> true;
                case "negated" -> false;
                default -> throw new IllegalStateException("statement-noun-cues.txt: unknown polarity " + e.head());
            };
            for (String form : e.items()) {
                NOUN_CUES.add(form, affirmed);
            }
        }
        for (String line : Lexicon.lines("negation-cues.txt")) {
            NEGATION.add(line, Boolean.TRUE);
        }
    }

    private Statements() {
    }

    /** What a statement is about: its object (and the object's owner), ending before token {@code to}. */
    private record Target(String object, String owner, int to) {
    }

    static void apply(SentenceContext c) {
        int n = c.t.size();
        for (int i = 0; i < n; i++) {
            Token tk = c.t.get(i);
            if (!tk.isWord() || tk.capitalized()) {
                continue;
            }
            PhraseMatcher.Match<String> noun = NOUNS.match(c.t, i);
            if (noun != null) {
                PhraseMatcher.Match<Boolean> cue = NOUN_CUES.matchEndingAt(c.t, i, 3);
                if (cue != null && !(cue.start() > 0 && NEGATION.matchEndingAt(c.t, cue.start(), 3) != null)) {
                    Target target = objectAfter(c, noun.end());
                    if (target != null) {
                        emit(c, noun.value(), target, !cue.value(), cue.start(), subjectOf(c, cue.start()), 0.7);
                        i = target.to() - 1;
                        continue;
                    }
                }
            }
            PhraseMatcher.Match<Form> v = VERBS.match(c.t, i);
            if (v == null) {
                continue;
            }
            // "Kyiv-proposed", "the discussed plan", "a call for": a verb form used as a modifier or a noun
            if (i > 0 && (c.t.get(i - 1).is("-") || DETERMINERS.contains(c.t.get(i - 1).lower()))) {
                continue;
            }
            PhraseMatcher.Match<Boolean> neg = NEGATION.matchEndingAt(c.t, i, 3);
            boolean negating = v.value().negating();
            if (negating && neg != null) {
                continue; // "did not reject the plan" is not "accepted the plan"
            }
            // "to withdraw", "would call for", "must include": not something that happened
            if (neg == null && i > 0 && UNREAL.contains(c.t.get(i - 1).lower())) {
                continue;
            }
            boolean passive = EventVerbs.passive(c.t, i);
            int from = neg != null ? neg.start() : i;
            Target target;
            String subject = null;
            if (passive) {
                Heads.Head h = c.nearestHead(i, true, false);
                if (h == null || i - h.end() > 4) {
                    continue;
                }
                from = Math.min(from, h.start());
                target = new Target(h.name(), c.npOwnerOrNull(h), v.end());
                neg = neg != null ? neg : NEGATION.matchEndingAt(c.t, i, 2);
            } else {
                target = objectAfter(c, v.end());
                if (target == null) {
                    continue;
                }
                subject = subjectOf(c, from);
            }
            emit(c, v.value().lemma(), target, neg != null || negating, from, subject, neg != null ? 0.8 : 0.7);
            i = target.to() - 1;
        }
    }

    /** The object right after a verb or noun: a head, or a short plain noun phrase ("a breakthrough"); or null. */
    private static Target objectAfter(SentenceContext c, int k) {
        int n = c.t.size();
        int limit = Math.min(n, k + 8);
        for (int j = k; j < limit; j++) {
            if (c.headAt[j] >= 0) {
                Heads.Head h = c.heads.get(c.headAt[j]);
                return new Target(h.name(), c.npOwnerOrNull(h), h.end());
            }
            Token w = c.t.get(j);
            if (w.kind() == Token.Kind.PUNCT && !w.is("-") || STOP.contains(w.lower()) && j > k + 1) {
                break;
            }
        }
        // a plain noun object: "failed to achieve a breakthrough"
        int j = k;
        while (j < limit && (c.t.get(j).is("a") || c.t.get(j).is("an") || c.t.get(j).is("the")
                || c.t.get(j).is("any"))) {
            j++;
        }
        int e = j;
        while (e < limit && c.t.get(e).isWord() && !c.t.get(e).capitalized() && !STOP.contains(c.t.get(e).lower())) {
            e++;
        }
        if (e == j || e - j > 3) {
            return null;
        }
        return new Target(c.t.get(e - 1).lower(), null, e);
    }

    /** A document head as the subject right before token {@code from} ("the joint statement lacked"), or null. */
    private static String subjectOf(SentenceContext c, int from) {
        Heads.Head h = c.nearestHead(from, true, false);
        if (h == null || from - h.end() > 2 || h.end() < c.clauseStart(from) || !SUBJECTS.contains(h.name())) {
            return null;
        }
        return h.name();
    }

    private static void emit(SentenceContext c, String lemma, Target target, boolean negated, int from,
                             String subject, double weight) {
        String own = target.owner() == null ? SentenceContext.NOBODY : target.owner();
        java.time.LocalDate day = c.sentenceDay();
        // "discussed the plan on Monday" and "did not discuss it on Tuesday" are two occasions, not one claim
        List<String> parts = new ArrayList<>(List.of(lemma, own, target.object()));
        if (subject != null) {
            parts.addAll(List.of("by", subject));
        }
        if (day != null) {
            parts.addAll(List.of("on", day.toString()));
        }
        ClaimKey key = ClaimKey.of(ClaimKind.STATEMENT, parts.toArray(new String[0]));
        String label = DateClaims.cap(lemma.replace('-', ' ')) + " " + SentenceContext.ownerName(own)
                + SentenceContext.headLabel(target.object())
                + (subject == null ? "" : " (by the " + SentenceContext.headLabel(subject) + ")");
        c.emit(ClaimKind.STATEMENT, key, label, lemma, negated ? "negated" : "affirmed", from, target.to(), false,
                false, c.baseConfidence() * weight);
    }
}
