package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Statement claims with polarity: "did not discuss a Kyiv-proposed peace plan" is
 * {@code statement:discuss:ukraine:plan} = {@code negated}; "discussed the plan" is the same proposition
 * {@code affirmed}. Kept conservative: only listed verbs (statement-verbs.txt), only a negation cue directly before
 * the verb (negation-cues.txt), and only with a named object. The subject is left out of the key: who did it is
 * told differently by different sources ("Xi", "both leaders"), the proposition is not.
 */
final class Statements {

    private static final PhraseMatcher<String> VERBS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Boolean> NEGATION = new PhraseMatcher<>(false);
    private static final Set<String> STOP = new HashSet<>(Lexicon.lines("stopwords.txt"));
    private static final Set<String> UNREAL = new HashSet<>(Lexicon.lines("irrealis-cues.txt"));

    static {
        for (Lexicon.Entry e : Lexicon.entries("statement-verbs.txt")) {
            for (String form : e.items()) {
                VERBS.add(form, e.head());
            }
        }
        for (String line : Lexicon.lines("negation-cues.txt")) {
            NEGATION.add(line, Boolean.TRUE);
        }
    }

    private Statements() {
    }

    static void apply(SentenceContext c) {
        int n = c.t.size();
        for (int i = 0; i < n; i++) {
            Token tk = c.t.get(i);
            if (!tk.isWord() || tk.capitalized()) {
                continue;
            }
            PhraseMatcher.Match<String> v = VERBS.match(c.t, i);
            if (v == null) {
                continue;
            }
            // "Kyiv-proposed", "the discussed plan": a verb form used as a modifier is not a statement
            if (i > 0 && c.t.get(i - 1).is("-")) {
                continue;
            }
            PhraseMatcher.Match<Boolean> neg = NEGATION.matchEndingAt(c.t, i, 3);
            // "to withdraw", "would call for", "must include": not something that happened
            if (neg == null && i > 0 && UNREAL.contains(c.t.get(i - 1).lower())) {
                continue;
            }
            boolean passive = EventVerbs.passive(c.t, i);
            String object;
            String owner;
            int from = neg != null ? neg.start() : i;
            int to;
            if (passive) {
                Heads.Head h = c.nearestHead(i, true, false);
                if (h == null || i - h.end() > 4) {
                    continue;
                }
                object = h.name();
                owner = c.npOwnerOrNull(h);
                from = Math.min(from, h.start());
                to = v.end();
                neg = neg != null ? neg : NEGATION.matchEndingAt(c.t, i, 2);
            } else {
                int k = v.end();
                Heads.Head h = null;
                int limit = Math.min(n, k + 8);
                for (int j = k; j < limit; j++) {
                    if (c.headAt[j] >= 0) {
                        h = c.heads.get(c.headAt[j]);
                        break;
                    }
                    Token w = c.t.get(j);
                    if (w.kind() == Token.Kind.PUNCT && !w.is("-") || STOP.contains(w.lower()) && j > k + 1) {
                        break;
                    }
                }
                if (h != null) {
                    object = h.name();
                    owner = c.npOwnerOrNull(h);
                    to = h.end();
                } else {
                    // a plain noun object: "failed to achieve a breakthrough"
                    int j = k;
                    while (j < limit && (c.t.get(j).is("a") || c.t.get(j).is("an") || c.t.get(j).is("the")
                            || c.t.get(j).is("any"))) {
                        j++;
                    }
                    int e = j;
                    while (e < limit && c.t.get(e).isWord() && !c.t.get(e).capitalized()
                            && !STOP.contains(c.t.get(e).lower())) {
                        e++;
                    }
                    if (e == j || e - j > 3) {
                        continue;
                    }
                    object = c.t.get(e - 1).lower();
                    owner = null;
                    to = e;
                }
            }
            String polarity = neg != null ? "negated" : "affirmed";
            String own = owner == null ? SentenceContext.NOBODY : owner;
            c.emit(ClaimKind.STATEMENT, "statement:" + v.value() + ":" + own + ":" + object,
                    DateClaims.cap(v.value().replace('-', ' ')) + " " + SentenceContext.ownerName(own)
                            + SentenceContext.headLabel(object),
                    v.value(), polarity, from, to, false, false, c.baseConfidence() * (neg != null ? 0.8 : 0.7));
            i = to - 1;
        }
    }
}
