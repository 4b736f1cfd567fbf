package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKind;

/**
 * Count claims: how many of something. Forms:
 * <ul>
 *   <li>a hyphenated count noun on a head: "a 12-point peace plan" is {@code count:<owner>:plan:points};</li>
 *   <li>a count noun that describes a head before it: "the plan ... outlines 12 points";</li>
 *   <li>a countable head: "signed 14 agreements", "more than a dozen agreements" ({@code count:<owner>:agreement});</li>
 *   <li>casualties (casualties.txt): "more than 1,000 people were killed", "the death toll has risen above 3,700"
 *       ({@code count:-:deaths}, running figures);</li>
 *   <li>other count nouns (count-nouns.txt): "1,000 homes".</li>
 * </ul>
 * Numbers that are parts of names ("COVID-19", "Boeing 737", "Group of 20"), years, times and dates are not counts.
 */
final class Counts {

    private static final PhraseMatcher<String> AFTER = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> MEASURE = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> PERSON = new PhraseMatcher<>(false);
    /** Count nouns that only make sense as a property of a head ("points" of a plan). */
    private static final java.util.Set<String> PARTS = java.util.Set.of("points", "steps", "articles", "clauses", "principles");

    private static final PhraseMatcher<Boolean> RUNNING = new PhraseMatcher<>(false);

    static {
        for (String line : Lexicon.lines("running-cues.txt")) {
            RUNNING.add(line, Boolean.TRUE);
        }
        for (Lexicon.Entry e : Lexicon.entries("casualties.txt")) {
            PhraseMatcher<String> target = switch (e.flag()) {
                case "after" -> AFTER;
                case "measure" -> MEASURE;
                default -> PERSON;
            };
            for (String form : e.items()) {
                target.add(form, e.head());
            }
        }
    }

    private Counts() {
    }

    static void apply(SentenceContext c) {
        int n = c.t.size();
        boolean running = false;
        for (int k = 0; k < n && !running; k++) {
            running = c.t.get(k).isWord() && RUNNING.match(c.t, k) != null;
        }
        int measureAt = -1;
        String measure = null;
        for (int i = 0; i < n; i++) {
            PhraseMatcher.Match<String> ms = c.t.get(i).isWord() ? MEASURE.match(c.t, i) : null;
            if (ms != null) {
                measure = ms.value();
                measureAt = ms.end();
                i = ms.end() - 1;
                continue;
            }
            if (c.used[i] || !NumberRules.startsNumber(c.t, i)) {
                continue;
            }
            NumberRules.Num num = NumberRules.parse(c.t, i);
            if (num == null || partOfName(c, num)) {
                continue;
            }
            if (!num.integral() && !num.countValue().startsWith(">=")) {
                i = num.end() - 1;
                continue;
            }
            int e = num.end();
            double conf = c.baseConfidence() * (num.words() ? 0.95 : 1);
            // "12-point plan"
            if (e + 1 < n && c.t.get(e).is("-") && NumberRules.adjacent(c.t, e - 1, e)) {
                PhraseMatcher.Match<String> cn = Heads.countNoun(c.t, e + 1);
                if (cn != null) {
                    for (int k = cn.end(); k < Math.min(n, cn.end() + 5); k++) {
                        if (c.headAt[k] >= 0) {
                            Heads.Head h = c.heads.get(c.headAt[k]);
                            emitOf(c, h, cn.value(), num, num.start(), cn.end(), conf, running);
                            break;
                        }
                    }
                }
                i = e;
                continue;
            }
            PhraseMatcher.Match<String> cn = Heads.countNoun(c.t, e);
            if (cn != null) {
                if (PARTS.contains(cn.value())) {
                    Heads.Head h = c.nearestHead(num.start(), true, false);
                    if (h != null && !h.event()) {
                        emitOf(c, h, cn.value(), num, num.start(), cn.end(), conf, running);
                    }
                } else {
                    // "8,000 troops": whose troops, and in what, keep unrelated figures apart
                    String owner = c.subjectOwner(num.start());
                    if (owner == null) {
                        owner = SentenceContext.NOBODY;
                    }
                    Heads.Head h = c.nearestHead(num.start(), true, false);
                    if (h == null) {
                        h = c.nearestHead(cn.end(), false, false);
                    }
                    String context = h != null ? ":" + c.headKey(h) : "";
                    c.emit(ClaimKind.COUNT, "count:" + owner + context + ":" + cn.value(),
                            SentenceContext.ownerName(owner) + cn.value() + (h != null ? " (" + h.name() + ")" : ""),
                            cn.value(), num.countValue(), num.start(), cn.end(), num.approximate(), running,
                            conf * (owner.equals(SentenceContext.NOBODY) && h == null ? 0.6 : 0.8));
                }
                i = cn.end() - 1;
                continue;
            }
            // "14 agreements", "14 new agreements"
            int hk = e < n && c.headAt[e] >= 0 ? e : (e + 1 < n && c.t.get(e).isWord() && c.headAt[e + 1] >= 0 ? e + 1 : -1);
            if (hk >= 0 && c.heads.get(c.headAt[hk]).countable() && c.heads.get(c.headAt[hk]).plural() == !num.countValue().equals("1")) {
                Heads.Head h = c.heads.get(c.headAt[hk]);
                String owner = c.npOwnerOrNull(h);
                if (owner == null) {
                    String s = c.subjectOwner(num.start());
                    owner = s == null ? SentenceContext.NOBODY : s;
                }
                c.emit(ClaimKind.COUNT, "count:" + owner + ":" + c.headKey(h),
                        SentenceContext.ownerName(owner) + SentenceContext.headLabel(h.name()) + ": number", "number",
                        num.countValue(), num.start(), h.end(), num.approximate(), running, conf);
                i = h.end() - 1;
                continue;
            }
            // casualties: "1,000 people were killed", "12 dead", "killed 12 people"
            String casualty = null;
            int to = e;
            PhraseMatcher.Match<String> person = e < n ? PERSON.match(c.t, e) : null;
            int after = person != null ? person.end() : e;
            for (int k = after; k < Math.min(n, after + 3); k++) {
                PhraseMatcher.Match<String> a = AFTER.match(c.t, k);
                if (a != null) {
                    casualty = a.value();
                    to = a.end();
                    break;
                }
                if (c.t.get(k).kind() == Token.Kind.PUNCT) {
                    break;
                }
            }
            if (casualty == null && person != null && num.start() > 0) {
                PhraseMatcher.Match<String> a = AFTER.matchEndingAt(c.t, num.start(), 2);
                if (a != null) {
                    casualty = a.value();
                    to = person.end();
                }
            }
            if (casualty == null && measure != null && num.start() - measureAt <= SentenceContext.WINDOW
                    && (e >= n || !c.t.get(e).isWord() || person != null)) {
                casualty = measure;
                measure = null;
                to = person != null ? person.end() : e;
            }
            if (casualty != null) {
                if (person != null && !person.value().equals("person")) {
                    casualty = casualty + ":" + person.value(); // a group's toll is not the whole toll
                }
                c.emit(ClaimKind.COUNT, "count:" + SentenceContext.NOBODY + ":" + casualty,
                        DateClaims.cap(casualty) + ": toll", casualty, num.countValue(), num.start(), to,
                        num.approximate(), true, conf);
                i = to - 1;
                continue;
            }
            i = Math.max(i, num.end() - 1);
        }
    }

    private static void emitOf(SentenceContext c, Heads.Head h, String noun, NumberRules.Num num, int from, int to,
                               double conf, boolean running) {
        String owner = c.ownerOf(h);
        c.emit(ClaimKind.COUNT, "count:" + owner + ":" + c.headKey(h) + ":" + noun,
                SentenceContext.ownerName(owner) + SentenceContext.headLabel(h.name()) + ": " + noun, noun,
                num.countValue(), from, to, num.approximate(), running, conf);
    }

    /** "COVID-19", "Boeing 737", "Group of 20", "G20": a number that belongs to a name. */
    private static boolean partOfName(SentenceContext c, NumberRules.Num num) {
        int s = num.valueStart();
        if (s == 0 || num.words()) {
            return false;
        }
        Token prev = c.t.get(s - 1);
        if (prev.is("-") && s >= 2 && c.t.get(s - 2).capitalized() && NumberRules.adjacent(c.t, s - 2, s - 1)) {
            return true;
        }
        if (prev.isWord() && prev.capitalized() && s >= 2 && num.start() == s && !c.used[s - 1]) {
            return true;
        }
        return prev.is("of") && s >= 2 && c.t.get(s - 2).capitalized() && c.t.get(s - 2).isWord();
    }
}
