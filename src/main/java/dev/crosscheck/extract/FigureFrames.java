package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figure rule: every number of a sentence that is not a date, a time or part of a name becomes a claim frame of
 * what it counts or measures. One rule for counts and quantities, over the tagged sentence:
 * <ul>
 *   <li><b>value</b>: the number with its bound or hedge ({@link NumberRules}), its currency sign or unit
 *       ({@link Units}): a count ("more than 1,000") or a quantity ("$5.52 billion", "1.6 miles", "59.8%");</li>
 *   <li><b>measure</b>: the head noun of the noun phrase the number opens ("93 people", "two ballistic missiles",
 *       "$42 billion in withdrawals"), else the noun it is the figure of ("a magnitude of 6.8", "the toll stands at
 *       2,012", "turnout was 59.8%"), else the measure of the figure before it in the sentence ("Labour won 411
 *       seats, the Conservatives 121", "2,207 structures ..., out of 2,719 that were exposed"); nouns are read by
 *       lemma through measures.txt (people, groups, attributes, words that stand for an earlier measure);</li>
 *   <li><b>predicate</b>: what happened to it, by lemma through predicates.txt: a classed word after the noun
 *       phrase ("93 people are confirmed dead", "2,207 structures damaged"), a classed verb before it ("killed
 *       93"), the class of the noun itself ("93 deaths", "3.5 million protesters"), a verb of change ("shares fell
 *       60%"), else the lemma of the clause's own verb;</li>
 *   <li><b>thing</b>: the event the figure belongs to when the clause names one other than the story's main event
 *       ("the aftershock killed two", "the second quake"), the event for its attributes ("a magnitude of 6.8"), the
 *       noun a quantity qualifies ("a 1.6-mile bridge", "a $69 billion deal"), a countable head ("a 12-point plan");</li>
 *   <li><b>owner</b>: whose it is, for figures other than counts of people: a possessive ("Labour's 411 seats"),
 *       or the clause's subject for quantities and possessions ("Labour won 411 seats", "SVB had $209 billion in
 *       assets").</li>
 * </ul>
 * The key is {@code kind:owner:thing:measure:predicate}, then the scope ({@link ClaimKey}). Scope, attribution, the
 * time referred to and modality are added by the enrichers ({@link FrameEnrichers}), for every kind.
 * Numbers that are parts of names ("COVID-19", "Boeing 737", "Group of 20"), ages ("a 20-year-old") and bare
 * decimals that measure nothing named are not claims; the coverage lists them.
 */
final class FigureFrames {

    static final LemmaLexicon MEASURES = new LemmaLexicon("measures.txt");
    static final LemmaLexicon PREDICATES = new LemmaLexicon("predicates.txt");
    /** Measures whose level in money is a price: "shares fell 60% to $106.04" (word-classes.txt stock-measures). */
    private static final java.util.Set<String> STOCK_MEASURES = WordClasses.of("stock-measures");
    private static final java.util.Set<String> LEVEL_LINKS = WordClasses.of("level-links");
    private static final java.util.Set<String> MEASURED_VERBS = WordClasses.of("measured-verbs");
    /** The most tokens of a fact box row's heading: "Mission life (lander and rover) |". */
    private static final int ROW_HEADING_MAX = 8;
    /** The most tokens of what an amount is for: "for the lander, rover and propulsion module". */
    private static final int PURPOSE_REACH = 10;
    /** How near a sentence's start the attribute it is about is named: "The low cost of the mission". */
    private static final int SUBJECT_ATTRIBUTE_WITHIN = 4;
    /** The most tokens from "put" to its "at": "put the total cost of Chandrayaan-3 at". */
    private static final int AT_REPORT_REACH = 11;
    private static final java.util.Set<String> MARKET_CLOSE = WordClasses.of("market-close-verbs");
    private static final java.util.Set<String> EARLIER_LINKS = WordClasses.of("earlier-links");
    /** The most tokens between a change and the level it reached: "fell 60% that day, from $267.83". */
    private static final int LEVEL_GAP = 5;
    /** Verbs whose amount of money, with nothing named, is capital raised (word-classes.txt capital-verbs). */
    private static final java.util.Set<String> RAISED_MONEY = WordClasses.of("capital-verbs");

    private static final PhraseMatcher<Boolean> RUNNING = new PhraseMatcher<>(false);
    /** Phrases that tell a figure of an earlier time: "the then record", "at the time". */
    private static final PhraseMatcher<Boolean> THEN_PHRASES = new PhraseMatcher<>(false);
    private static final java.util.Set<String> STOP = new java.util.HashSet<>(Lexicon.lines("stopwords.txt"));
    private static final String PERSON = "person";

    static {
        for (String line : Lexicon.lines("running-cues.txt")) {
            RUNNING.add(line, Boolean.TRUE);
        }
        for (String phrase : WordClasses.of("then-phrases")) {
            THEN_PHRASES.add(phrase, Boolean.TRUE);
        }
    }

    private FigureFrames() {
    }

    /** What a figure was found to measure; {@code end} is the last token of the claim's words. */
    private record Measure(String name, String predicate, String scopeGroup, boolean attribute, int from, int to,
                           boolean owned) {
        Measure(String name, String predicate, String scopeGroup, boolean attribute, int from, int to) {
            this(name, predicate, scopeGroup, attribute, from, to, OWNED.contains(name));
        }
    }

    /** The frame of the figure before, in this sentence: what an elliptical figure after it measures. */
    private record Previous(ClaimKind kind, String measure, String predicate, String thing, int end, String unit,
                            String owner, boolean level) {
        Previous(ClaimKind kind, String measure, String predicate, String thing, int end) {
            this(kind, measure, predicate, thing, end, null, ClaimKey.NONE, false);
        }
    }

    static void apply(SentenceContext c) {
        if (!hasNumber(c)) {
            return; // no number, nothing to frame: the sentence is not tagged for this rule
        }
        c.tagged();
        List<Token> t = c.t;
        int n = t.size();
        boolean runningCue = false;
        for (int k = 0; k < n && !runningCue; k++) {
            runningCue = t.get(k).isWord() && RUNNING.match(t, k) != null || countInProgress(t, k);
        }
        Previous previous = null;
        // race times taken at a split point; the point's distance is where, no length of its own ("passing 15km in")
        Split[] splits = new Split[n];
        for (int i = 0; i < n; i++) {
            if (!c.used[i] && t.get(i).isNumber() && Durations.raceTime(t.get(i)) != null) {
                splits[i] = splitPoint(c, i);
                for (int k = splits[i] == null ? 0 : splits[i].from(); splits[i] != null && k < splits[i].to(); k++) {
                    c.used[k] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (c.used[i]) {
                continue;
            }
            String clock = Durations.clockDuration(t.get(i));
            Split split = splits[i];
            if (split != null) {
                // "passing 15km in 42:32", "the first half in 59:51": a split, told apart by where it was taken
                String owner = subjectOwner(c, i);
                String iso = Durations.raceTime(t.get(i));
                String measure = WordClasses.first("split-measure");
                int from = Math.min(i, split.from());
                int to = Math.max(i + 1, split.to());
                Candidate k = c.emit(ClaimKind.DURATION, ClaimKey.of(ClaimKind.DURATION, owner, measure, split.point()),
                        subjectLabel(owner, measure, split.point(), null), "length", iso, from, to, false, false,
                        c.baseConfidence() * 0.8);
                k.figure(c.figureTokens, from, to); // the time and where it was taken
                previous = new Previous(ClaimKind.DURATION, measure, null, split.point(), i + 1);
                continue;
            }
            if (clock != null) {
                previous = clockTime(c, i, clock, runningCue);
                continue;
            }
            if (!NumberRules.startsNumber(t, i)) {
                continue;
            }
            NumberRules.Num num = NumberRules.parse(t, i);
            if (num == null) {
                continue;
            }
            if (num.start() < i && c.used[num.start()]) {
                num = new NumberRules.Num(i, num.end(), num.valueStart(), num.value(), num.high(), "", false,
                        num.words());
            }
            if ((partOfName(c, num) && !elliptical(c, num, previous)) || loneOne(c, num) || yearOrClock(c, num)) {
                i = num.end() - 1;
                continue;
            }
            Previous made = figure(c, num, runningCue, previous);
            if (made != null) {
                previous = made;
                i = Math.max(i, made.end() - 1);
            } else {
                i = Math.max(i, num.end() - 1);
            }
        }
    }

    /** Whether a number the figure rule could read is in the sentence, past the tokens other rules took. */
    private static boolean hasNumber(SentenceContext c) {
        for (int i = 0; i < c.t.size(); i++) {
            if (!c.used[i] && (c.t.get(i).isNumber() || NumberRules.startsNumber(c.t, i) && NumberRules.parse(c.t, i) != null)) {
                return true;
            }
        }
        return false;
    }

    private static Previous figure(SentenceContext c, NumberRules.Num num, boolean runningCue, Previous previous) {
        List<Token> t = c.t;
        int n = t.size();
        int e = num.end();
        // an age: "a 20-year-old man"
        if (e + 3 < n && t.get(e).is("-") && WordClasses.is(t.get(e + 1), "age-units") && t.get(e + 2).is("-")
                && WordClasses.is(t.get(e + 3), "age-words")) {
            return null;
        }
        String currency = null;
        int from = num.start();
        String op = num.op();
        boolean approx = num.approximate();
        PhraseMatcher.Match<String> cur = Units.currencyBefore(t, num.valueStart());
        if (cur != null && !c.used[cur.start()]) {
            currency = cur.value();
            from = cur.start();
            NumberRules.Num probe = cur.start() > 0 ? NumberRules.parseModifierOnly(t, cur.start()) : null;
            if (probe != null) {
                from = probe.start();
                op = probe.op();
                approx = approx || probe.approximate();
            }
        }
        int ue = e < n && t.get(e).is("-") && NumberRules.adjacent(t, e - 1, e) ? e + 1 : e;
        PhraseMatcher.Match<Units.Unit> unit = Units.at(t, ue);
        // "magnitude 7.8", "magnitude-7.8"
        boolean magnitudeBefore = false;
        if (unit == null && currency == null && num.valueStart() > 0) {
            int b = num.valueStart() - 1;
            if (t.get(b).is("-") && b > 0) {
                b--;
            }
            PhraseMatcher.Match<Units.Unit> pre = Units.at(t, b);
            magnitudeBefore = pre != null && pre.end() >= b + 1 && pre.value().dimension().equals("magnitude");
            if (magnitudeBefore) {
                from = Math.min(from, b);
            }
        }
        if (unit != null && unit.value().dimension().equals("money") && currency == null) {
            currency = unit.value().canonical();
        }
        if (currency != null || unit != null || magnitudeBefore || bareMagnitude(c, num, e)) {
            return quantity(c, num, from, op, approx, currency, unit, magnitudeBefore, runningCue, previous);
        }
        // "7.0" is written as a magnitude is, not as a count
        boolean pointed = num.high() == null && num.value().scale() == 1 && !num.words()
                && t.get(num.valueStart()).text().endsWith(".0");
        if (!num.integral() || pointed) {
            // "a magnitude of 6.8", "the quake measured 6.8 on the Richter scale"
            Measure before = measureBefore(c, num.start(), e);
            PhraseMatcher.Match<Units.Unit> named = before == null ? null : Units.at(t, before.to() - 1);
            // "AFAD put it at 7.4, the USGS at 7.8", "..., while the institute said it measured 7.0"
            boolean sameAsBefore = previous != null && previous.kind() == ClaimKind.QUANTITY
                    && "magnitude".equals(previous.unit()) && (before == null || pronounAt(c, num.start())
                    || pronounMeasured(c, num.start()));
            if (named != null && named.value().dimension().equals("magnitude") || sameAsBefore) {
                return quantity(c, num, from, op, approx, null, null, true, runningCue, previous);
            }
            if (!pointed) {
                return null;
            }
        }
        return count(c, num, runningCue, previous);
    }

    // ---- counts ---------------------------------------------------------------------------------------------

    private static Previous count(SentenceContext c, NumberRules.Num num, boolean runningCue, Previous previous) {
        List<Token> t = c.t;
        int n = t.size();
        int e = num.end();
        double conf = c.baseConfidence() * (num.words() ? 0.95 : 1);
        // "a 12-point plan": a count noun joined to the number counts parts of the head after it
        if (e + 1 < n && t.get(e).is("-") && NumberRules.adjacent(t, e - 1, e)) {
            PhraseMatcher.Match<String> cn = Heads.countNoun(t, e + 1);
            if (cn != null) {
                for (int k = cn.end(); k < Math.min(n, cn.end() + 5); k++) {
                    if (c.headAt[k] >= 0) {
                        Heads.Head h = c.heads.get(c.headAt[k]);
                        String owner = c.ownerOf(h);
                        c.emit(ClaimKind.COUNT, ClaimKey.of(ClaimKind.COUNT, owner, c.headKey(h), cn.value(), null),
                                SentenceContext.ownerName(owner) + SentenceContext.headLabel(h.name()) + ": "
                                        + cn.value(), cn.value(), num.countValue(), num.start(), cn.end(),
                                num.approximate(), runningCue, conf).figure(c.figureTokens, num.start(), num.end());
                        return new Previous(ClaimKind.COUNT, cn.value(), null, h.name(), cn.end());
                    }
                }
            }
            return null;
        }
        // "the plan ... outlines 12 points": a part of the head before it
        PhraseMatcher.Match<String> part = Heads.countNoun(t, e);
        if (part != null && PARTS.contains(part.value())) {
            Heads.Head h = c.nearestHead(num.start(), true, false);
            if (h != null && !h.event()) {
                String owner = c.ownerOf(h);
                c.emit(ClaimKind.COUNT, ClaimKey.of(ClaimKind.COUNT, owner, c.headKey(h), part.value(), null),
                        SentenceContext.ownerName(owner) + SentenceContext.headLabel(h.name()) + ": " + part.value(),
                        part.value(), num.countValue(), num.start(), part.end(), num.approximate(), runningCue,
                        conf).figure(c.figureTokens, num.start(), num.end());
                return new Previous(ClaimKind.COUNT, part.value(), null, h.name(), part.end());
            }
        }
        PhraseMatcher.Match<String> timeUnit = Durations.unitAt(t, e);
        String record = timeUnit != null && num.high() == null ? recordMargin(c, num.start(), timeUnit.end()) : null;
        if (record != null) {
            // "beat his own world record by 30 seconds", "cut 30 seconds off the record": by how much it fell
            String iso = Durations.iso(num.value(), timeUnit.value());
            if (iso != null) {
                String owner = subjectOwner(c, num.start());
                Candidate k = c.emit(ClaimKind.DURATION, ClaimKey.of(ClaimKind.DURATION, owner, record, "margin"),
                        subjectLabel(owner, record, "margin", null), "margin", iso, num.start(), timeUnit.end(),
                        num.approximate() || !num.op().isEmpty(), false, c.baseConfidence() * 0.85);
                k.figure(c.figureTokens, num.start(), timeUnit.end());
                if (toldOfThen(c, num.start(), timeUnit.end())) {
                    k.modality = dev.crosscheck.claim.Modality.HISTORICAL; // "which at the time took 18 seconds off"
                }
                return new Previous(ClaimKind.DURATION, "margin", null, record, timeUnit.end());
            }
        }
        if (timeUnit != null) {
            if (num.start() == 0 || !MARGIN_LINKS.contains(t.get(num.start() - 1).lower())) {
                return null; // a length of time the duration rules did not read is no count of days
            }
            // "lowered the record by 30 seconds": a margin is a duration all the same
            String iso = Durations.iso(num.value(), timeUnit.value());
            return iso == null || num.high() != null ? null
                    : duration(c, num.start(), timeUnit.end(), iso, num.approximate(), runningCue);
        }
        if (e < t.size() && WordClasses.is(t.get(e), "ordinal-suffixes") && NumberRules.adjacent(t, e - 1, e)) {
            return null; // "on the 16th", "the 16th-largest bank": an ordinal counts nothing
        }
        if (num.start() >= 2 && WordClasses.is(t.get(num.start() - 1), "ratio-links")
                && NumberRules.startsNumber(t, num.start() - 2)) {
            return null; // "nearly one in seven people": a ratio, no count of seven
        }
        if (referential(c, num)) {
            return null;
        }
        Previous marginOf = null;
        Measure m = measureAfter(c, e);
        if (m != null && m.to() > 0 && Durations.unitAt(t, m.to() - 1) != null) {
            return null; // "one lunar day", "14 Earth days": a length of time, never a count of days
        }
        if (m != null && m.owned()) {
            c.state.lastOwnedMeasure = m.name();
        }
        if (m == null && c.state.lastOwnedMeasure != null && (contenderEllipsis(c, num) || contenderListItem(c, num))) {
            // "Labour has 411, the Conservatives 121" after "649 seats declared": the seats named before
            m = new Measure(c.state.lastOwnedMeasure, OWNED_TAKEN, null, false, num.start(), e);
        }
        if (m == null) {
            m = measureBefore(c, num.start(), e);
        }
        if (m == null) {
            m = listedMeasure(c, num.start(), e);
        }
        boolean partOfCounted = false;
        if (m == null && (previous == null || previous.kind() != ClaimKind.COUNT) && c.state.lastMeasure != null
                && e + 1 < t.size() && WordClasses.is(t.get(e), "partitive-links")
                && PARTITIVE_PRONOUNS.contains(t.get(e + 1).lower())) {
            // "a dozen of them in Lee County": a part of what the story counted last
            m = new Measure(c.state.lastMeasure[0], c.state.lastMeasure[1], null, false, num.start(), e + 2);
            partOfCounted = true;
        }
        if (m == null && previous != null && previous.kind() == ClaimKind.COUNT && num.start() - previous.end() <= 12) {
            // "Labour won 411 seats, the Conservatives 121", "2,719 that were exposed"
            m = new Measure(previous.measure(), previous.predicate(), null, false, num.start(), e);
            if (marginAfter(t, e) && OWNED.contains(previous.measure())) {
                // "took 18,159 votes, 2,160 more than the SNP's candidate": the winner's margin
                LemmaLexicon.Entry margin = MEASURES.named(WordClasses.first("margin-measure"));
                m = new Measure(margin.name(), null, null, true, num.start(), e + 2, true);
                marginOf = previous;
            }
        }
        boolean opener = partitiveOpener(c, num.start(), e);
        boolean whole = partitiveWhole(c, num.start(), previous) || opener;
        String predicate = whole ? null : predicate(c, num.start(), m == null ? e : Math.max(e, m.to()), m, false);
        if (m == null && predicate != null && PREDICATES.named(predicate) != null
                && PREDICATES.named(predicate).has("unmeasured")) {
            m = new Measure(ClaimKey.NONE, predicate, null, false, num.start(), e); // "outages have passed 2.5 million"
        }
        if (m == null) {
            if (predicate == null || !personPredicate(predicate)) {
                return null; // a number that counts nothing named
            }
            m = new Measure(PERSON, predicate, null, false, num.start(), e);
        }
        String measure = m.name();
        if (predicate == null) {
            predicate = m.predicate();
        }
        if (m.owned() && (predicate == null || CONTENDER_HOLDS.contains(predicate))) {
            // "the Conservatives had 121 seats", "Labour's landslide delivered 411 seats": what they won; other verbs
            // keep their meaning ("lost 250 seats", "are defending 345 seats", "contested 609 seats")
            predicate = OWNED_TAKEN;
        }
        predicate = forAttribute(measure, predicate);
        LemmaLexicon.Entry predicateClass = predicate == null ? null : PREDICATES.named(predicate);
        if (predicateClass != null && predicateClass.has("unmeasured") && m.scopeGroup() == null
                && WordClasses.of("premises-measures").contains(measure)
                && !possessed(t, m.from()) && !possessed(t, num.start())) {
            // "homes and businesses without power", "customers without power": one outage count; "369,000 of its
            // customers", "the island's 11 million people" are someone's own part of it and keep their measure
            measure = ClaimKey.NONE;
        }
        boolean people = measure.equals(PERSON) || m.scopeGroup() != null;
        String namedAfter = m.owned() ? ownerAfter(c, m.to()) : null;
        if (m.owned() && namedAfter == null && subjectOwner(c, num.start()).equals(ClaimKey.NONE)
                && possessiveOwner(c, m.from()) == null) {
            return null; // "won 45 percent of the vote": a share of a contest, read only with whose it is
        }
        Heads.Head head = m.to() > 0 && m.to() - 1 < t.size() && c.headAt[m.to() - 1] >= 0
                ? c.heads.get(c.headAt[m.to() - 1]) : null;
        String thing;
        String owner;
        if (head != null && !head.event()) {
            // a countable head: "signed 14 agreements", "more than a dozen agreements"
            thing = c.headKey(head);
            measure = ClaimKey.NONE;
            String np = c.npOwnerOrNull(head);
            owner = np != null ? np : actorOwner(c, num.start());
            predicate = null;
        } else {
            thing = otherEvent(c, num.start());
            String possessive = possessiveOwner(c, m.from());
            // a count of things is someone's when it is a contender's (owned measures) or a known actor's
            String subject = m.owned() ? subjectOwner(c, num.start()) : actorOwner(c, num.start());
            owner = people ? ClaimKey.NONE : namedAfter != null ? namedAfter
                    : possessive != null ? possessive : subject;
            if (m.owned()) {
                owner = PARTY_OF_LEADER.getOrDefault(owner, owner); // "giving Starmer a majority of 174": Labour's
            }
        }
        boolean running = runningCue || predicateRunning(predicate);
        String subject = subjectLabel(owner, thing, measure, predicate);
        Candidate k = c.emit(ClaimKind.COUNT, ClaimKey.of(ClaimKind.COUNT, owner, thing, measure, predicate),
                subject, predicate != null ? predicate : measure, num.countValue(), Math.min(num.start(), m.from()),
                Math.max(e, m.to()), num.approximate(), running,
                conf * (owner.equals(ClaimKey.NONE) && thing.equals(ClaimKey.NONE) && predicate == null ? 0.7 : 0.9));
        k.figure(c.figureTokens, num.start(), num.end());
        k.group = m.scopeGroup();
        k.partOfCounted = partOfCounted;
        k.people = people;
        if (opener) {
            // "of the 278 bodies, 177 have been identified": the whole the part is counted from, whose own count
            // (bodies found? recovered? the toll?) the sentence does not say
            k.unreadReason = ClaimExtractor.REFERENCE_VALUE;
        }
        c.state.lastMeasure = new String[] {measure, predicate};
        if (marginOf != null) {
            // "..., 2,160 more than Hendry, who received 15,999": the figures after a margin are of the measure before it
            return new Previous(ClaimKind.COUNT, marginOf.measure(), marginOf.predicate(), marginOf.thing(), Math.max(e, m.to()));
        }
        return new Previous(ClaimKind.COUNT, m.name(), predicate, thing, Math.max(e, m.to()));
    }

    /**
     * A time written as a clock ("won in 2:01:09", "crossed the line in 2:05:58", "clocked 2:06:28"): whose time it is,
     * whatever verb the outlet used ({@code duration:kipchoge:-:-:-}); a clock time of no one named is read as any
     * duration of its clause's frame.
     */
    private static Previous clockTime(SentenceContext c, int i, String iso, boolean running) {
        String owner = subjectOwner(c, i);
        String predicate = predicate(c, i, i + 1, null, false);
        LemmaLexicon.Entry cls = predicate == null ? null : PREDICATES.named(predicate);
        if (owner.equals(ClaimKey.NONE) || cls != null && cls.has("change") || partOfRace(c, i)) {
            return duration(c, i, i + 1, iso, false, running); // "on 1:59:38 pace", "through 30km in 1:27:38"
        }
        return emitDuration(c, owner, null, iso, i, i + 1, false, running);
    }

    /**
     * Whether a country's actor is a demonym standing for a person ("The 37-year-old Kenyan", "the veteran Kenyan"):
     * one word after a word describing a person, not the country's name, with no noun after it.
     */
    private static boolean demonymPerson(SentenceContext c, Gazetteer.Actor a) {
        List<Token> t = c.t;
        if (a.end() - a.start() != 1 || a.start() == 0 || ClaimKey.slug(t.get(a.start()).lower()).equals(a.country())) {
            return false;
        }
        Token before = t.get(a.start() - 1);
        boolean after = a.end() < t.size() && t.get(a.end()).nominal();
        // "The 37-year-old Kenyan", "the veteran Kenyan"; "The EU pledged" is the union itself
        return !after && (before.pos("ADJ") || before.is("-") || before.pos("NOUN"));
    }

    /**
     * Which record a length of time at tokens [from, to) says was beaten, and by how much: after "by" with a verb of
     * beating and a record noun before it in its clause ("beat his own world record on Sunday by 30 seconds"), or
     * after a verb of cutting and before "off" or "from" and a record noun ("cut 30 seconds off the previous world
     * record", "slashes 30 seconds from his world best"); null for none ("finished 12 seconds off the record" fell
     * short, "record rainfall delayed trains by 40 minutes" beat nothing).
     */
    private static String recordMargin(SentenceContext c, int from, int to) {
        List<Token> t = c.t;
        if (from > 0 && MARGIN_LINKS.contains(t.get(from - 1).lower())) {
            int record = -1;
            boolean beaten = false;
            for (int k = from - 2; k >= Math.max(0, from - 12) && t.get(k).kind() != Token.Kind.PUNCT; k--) {
                if (record < 0 && WordClasses.is(t.get(k), "record-nouns")) {
                    record = k;
                }
                beaten |= record >= 0 && t.get(k).isWord()
                        && WordClasses.of("record-beat-verbs").contains(t.get(k).verbLemma());
            }
            return beaten ? recordOf(t, record) : null;
        }
        boolean cut = false;
        for (int k = from - 1; k >= Math.max(0, from - 4) && !cut; k--) {
            cut = t.get(k).isWord() && WordClasses.of("record-cut-verbs").contains(t.get(k).verbLemma());
        }
        if (cut && to < t.size() && WordClasses.is(t.get(to), "record-cut-links")) {
            for (int k = to + 1; k < Math.min(t.size(), to + 7) && t.get(k).kind() != Token.Kind.PUNCT; k++) {
                if (WordClasses.is(t.get(k), "record-nouns")) {
                    return recordOf(t, k);
                }
            }
        }
        return null;
    }

    /**
     * Which record the noun at token k is: a record of the scope named just before it (record-scopes: "world record",
     * "his world marathon record", "course record": {@code world-record}), a "world best" too; a record of no scope is
     * the record; a best of one's own ("her previous best") is that runner's best.
     */
    private static String recordOf(List<Token> t, int k) {
        String record = WordClasses.first("record-measure");
        for (int j = k - 1; j >= Math.max(0, k - 3) && t.get(j).isWord(); j--) {
            if (WordClasses.is(t.get(j), "record-scopes")) {
                return t.get(j).lower() + "-" + record;
            }
        }
        return t.get(k).lower().equals(record) ? record : ClaimKey.slug(t.get(k).lower());
    }

    /** Whether a figure's clause tells it of a time before the story's ("at the time", "the then record"). */
    private static boolean toldOfThen(SentenceContext c, int from, int to) {
        List<Token> t = c.t;
        for (int k = c.clauseStart(from); k < Math.min(t.size(), to + 6); k++) {
            if (THEN_PHRASES.match(t, k) != null) {
                return true; // "the then previous record", "at the time"
            }
        }
        return false;
    }

    /**
     * Where a race time at token i was taken, when its clause says so within a few words: a distance ("passing 15km in
     * 42:32", "42:32 at the 15km mark": {@code 15km}) or a half (split-halves: "the first half in 59:51", "midway in
     * 59:51", "a half-marathon time of 59:51": {@code half}; "61:18 for the second half": {@code second-half}); the
     * nearer one, with its words. Null for none, or a pace ("on 1:59:38 pace").
     */
    private static Split splitPoint(SentenceContext c, int i) {
        List<Token> t = c.t;
        if (i + 1 < t.size() && WordClasses.is(t.get(i + 1), "pace-words")) {
            return null;
        }
        Split best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int dir = -1; dir <= 1; dir += 2) {
            for (int k = i + dir, steps = 0; k >= 0 && k < t.size() && steps < SPLIT_REACH; k += dir, steps++) {
                Token w = t.get(k);
                if (w.kind() == Token.Kind.PUNCT && !w.is("-") || WordClasses.is(w, "finish-words")) {
                    break; // "faded in that second half to finish in 2:01:09": the finishing time
                }
                Split point = null;
                if (WordClasses.is(w, "split-halves")) {
                    if (k + 2 < t.size() && t.get(k + 1).is("-") && WordClasses.is(t.get(k + 2), "half-suffixes")) {
                        break; // "led 58:52 at half-time": a score
                    }
                    boolean second = k > 0 && WordClasses.is(t.get(k - 1), "second-words");
                    point = new Split(WordClasses.first(second ? "second-half-point" : "half-point"), second ? k - 1 : k,
                            k + 1);
                } else if (w.isNumber() || k > 0 && t.get(k - 1).isNumber()) {
                    int num = w.isNumber() ? k : k - 1;
                    PhraseMatcher.Match<Units.Unit> u = num + 1 < t.size() ? Units.at(t, num + 1) : null;
                    if (u != null && u.value().dimension().equals("length")) {
                        point = new Split(t.get(num).lower() + u.value().canonical(), num, u.end());
                    }
                }
                if (point != null && point.from() > 0 && WordClasses.is(t.get(point.from() - 1), "segment-words")) {
                    break; // "ran the final 10km in 28:40": a stretch, not a point
                }
                if (point != null) {
                    if (steps < bestDistance) {
                        best = point;
                        bestDistance = steps;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** Where a race time was taken ({@code 15km}, {@code half}), and the words that say so. */
    private record Split(String point, int from, int to) {
    }

    /** How far (in words) a race time's split point may stand from it. */
    private static final int SPLIT_REACH = 5;

    /** A split or a pace near a clock time ("passing 30km in 1:27:38", "on 1:59:38 pace"): not the finishing time. */
    private static boolean partOfRace(SentenceContext c, int i) {
        List<Token> t = c.t;
        for (int k = Math.max(c.clauseStart(i), i - 6); k < Math.min(t.size(), i + 4); k++) {
            if (WordClasses.is(t.get(k), "split-words") || k < i && Units.at(t, k) != null && k > 0 && t.get(k - 1).isNumber()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A duration that no duration rule read ("by 30 seconds", a clock time of a split): what lasted is the clause's
     * frame, its subject and predicate ({@code duration:owner:-:-:predicate}).
     */
    private static Previous duration(SentenceContext c, int from, int to, String iso, boolean approx, boolean running) {
        String predicate = predicate(c, from, to, null, false);
        for (int k = from - 1; predicate == null && k >= c.clauseStart(from); k--) {
            if (participle(c.t.get(k))) {
                predicate = ClaimKey.slug(c.t.get(k).verbLemma()); // "lowered his own record by 30 seconds"
            }
        }
        String owner = subjectOwner(c, from);
        if (predicate == null && owner.equals(ClaimKey.NONE)) {
            return null;
        }
        return emitDuration(c, owner, predicate, iso, from, to, approx, running);
    }

    /** A duration of tokens [from, to) keyed {@code duration:owner:-:-:predicate} (no predicate: {@code -}). */
    private static Previous emitDuration(SentenceContext c, String owner, String predicate, String iso, int from, int to,
                                         boolean approx, boolean running) {
        Candidate k = c.emit(ClaimKind.DURATION, ClaimKey.of(ClaimKind.DURATION, owner, ClaimKey.NONE, ClaimKey.NONE,
                predicate), subjectLabel(owner, ClaimKey.NONE, "time", predicate), "length", iso, from, to, approx,
                running, c.baseConfidence() * 0.8);
        k.figure(c.figureTokens, from, to);
        return new Previous(ClaimKind.DURATION, "time", predicate, ClaimKey.NONE, to);
    }

    /**
     * "With 630 of the 650 seats declared", "with most ballots counted": a count in progress, whose figures in the
     * sentence are running figures (a later report gives the final ones). The progress word comes within a few words
     * of "with" (progress-links, count-progress in word-classes.txt).
     */
    private static boolean countInProgress(List<Token> t, int k) {
        if (!WordClasses.is(t.get(k), "progress-links")) {
            return false;
        }
        for (int j = k + 1; j < Math.min(t.size(), k + 9); j++) {
            if (t.get(j).is(",")) {
                return false;
            }
            if (WordClasses.is(t.get(j), "count-progress")) {
                return true;
            }
        }
        return false;
    }

    /** Whether nothing follows the number in its item: a comma, "and", the sentence's end ("Labour has 411,"). */
    private static boolean endsItem(List<Token> t, NumberRules.Num num) {
        int e = num.end();
        return e >= t.size() || t.get(e).kind() == Token.Kind.PUNCT || t.get(e).pos("CCONJ");
    }

    /**
     * A bare number a named contender has, won or is left with, with no noun after it ("Labour has 411,", "The
     * Conservatives were left with 121, ..."): the count of the contender's measure the document named last.
     */
    private static boolean contenderEllipsis(SentenceContext c, NumberRules.Num num) {
        List<Token> t = c.t;
        if (!endsItem(t, num)) {
            return false;
        }
        int k = num.start() - 1;
        if (k > 0 && WordClasses.is(t.get(k), "contender-links")) {
            k--; // "left with 121"
        }
        if (k < 0 || !(t.get(k).verbal() || t.get(k).pos("AUX"))) {
            return false;
        }
        LemmaLexicon.Entry cls = verbPredicate(t.get(k));
        boolean holds = CONTENDER_HOLDS.contains(t.get(k).verbLemma()) || cls != null && OWNED_PREDICATES.contains(cls.name());
        return holds && !subjectOwner(c, num.start()).equals(ClaimKey.NONE); // not "Labour's majority is 174"
    }

    /**
     * A bare number after a contender's name in a list ("..., the SNP 9, Reform UK 5 and Plaid Cymru 4") whose
     * first item this sentence read with its measure: the name opens the item (after a comma or "and"), the number
     * closes it.
     */
    private static boolean contenderListItem(SentenceContext c, NumberRules.Num num) {
        List<Token> t = c.t;
        if (!endsItem(t, num)) {
            return false;
        }
        int k = num.start() - 1;
        int names = 0;
        while (k >= 0 && (nameLike(c, k) || c.actorAt[k] >= 0)) {
            k--;
            names++;
        }
        if (names == 0 || k < 0) {
            return false;
        }
        if (t.get(k).pos("DET")) {
            k--;
        }
        if (k < 0 || !(t.get(k).is(",") || t.get(k).pos("CCONJ"))) {
            return false;
        }
        // the list's first item named the measure in this sentence ("had 71 seats"); not "forecasts: Labour 410,
        // Conservatives 131", where no item of the list was read
        return c.countMeasuresRead().contains(c.state.lastOwnedMeasure);
    }

    /**
     * "the two leaders", "both sides", "the three countries": a number that refers to things already known rather than
     * counting them (after a determiner, or before a noun of referential-nouns).
     */
    private static boolean referential(SentenceContext c, NumberRules.Num num) {
        int s = num.start();
        if (s > 0 && (c.t.get(s - 1).pos("DET") || c.t.get(s - 1).kind() == Token.Kind.POSSESSIVE
                || REFERENTIAL_DETERMINERS.contains(c.t.get(s - 1).lower()))) {
            return num.value().compareTo(BigDecimal.TEN) <= 0 && num.op().isEmpty() && !num.approximate();
        }
        int e = num.end();
        return e < c.t.size() && num.value().compareTo(BigDecimal.TEN) <= 0
                && REFERENTIAL_NOUNS.contains(c.t.get(e).nounLemma());
    }

    /** Measures that belong to a contender: a figure of them is read only with whose it is (measures.txt [owned]). */
    private static final java.util.Set<String> OWNED = new java.util.HashSet<>();
    /** The party a leader's contested figures are (party-leaders.txt): person id to party key part. */
    private static final java.util.Map<String, String> PARTY_OF_LEADER = new java.util.HashMap<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("party-leaders.txt")) {
            for (String person : e.items()) {
                PARTY_OF_LEADER.put(person.strip(), e.head().strip());
            }
        }
    }

    static {
        for (Lexicon.Entry e : Lexicon.entries("measures.txt")) {
            if (e.flag() != null && java.util.List.of(e.flag().split(" ")).contains("owned")) {
                OWNED.add(e.head());
            }
        }
    }

    private static final java.util.Set<String> GENERIC_NAMES = new java.util.HashSet<>(Lexicon.lines("name-generics.txt"));
    private static final java.util.Set<String> REFERENTIAL_DETERMINERS = WordClasses.of("referential-determiners");
    /** Predicate classes of what a contender takes ("won", "secured"): see word-classes.txt. */
    private static final java.util.Set<String> OWNED_PREDICATES = WordClasses.of("contender-predicates");
    /** The predicate class of a contender's measure held or taken ("had 121 seats", "won 121 seats"). */
    private static final String OWNED_TAKEN = WordClasses.first("contender-predicates");
    /** Verbs (lemmas) by which a contender holds what it won: "Labour has 411", "holds 412 seats". */
    private static final java.util.Set<String> CONTENDER_HOLDS = WordClasses.of("contender-holds");
    private static final java.util.Set<String> REFERENTIAL_NOUNS = WordClasses.of("referential-nouns");
    private static final java.util.Set<String> WHOLE_WORDS = WordClasses.of("whole-words");
    private static final java.util.Set<String> MARGIN_LINKS = WordClasses.of("margin-links");
    private static final java.util.Set<String> OWNER_LINKS = WordClasses.of("owner-links");

    /** Count nouns that only make sense as a part of a head ("points" of a plan). */
    private static final java.util.Set<String> PARTS = WordClasses.of("head-parts");
    private static final java.util.Set<String> CLAUSE_ENDS = WordClasses.of("clause-ends");
    private static final java.util.Set<String> CLAUSE_ENDS_AFTER_COMMA = WordClasses.of("clause-ends-after-comma");
    private static final java.util.Set<String> VALUE_LINKS = WordClasses.of("value-links");
    private static final java.util.Set<String> PARTITIVE = WordClasses.of("partitive-determiners");
    private static final java.util.Set<String> PARTITIVE_PRONOUNS = WordClasses.of("partitive-pronouns");
    private static final java.util.Set<String> QUANTITY_LINKS = WordClasses.of("quantity-links");
    private static final java.util.Set<String> PRICE_LINKS = WordClasses.of("price-links");

    /**
     * The noun phrase right after a number: adjectives, compounds and its head noun ("two ballistic missiles", "1,000
     * hotel rooms", "93 people"), or "of the" and a noun ("74 of the victims"). Null when no common noun follows.
     */
    private static Measure measureAfter(SentenceContext c, int e) {
        List<Token> t = c.t;
        int n = t.size();
        int k = e;
        boolean possessiveWhole = false;
        if (k + 1 < n && WordClasses.is(t.get(k), "partitive-links")) {
            if (PARTITIVE_PRONOUNS.contains(t.get(k + 1).lower())) {
                return null;
            }
            int d = PARTITIVE.contains(t.get(k + 1).lower()) ? k + 2 : k + 1;
            int p = d;
            while (p < n && p < d + 3 && t.get(p).nominal()) {
                p++;
            }
            if (p > d && p < n && t.get(p).kind() == Token.Kind.POSSESSIVE) {
                k = p + 1; // "37 of Scotland's 57 seats", "12 of the town's 40 residents": whose the whole is
                possessiveWhole = true;
            } else if (d == k + 2) {
                k = d;
            }
        }
        int head = -1;
        int start = k;
        for (; k < Math.min(n, start + 5); k++) {
            Token w = t.get(k);
            if (WHOLE_WORDS.contains(w.lower()) && !(head < 0 && w.pos("ADJ") && k + 1 < n && t.get(k + 1).pos("NOUN"))) {
                break; // "457 people nationwide", but "in total assets" names its noun
            }
            if (w.pos("NOUN") || (w.pos("PROPN") && head >= 0)) {
                head = k;
                continue;
            }
            if (head < 0 && (w.pos("ADJ") || w.is("-") || w.pos("PROPN") || w.pos("NUM")
                    || w.pos("VERB") && k + 1 < n && t.get(k + 1).nominal())) {
                continue;
            }
            break;
        }
        if (head < 0) {
            return null;
        }
        Measure m = measureOf(c, start, head);
        if (m != null && possessiveWhole && WordClasses.is(t.get(head), "people-wholes")) {
            // "two million of Hong Kong's seven million-strong population": people, part of the whole
            m = new Measure(MEASURES.named(WordClasses.first("people-measure")).name(), null, null, false, e, head + 1);
        }
        return m == null || !possessiveWhole ? m
                : new Measure(m.name(), m.predicate(), m.scopeGroup(), m.attribute(), e, m.to(), m.owned());
    }

    /** What the noun phrase [start, head] measures, by the lemma of its head (or a longer phrase ending there). */
    private static Measure measureOf(SentenceContext c, int start, int head) {
        List<Token> t = c.t;
        LemmaLexicon.Match phrase = null;
        for (int s = start; s <= head && phrase == null; s++) {
            LemmaLexicon.Match m = MEASURES.at(t, s);
            if (m != null && m.end() == head + 1) {
                phrase = m;
            }
        }
        LemmaLexicon.Match pred = null;
        for (int s = start; s <= head && pred == null; s++) {
            LemmaLexicon.Match m = PREDICATES.at(t, s);
            if (m != null && m.end() == head + 1 && m.entry().has("person")) {
                pred = m;
            }
        }
        if (pred != null && phrase == null) {
            // "93 deaths", "1,200 arrests", "3.5 million protesters"
            return new Measure(PERSON, pred.entry().name(), null, false, start, head + 1);
        }
        String lemma = t.get(head).pos("PROPN") ? t.get(head).nounLemma() : t.get(head).lemma();
        if (phrase == null) {
            if (c.headAt[head] >= 0 && !c.heads.get(c.headAt[head]).event()) {
                return new Measure(c.heads.get(c.headAt[head]).name(), null, null, false, start, head + 1);
            }
            if (head >= 2 && t.get(head - 1).is("-") && t.get(head - 2).isWord()
                    && t.get(head - 2).end() == t.get(head - 1).start() && t.get(head - 1).end() == t.get(head).start()) {
                lemma = t.get(head - 2).lower() + "-" + lemma; // "an ex-gratia of ₹10 lakh": the whole compound
                start = Math.min(start, head - 2);
            }
            return new Measure(ClaimKey.slug(lemma), null, null, false, start, head + 1);
        }
        LemmaLexicon.Entry entry = phrase.entry();
        if (entry.has("whole")) {
            return null;
        }
        if (entry.has("anaphor")) {
            String[] last = c.state.lastMeasure;
            return last == null ? null : new Measure(last[0], last[1], null, false, start, head + 1);
        }
        if (entry.has("group")) {
            return new Measure(PERSON, null, entry.name(), false, start, head + 1);
        }
        if (entry.has("owned") && head > start && t.get(head - 1).isWord()) {
            // "190 female MPs": a part of a contender's seats, not what it won
            return new Measure(ClaimKey.slug(t.get(head - 1).lower() + " " + t.get(head).lemma()), null, null, false,
                    start, head + 1, false);
        }
        return new Measure(entry.name(), null, null, entry.has("attribute"), start, head + 1);
    }

    /**
     * The noun a figure is the value of, before it in its clause: "a figure of 89", "a majority of 174", "the toll
     * stands at 2,012", "turnout was 59.8%", "put the cost at $5.52 billion". Null when none.
     */
    private static Measure measureBefore(SentenceContext c, int s, int e) {
        List<Token> t = c.t;
        // "Death toll: 67": the colon links the figure to its noun, it does not open a clause of its own
        int from = c.clauseStart(s > 0 && t.get(s - 1).is(":") ? s - 1 : s);
        while (from >= 2 && from < s && t.get(from - 1).pos("CCONJ") && t.get(from).pos("PROPN")
                && t.get(from - 2).pos("PROPN")) {
            from = c.clauseStart(from - 1); // "a quake that struck Turkey and Syria rose to": names joined, one clause
        }
        int k = s - 1;
        while (k > from && t.get(k).pos("ADV") && !t.get(k).isNumber() && verbPredicate(t.get(k)) == null) {
            k--; // "the toll is now 53"
        }
        // "the toll passed 11,000": the verb that bounds the figure is its link ("passed" belongs to the figure)
        boolean boundingVerb = t.get(s).isWord() && t.get(s).pos("VERB");
        if (k < from || !(VALUE_LINKS.contains(t.get(k).lower()) || t.get(k).verbal()
                || verbPredicate(t.get(k)) != null || boundingVerb && (t.get(k).pos("NOUN") || t.get(k).pos("PROPN")))) {
            return null;
        }
        // the noun before the figure in its clause, across one verb ("the toll rose to", "turnout was"): the nearest
        // attribute ("revenue for the quarter rose to") before the nearest other noun
        Measure nearest = null;
        int verbs = 0;
        int limit = s - 10;
        for (int j = k; j >= from && j >= limit; j--) {
            Token w = t.get(j);
            LemmaLexicon.Entry verbClass = verbPredicate(w);
            if (verbClass != null && (verbClass.has("measure") || verbClass.has("person")) && w.pos("NOUN")) {
                // "energy costs in Germany rose 20%", "the number of deaths has been revised to 275": the noun of a
                // measure's verb, or of a count of people, is what the figure counts
                verbClass = null;
            }
            boolean gerund = w.pos("VERB") && j > 0 && t.get(j - 1).pos("ADP"); // "the cost of rebuilding"
            boolean verb = (w.pos("VERB") || verbClass != null) && !gerund && !w.pos("AUX");
            if (verb && (verbs == 1 || boundingVerb) && j > 0 && WordClasses.is(t.get(j - 1), "relatives")) {
                j--; // "the death toll from a quake that struck Turkey rose to": past the relative clause
                limit -= 6;
                from = j > 0 ? Math.min(from, c.clauseStart(j - 1)) : from;
                continue;
            }
            if (verb && ++verbs > 1 || w.is(",")) {
                break;
            }
            if (verb) {
                if (verbClass == null) {
                    verbClass = PREDICATES.of(w.lemma());
                }
                verbClass = asChange(verbClass, t, s, e); // "its parent's shares lost 60 per cent": the shares fell
                int link = j + 1 < t.size() && WordClasses.is(t.get(j + 1), "revision-particles") ? j + 2 : j + 1;
                boolean estimatedAt = verbClass != null && verbClass.has("report") && link < t.size()
                        && WordClasses.is(t.get(link), "level-links"); // "estimated at $5.5 billion", "revised down to 275"
                if (verbClass == null || !(verbClass.has("light") || verbClass.has("change") || estimatedAt)) {
                    break; // "the club paid £30m", "police counted 1.09 million": the noun before is who did it
                }
                continue;
            }
            if (w.pos("ADJ") && PREDICATES.of(w.lemma()) != null && PREDICATES.of(w.lemma()).has("person") && j > 0
                    && t.get(j - 1).pos("DET")) {
                // "the injured number 2,059", "the dead"
                if (nearest == null) {
                    nearest = new Measure(PERSON, PREDICATES.of(w.lemma()).name(), null, false, j, s);
                }
                continue;
            }
            boolean noun = w.pos("NOUN") || w.pos("PROPN") && commonWord(w);
            if (!noun || c.figureTokens[j] || c.headAt[j] >= 0 && c.heads.get(c.headAt[j]).event()) {
                continue; // an event is what a figure belongs to, not what it counts ("people killed in the quake")
            }
            int start = j;
            while (start - 1 >= from && (t.get(start - 1).pos("NOUN") || t.get(start - 1).pos("ADJ"))) {
                start--;
            }
            Measure m = measureOf(c, start, j);
            if (m == null) {
                continue;
            }
            m = new Measure(m.name(), m.predicate(), m.scopeGroup(), m.attribute(), start, j + 1);
            if (m.attribute() || m.predicate() != null) {
                return m; // "the death toll from last month's Lahaina wildfire to 97": the toll, not the wildfire
            }
            if (nearest == null) {
                nearest = m;
            }
            j = start;
        }
        return nearest;
    }

    /**
     * The predicate class (or lemma) of a figure whose words span [s, e), in this order: a classed verb or adjective
     * after them in the clause ("93 people died", "2,207 structures damaged", "confirmed dead"); a classed verb before
     * them ("killed 93"); the class of the figure's noun ("93 deaths", "the toll"); a verb of change ("shares fell
     * 60%"; "rose to 93" is a level, not a change); else the lemma of the clause's own verb: the verb right before the
     * figure when the figure is its object ("received 47.7 percent"), else the first verb after ("people needed
     * shelter"). Null when the clause has none.
     */
    private static String predicate(SentenceContext c, int s, int e, Measure m, boolean money) {
        List<Token> t = c.t;
        int n = t.size();
        int end = clauseEnd(c, e);
        String verbAfter = null;
        String change = null;
        int v = s - 1;
        while (v > 0 && (t.get(v).pos("DET") || t.get(v).pos("ADV"))) {
            v--;
        }
        if (v >= 1 && t.get(v).isWord() && WordClasses.of("attendance-verbs").contains(t.get(v).verbLemma())
                && t.get(v - 1).nominal()) {
            LemmaLexicon.Entry held = PREDICATES.of(t.get(v - 1).nounLemma());
            if (held != null && held.has("occurrence") && held.has("person")) { // "the fire drew 300 firefighters": no
                return held.name(); // "the rally attracted 338,000 people": as many demonstrated
            }
        }
        LemmaLexicon.Entry verbBeforeClass = v >= 0 && t.get(v).pos("VERB") ? verbPredicate(t.get(v)) : null;
        // "which destroyed 2,200 structures, killed 97": the figure is the object of the verb before it
        boolean objectOfVerb = verbBeforeClass != null && !verbBeforeClass.has("light") && !verbBeforeClass.has("report");
        for (int k = e; k < end && k < e + 10; k++) {
            Token w = t.get(k);
            if (w.is(",") && objectOfVerb) {
                break;
            }
            if (w.pos("CCONJ") && k + 1 < n && (t.get(k + 1).pos("DET") || t.get(k + 1).pos("PRON")
                    || t.get(k + 1).pos("PROPN") || t.get(k + 1).verbal())) {
                break; // "... and the injured number 2,059", "... and conceded defeat": another conjunct
            }
            if (w.is(",") && m != null && m.predicate() != null) {
                break; // "apart from 278 deaths, 1,100 people were injured": the noun's own class, not the next clause's
            }
            if (k > e && WordClasses.is(w, "subordinators") && k + 1 < n
                    && (t.get(k + 1).nominal() || t.get(k + 1).pos("DET") || t.get(k + 1).pos("PRON"))) {
                break; // "the toll rose above 11,200 as rescuers raced to save survivors": another clause's verb
            }
            if (!w.isWord()) {
                continue;
            }
            LemmaLexicon.Match p = predicateAt(t, k);
            if (p != null && !usable(p.entry(), money)) {
                p = null;
            }
            if (p != null && (w.verbal() || w.pos("ADJ") || w.pos("ADV") || w.pos("ADP")
                    || w.pos("NOUN") && (verbPredicate(w) != null || k > 0 && WordClasses.is(t.get(k - 1), "infinitive-markers")
                    || k > 0 && t.get(k - 1).pos("VERB") && k - 1 >= e
                    && WordClasses.of("object-predicate-verbs").contains(t.get(k - 1).verbLemma())))) {
                // "4,500 people needed shelter"; not "150 passengers escaped injury"
                LemmaLexicon.Entry en = asChange(p.entry(), t, s, e);
                if (en.has("report") && k + 1 < n && WordClasses.is(t.get(k + 1), "infinitive-markers")) {
                    continue; // "had been told to evacuate": an order, not a citation
                }
                if (en.has("report")) {
                    boolean passive = k + 1 < n && predicateAt(t, k + 1) != null; // "have been reported killed"
                    if (!passive && c.verbAt[k] >= 0 && c.verbs.get(c.verbAt[k]).cls() == EventVerbs.Cls.REPORT) {
                        break;
                    }
                    continue; // "confirmed dead": not a citation here
                }
                if (!en.has("light") && !en.has("change")) {
                    return en.name();
                }
                if (en.has("change") && change == null) {
                    change = en.name();
                }
                continue;
            }
            if (participle(w) && verbAfter == null) {
                verbAfter = w.verbLemma();
                if (k == e && !w.lower().equals(verbAfter) && PREDICATES.of(verbAfter) == null
                        && (k + 1 == n || t.get(k + 1).kind() == Token.Kind.PUNCT || t.get(k + 1).pos("CCONJ"))) {
                    return ClaimKey.slug(verbAfter); // "2,170 acres burned,": the figure's own participle, ending its
                                                     // clause, first ("people aged over 80 died" is not aged)
                }
            }
        }
        int from = c.clauseStart(s);
        String verbBefore = null;
        boolean objectOfVerbBefore = true;
        for (int k = s - 1; k >= from && k >= s - 10; k--) {
            Token w = t.get(k);
            if (w.is(",")) {
                break; // "... destroyed in Lahaina, out of 2,719 that were exposed": not this figure's verb
            }
            LemmaLexicon.Match phrase = w.isWord() ? PREDICATES.at(t, k) : null;
            LemmaLexicon.Entry en = phrase != null && phrase.end() > k + 1 && phrase.end() <= s
                    ? phrase.entry() // "tried to take out $42bn": the phrase, not "take"
                    : verbPredicate(w);
            if (!w.isWord() || !(w.verbal() || w.pos("ADJ") || en != null)) {
                objectOfVerbBefore &= !w.nominal();
                continue;
            }
            if (en == null) {
                en = PREDICATES.of(w.lemma());
            }
            if (en != null && !usable(en, money)) {
                en = null; // "pulled 12 survivors": "pull" withdraws only money
            }
            en = asChange(en, t, s, e);
            if (en == null) {
                if (participle(w) && verbBefore == null) {
                    verbBefore = objectOfVerbBefore ? w.verbLemma() : null;
                }
                objectOfVerbBefore = false;
                continue;
            }
            if (en.has("report")) {
                if (verbBefore == null && objectOfVerbBefore) {
                    verbBefore = w.lemma(); // "lowered his record by 30 seconds"; a noun's own class comes first
                }
                break;
            }
            if (en.has("change")) {
                boolean level = s > 0 && WordClasses.is(t.get(s - 1), "level-links");
                if (change == null && !level) {
                    change = en.name();
                }
                continue;
            }
            if (!en.has("light")) {
                return en.name();
            }
        }
        if (m != null && m.predicate() != null) {
            return m.predicate();
        }
        if (change != null) {
            return change;
        }
        String verb = verbBefore != null ? verbBefore : verbAfter;
        if (verb != null && (PREDICATES.of(verb) == null || !PREDICATES.of(verb).has("light"))) {
            return ClaimKey.slug(verb);
        }
        return null;
    }

    /** "more than", "ahead of" right after a figure: it is a difference from another's figure. */
    private static boolean marginAfter(List<Token> t, int e) {
        return e + 1 < t.size() && WordClasses.is(t.get(e), "difference-words") && WordClasses.is(t.get(e + 1), "difference-links");
    }

    /** Whether the words before token i make what follows someone's: "its", "their", "the island's". */
    private static boolean possessed(List<Token> t, int i) {
        return i > 0 && (WordClasses.is(t.get(i - 1), "possessive-determiners") || t.get(i - 1).kind() == Token.Kind.POSSESSIVE);
    }

    /**
     * Whether a predicate class applies to this figure: a class flagged [money] holds only for an amount of money, one
     * flagged [distance] never for one ("covered 100 metres", not "covered $72 billion of assets").
     */
    private static boolean usable(LemmaLexicon.Entry en, boolean money) {
        return money ? !en.has("distance") : !en.has("money");
    }

    /**
     * The predicate a phrase at token k names: by lemmas, or for one word read as a verb whatever its tag ("fell" is
     * fall): the tagger misreads some verbs in short news sentences.
     */
    private static LemmaLexicon.Match predicateAt(List<Token> t, int k) {
        LemmaLexicon.Match m = PREDICATES.at(t, k);
        if (m != null) {
            return m;
        }
        LemmaLexicon.Entry en = verbPredicate(t.get(k));
        return en == null ? null : new LemmaLexicon.Match(k, k + 1, en);
    }

    /** The predicate class of a word read as a verb (content words only), or null. */
    static LemmaLexicon.Entry verbPredicate(Token w) {
        if (!w.isWord() || !(w.nominal() || w.verbal() || w.pos("ADJ") || w.pos("ADV"))) {
            return null;
        }
        if (!w.lower().equals(w.verbLemma())) {
            LemmaLexicon.Entry en = PREDICATES.of(w.verbLemma());
            if (en != null) {
                return en;
            }
        }
        return w.pos("VERB") ? PREDICATES.of(w.lower()) : null; // irregular forms the lemmatizer misses: "risen"
    }

    /** A verb, or a participle the tagger read as an adjective ("was fined"): a word other than its lemma. */
    private static boolean participle(Token w) {
        return w.pos("VERB") || w.pos("ADJ") && !w.lower().equals(w.verbLemma());
    }

    /** Where the clause of token ref ends: at a boundary word, a reporting verb, or a semicolon. */
    static int clauseEnd(SentenceContext c, int ref) {
        int n = c.t.size();
        for (int k = ref; k < Math.min(n, ref + SentenceContext.WINDOW); k++) {
            Token w = c.t.get(k);
            if (k > ref && CLAUSE_ENDS.contains(w.lower())) {
                return k;
            }
            if (w.is(",") && k + 1 < n && CLAUSE_ENDS_AFTER_COMMA.contains(c.t.get(k + 1).lower())) {
                return k;
            }
            if (c.verbAt[k] >= 0 && c.verbs.get(c.verbAt[k]).cls() == EventVerbs.Cls.REPORT
                    && !(k + 1 < n && (predicateAt(c.t, k + 1) != null
                    || WordClasses.is(c.t.get(k + 1), "infinitive-markers")))) {
                return k; // a citation ends the clause; "have been reported killed", "were told to leave" do not cite
            }
        }
        return Math.min(n, ref + SentenceContext.WINDOW);
    }

    private static boolean personPredicate(String predicate) {
        LemmaLexicon.Entry en = PREDICATES.of(predicateLemma(predicate));
        return en != null && en.has("person");
    }

    private static boolean predicateRunning(String predicate) {
        LemmaLexicon.Entry en = predicate == null ? null : PREDICATES.of(predicateLemma(predicate));
        return en != null && en.has("running");
    }

    /** A measure that changes as its event goes on (measures.txt [running]: a storm's winds). */
    private static boolean measureRunning(String measure) {
        LemmaLexicon.Entry en = MEASURES.named(measure);
        return en != null && en.has("running");
    }

    /** A lemma of a class, so that the class's flags can be looked up by the class name. */
    private static String predicateLemma(String predicate) {
        return CLASS_LEMMA.getOrDefault(predicate, predicate);
    }

    private static final java.util.Map<String, String> CLASS_LEMMA = new java.util.HashMap<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("predicates.txt")) {
            CLASS_LEMMA.putIfAbsent(e.head(), e.items().get(0));
        }
    }

    /**
     * The owner named as the subject of the figure's clause: a gazetteer actor (a country, a person's country) or a
     * run of proper nouns not governed by a preposition ("Labour won", "SVB had", "the Conservatives took");
     * a proper noun in a possessive ("Labour's 411 seats") counts too. {@code -} when none.
     */
    /**
     * Whether token k (after the rest of a name, auxiliaries and adverbs) is a verb that cites a figure: a citation of
     * events.txt ("said", "announced"), an estimate ("estimated"), or "put ... at".
     */
    private static boolean citing(SentenceContext c, int k) {
        while (k + 1 < c.t.size() && (nameLike(c, k) || WordClasses.is(c.t.get(k), "name-links"))) {
            k++; // the rest of the name: "Karen Clark & Co."
        }
        while (k + 1 < c.t.size() && (c.t.get(k).pos("AUX") || c.t.get(k).pos("ADV") || c.t.get(k).is("."))) {
            k++; // "Karen Clark & Co. has put"
        }
        if (k >= c.t.size() || !c.t.get(k).verbal()) {
            return false;
        }
        if (c.verbAt[k] >= 0 && c.verbs.get(c.verbAt[k]).cls() == EventVerbs.Cls.REPORT) {
            return true; // "said", "announced"
        }
        String lemma = c.t.get(k).verbLemma();
        if (WordClasses.of("estimate-verbs").contains(lemma)) {
            return true;
        }
        if (WordClasses.of("at-report-verbs").contains(lemma)) {
            for (int j = k + 1; j < Math.min(c.t.size(), k + AT_REPORT_REACH); j++) {
                if (WordClasses.is(c.t.get(j), "level-links")) {
                    return true; // "put insured losses at", "put the total cost of Chandrayaan-3 at"
                }
            }
        }
        return false; // "raised $2.25 billion", "gave Labour a majority": verbs that act, not cite
    }

    /**
     * The start of a name that ends in a place's ("Reform UK", "SVB UK", "Plaid Cymru": another name, not the place),
     * no earlier than {@code from}; the actor's own start when no name word stands right before it. A word of a part of
     * the place ("Southern Turkey") and a person are no such name.
     */
    static int nameEndingIn(SentenceContext c, Gazetteer.Actor a, int from) {
        int start = a.start();
        while (!a.isPerson() && start - 1 >= from && nameLike(c, start - 1)
                && !WordClasses.is(c.t.get(start - 1), "part-of-place-adjectives") && c.actorAt[start - 1] < 0) {
            start--;
        }
        return start;
    }

    static String subjectOwner(SentenceContext c, int ref) {
        List<Token> t = c.t;
        int from = c.clauseStart(ref);
        // nearest first: "Labour won 411 seats, the Conservatives 121"; "With most ballots counted, Milei led with ..."
        for (int k = ref - 1; k >= from; k--) {
            Token w = t.get(k);
            if (c.actorAt[k] >= 0) {
                Gazetteer.Actor a = c.actors.get(c.actorAt[k]);
                int start = nameEndingIn(c, a, from); // "Reform UK 5", "Plaid Cymru 4": the party is the owner
                if (start < a.start() && !governed(t, start)) {
                    return ClaimKey.slug(Tokenizer.text(t, start, a.end()));
                }
                if (a.start() > 0 && t.get(a.start() - 1).is("(") && a.end() < t.size() && t.get(a.end()).is(")")) {
                    k = a.start();
                    continue; // "Mantz (USA) 2:07:47": the runner's country, not whose the time is
                }
                if (!governed(t, a.start())) {
                    if (citing(c, a.end())) {
                        return ClaimKey.NONE; // "Railway minister Ashwini Vaishnaw has announced": the speaker
                    }
                    if (c.countrysBusiness(a, from)) {
                        return ClaimKey.NONE; // "The US bank had about $210bn in assets": the bank's, not the country's
                    }
                    if (!a.isPerson() && demonymPerson(c, a)) {
                        return ClaimKey.NONE; // "The 37-year-old Kenyan scalped 30 seconds": a person, not Kenya
                    }
                    return a.isPerson() ? ClaimKey.slug(a.person()) : a.country();
                }
                k = a.start();
                continue;
            }
            if (!nameLike(c, k)) {
                continue;
            }
            int start = k;
            while (start - 1 >= from && nameLike(c, start - 1) && c.actorAt[start - 1] < 0) {
                start--;
            }
            if (start > 0 && t.get(start - 1).is("(") && k + 1 < t.size() && t.get(k + 1).is(")")) {
                k = start - 1;
                continue; // "Mark Korir (KEN) — 2:05:58", "Apple (AAPL)": a bracketed code is the name's affiliation
            }
            if (citing(c, k + 1)) {
                return ClaimKey.NONE; // "Sivan put the cost at": the speaker is the attribution, not whose it is
            }
            if (start > 0 && WordClasses.is(t.get(start - 1), "indefinite-determiners")) {
                k = start;
                continue; // "MacDonald, a Highland councillor, took 18,159 votes": a description, not the subject
            }
            if (governed(t, start) || c.headAt[k] >= 0 && c.heads.get(c.headAt[k]).event()) {
                k = start;
                continue; // "in Lahaina", "according to FEMA"; "Hurricane Ian" is the event, not an owner
            }
            return ownerSlug(t, start, k + 1);
        }
        // "Ferreira was re-elected after winning 53.2%": a participle clause shares the subject of the clause before
        if (from > 1 && from < ref && t.get(from).pos("VERB") && !t.get(from).lower().equals(t.get(from).lemma())
                && c.clauseStart(from - 1) < from - 1) {
            return subjectOwner(c, from - 1);
        }
        return ClaimKey.NONE;
    }

    /**
     * A capitalized word the tagger took for a name that the word lists know as a common word ("Revenue for the
     * quarter rose", "Shares fell"): the first word of a sentence is capitalized whatever it is.
     */
    /**
     * A word that is part of a name: capitalized, not a common word the lists know, not a calendar word, and not the
     * capitalized first word of a sentence unless the tagger reads it as a name. Capitals decide more than tags: the
     * tagger reads "Green" or "Conservatives" as common nouns.
     */
    static boolean nameLike(SentenceContext c, int k) {
        Token w = c.t.get(k);
        if (!w.isWord() || !w.capitalized() || commonWord(w) || Scopes.calendarWord(w)) {
            return false;
        }
        if (k + 1 < c.t.size() && c.t.get(k + 1).isNumber() && Units.currencyBefore(c.t, k + 1) != null) {
            return false; // "and Rs 365 crore": a currency sign before its amount names nobody
        }
        return k > 0 && !c.t.get(k - 1).is("\"") || w.pos("PROPN") || w.pos("ADJ");
    }

    static boolean commonWord(Token w) {
        String noun = w.nounLemma();
        return MEASURES.of(noun) != null || PREDICATES.of(noun) != null || STOP.contains(w.lower());
    }

    /** The gazetteer actor that is the subject of the figure's clause (a country, a person's country), or {@code -}. */
    private static String actorOwner(SentenceContext c, int ref) {
        String s = c.subjectOwner(ref);
        return s == null ? ClaimKey.NONE : s;
    }

    /** Whether a preposition governs token k ("in Lahaina", "according to FEMA"): then it is no subject. */
    private static boolean governed(List<Token> t, int k) {
        int j = k - 1;
        while (j >= 0 && (t.get(j).pos("DET") || t.get(j).pos("ADJ") || t.get(j).pos("PROPN"))) {
            j--;
        }
        if (j >= 0 && (t.get(j).pos("ADP") || WordClasses.is(t.get(j), "level-links"))) {
            return true;
        }
        // "the cost of rebuilding Lahaina": the object of a gerund right after a preposition is no subject ("the
        // ruling Conservatives" is)
        return k >= 2 && gerund(t.get(k - 1)) && t.get(k - 2).pos("ADP");
    }

    private static boolean gerund(Token w) {
        return (w.pos("NOUN") || w.pos("VERB")) && WordClasses.endsWithAny(w, "participle-endings");
    }

    /**
     * The key part of a name: its last word ("Incumbent Ana Ferreira" and "Ferreira" are one owner), or the whole name
     * when that word is generic (name-generics.txt: "the Scottish National Party"); without a final plural s, so that
     * "the Conservatives" and "Conservative" are one owner.
     */
    static String ownerSlug(List<Token> t, int from, int to) {
        if (!GENERIC_NAMES.contains(t.get(to - 1).lower())) {
            from = to - 1;
        }
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            b.append(k > from ? " " : "").append(t.get(k).text());
        }
        if (to + 1 < t.size() && t.get(to).is("-") && t.get(to).start() == t.get(to - 1).end()
                && t.get(to + 1).start() == t.get(to).end() && t.get(to + 1).text().chars().anyMatch(Character::isDigit)) {
            // "Chandrayaan-3", "Aditya-L1": the number tells the craft apart from its predecessor
            return ClaimKey.slug(b + "-" + t.get(to + 1).text());
        }
        String slug = ClaimKey.slug(b.toString());
        if (slug.endsWith("ies") && slug.length() > 5) {
            return slug.substring(0, slug.length() - 3) + "y";
        }
        if (slug.endsWith("s") && !slug.endsWith("ss") && slug.length() > 4) {
            return slug.substring(0, slug.length() - 1);
        }
        return slug;
    }

    /**
     * The event named in the figure's clause when it is not the story's main event ("the aftershock killed two", "the
     * second quake"), else {@code -}.
     */
    private static String otherEvent(SentenceContext c, int ref) {
        int from = c.clauseStart(ref);
        int to = clauseEnd(c, ref);
        for (int k = from; k < to; k++) {
            if (c.headAt[k] >= 0) {
                Heads.Head h = c.heads.get(c.headAt[k]);
                if (h.event()) {
                    // told apart by an ordinal ("the second quake"), a day ("Sunday's aftershock") or as an event of
                    // its own kind (heads.txt [distinct]: an aftershock is not the earthquake)
                    String name = c.headName(h);
                    if (!name.equals(h.name())) {
                        return name; // "the second quake"
                    }
                    if (h.distinct() && !name.equals(c.state.mainEvent)) {
                        boolean byDay = h.start() > 0 && c.t.get(h.start() - 1).kind() == Token.Kind.POSSESSIVE
                                && dayBefore(c, h.start() - 1);
                        LocalDate day = byDay ? c.sentenceDay() : null;
                        return day != null ? name + "@" + day : name; // "Sunday's aftershock"
                    }
                    return ClaimKey.NONE;
                }
                k = h.end() - 1;
            }
        }
        return ClaimKey.NONE;
    }

    /** Whether a day ("Sunday") ends right before token k. */
    private static boolean dayBefore(SentenceContext c, int k) {
        for (TimeRules.TimeMention m : c.times) {
            if (m.end() == k) {
                return true;
            }
        }
        return false;
    }

    private static String subjectLabel(String owner, String thing, String measure, String predicate) {
        StringBuilder b = new StringBuilder(SentenceContext.ownerName(owner));
        if (!thing.equals(ClaimKey.NONE)) {
            b.append(SentenceContext.headLabel(thing)).append(' ');
        }
        String what = measure.equals(ClaimKey.NONE) ? "" : SentenceContext.headLabel(measure);
        if (measure.equals(PERSON) && predicate != null) {
            what = "";
        }
        b.append(what);
        if (predicate != null) {
            b.append(what.isEmpty() ? "" : " ").append(SentenceContext.headLabel(predicate));
        }
        String s = b.toString().strip();
        return s.isEmpty() ? "number" : s;
    }

    // ---- quantities -----------------------------------------------------------------------------------------

    private static Previous quantity(SentenceContext c, NumberRules.Num num, int from, String op, boolean approx,
                                     String currency, PhraseMatcher.Match<Units.Unit> unit, boolean magnitudeBefore,
                                     boolean runningCue, Previous previous) {
        List<Token> t = c.t;
        int n = t.size();
        int to = unit != null ? unit.end() : num.end();
        String unitName;
        String dimension;
        if (currency != null) {
            unitName = currency;
            dimension = "money";
        } else if (unit != null) {
            unitName = unit.value().canonical();
            dimension = unit.value().dimension();
        } else {
            unitName = "magnitude";
            dimension = "magnitude";
        }
        BigDecimal v = num.value();
        if ((dimension.equals("magnitude") || dimension.equals("length")) && verbBound(t, num)) {
            op = ""; // "passed 40 miles east of the city": the bound word is the verb
        }
        String value = (num.high() != null ? NumberRules.plain(v) + "-" + NumberRules.plain(num.high())
                : op + NumberRules.plain(v)) + " " + unitName;
        boolean hedged = approx || hedgedBefore(c, from);
        String measure;
        String thing = ClaimKey.NONE;
        String owner = ClaimKey.NONE;
        String predicate = null;
        double conf = c.baseConfidence();
        int claimFrom = from;
        int claimTo = to;
        RowCell cell = dimension.equals("magnitude") ? null : factRowCell(c, from, to);
        if (cell != null) {
            // "Cost | lander, rover and propulsion module Rs 215 crore; launch services Rs 365 crore": the heading is
            // what each amount measures, the noun beside it whose it is
            Candidate k = c.emit(ClaimKind.QUANTITY, ClaimKey.of(ClaimKind.QUANTITY, ClaimKey.NONE, cell.thing(),
                            cell.measure(), null), subjectLabel(ClaimKey.NONE, cell.thing(), cell.measure(), null),
                    cell.measure(), value, from, to, hedged, measureRunning(cell.measure()), conf * 0.85);
            k.figure(c.figureTokens, from, to);
            return new Previous(ClaimKind.QUANTITY, cell.measure(), null, cell.thing(), to, unitName, ClaimKey.NONE,
                    false);
        }
        switch (dimension) {
            case "magnitude" -> {
                measure = "magnitude";
                thing = event(c, num.valueStart(), to);
            }
            case "length" -> {
                String placement = Units.placement(t, num.start(), to);
                Measure after = nounAfter(c, to);
                Measure named = measureBefore(c, from, to); // "a storm surge of up to 4 meters"
                if (placement == null && named != null && after == null) {
                    measure = named.name();
                    thing = event(c, num.valueStart(), to);
                    claimFrom = Math.min(claimFrom, named.from());
                } else if (placement != null) {
                    measure = placement;
                    thing = event(c, num.valueStart(), to);
                    if (thing.equals(ClaimKey.NONE) && !placement.startsWith("distance")) {
                        thing = subjectThing(c, num.start());
                    }
                } else if (after != null && num.end() < n && t.get(num.end()).is("-")) {
                    measure = "length";
                    thing = after.name(); // "a 1.6-mile bridge"
                    claimTo = after.to();
                } else {
                    measure = "length";
                    predicate = predicate(c, num.start(), to, null, false);
                    thing = subjectThing(c, num.start());
                    if (predicate == null && thing.equals(ClaimKey.NONE)) {
                        return null;
                    }
                }
            }
            case "speed" -> {
                Measure before = measureBefore(c, from, to); // "winds of 150 mph", "gusts of 80 mph"
                Measure after = before != null && before.attribute() ? null : nounAfter(c, to); // "150 mph winds"
                measure = before != null && before.attribute() ? before.name()
                        : after != null && after.attribute() ? after.name() : "speed";
                if (after != null && after.attribute()) {
                    claimTo = after.to();
                }
                thing = event(c, num.valueStart(), to);
            }
            default -> {
                Previous change = dimension.equals("money") ? changed(c, from, previous) : null;
                if (change != null && (!change.measure().equals(ClaimKey.NONE) || marketClose(c, change.end()))) {
                    // "shares fell 60%, from $267.83 to $106.04": the levels of what changed, a price for shares
                    // ("closed down 60.4% at $106.04": a close is of a traded stock)
                    boolean stock = change.measure().equals(ClaimKey.NONE) || STOCK_MEASURES.contains(change.measure());
                    String level = stock ? WordClasses.first("stock-level-measure") : change.measure();
                    boolean earlier = EARLIER_LINKS.contains(t.get(from - 1).lower());
                    Candidate k = c.emit(ClaimKind.QUANTITY, ClaimKey.of(ClaimKind.QUANTITY, change.owner(),
                                    change.thing(), level, null), subjectLabel(change.owner(), change.thing(), level, null),
                            level, value, from, to, hedged, true, c.baseConfidence() * 0.85);
                    k.figure(c.figureTokens, from, to);
                    k.superseded = earlier;
                    return new Previous(ClaimKind.QUANTITY, change.measure(), change.predicate(), change.thing(), to,
                            unitName, change.owner(), true);
                }
                Measure after = dimension.equals("money") || dimension.equals("percent") || dimension.equals("area")
                        ? nounAfter(c, to) : null;
                Measure before = measureBefore(c, from, to);
                predicate = predicate(c, from, after != null ? after.to() : to, null, dimension.equals("money"));
                if (after != null && after.attribute()) {
                    measure = after.name();
                    claimTo = after.to();
                } else if (before != null && before.attribute()) {
                    measure = before.name();
                    claimFrom = Math.min(claimFrom, before.from());
                } else if (after != null) {
                    // "$69 billion deal", "$42 billion in withdrawals", "49.5% of the vote", "2,170 acres burned"
                    LemmaLexicon.Entry p = PREDICATES.of(t.get(after.to() - 1).lemma());
                    if (p != null && !p.has("light") && !p.has("report") && predicate == null) {
                        predicate = p.name();
                        measure = ClaimKey.NONE;
                    } else {
                        measure = after.name();
                    }
                    claimTo = after.to();
                } else if (before != null) {
                    measure = before.name();
                    claimFrom = Math.min(claimFrom, before.from());
                } else if (dimension.equals("money") && from > 0 && PRICE_LINKS.contains(t.get(from - 1).lower())) {
                    measure = "price"; // "bought it for $69 billion", "a deal for $69 billion"
                } else if (dimension.equals("money") && pronounAt(c, from) && subjectAttribute(c.state.previousTokens) != null) {
                    // "The low cost of the mission has become a point of pride. Sivan put it at Rs 615 crore": the
                    // pronoun is what the sentence before was about
                    measure = subjectAttribute(c.state.previousTokens);
                } else if (dimension.equals("percent") && marketClose(c, from) && companyCloses(c, from)) {
                    // "SVB Financial closed down 60.4% at $106.04": a close of a trading day is of the company's shares
                    measure = WordClasses.first("stock-measures");
                } else if (dimension.equals("money") && RAISED_MONEY.contains(predicate)) {
                    measure = WordClasses.first("capital-measure"); // "needed to raise $2.25 billion": capital
                } else if (previous != null && previous.kind() == ClaimKind.QUANTITY && dimension.equals("money")
                        && previous.unit() != null && Units.currency(previous.unit()) && !unitName.equals(previous.unit())
                        && from == previous.end() + 1 && (t.get(previous.end()).is("(")
                        || appositionEnds(t, previous.end(), to))) {
                    // "CHF 3 billion ($3.24 billion)", "615 crore rupees, roughly $75 million": the amount before, in
                    // another currency
                    measure = previous.measure();
                    predicate = previous.predicate();
                } else if (previous != null && previous.kind() == ClaimKind.QUANTITY && unitName.equals(previous.unit())) {
                    // "won 49.5% of the vote, short of the 50% needed": the same measure as the figure before
                    measure = previous.measure();
                    predicate = predicate == null ? previous.predicate() : predicate;
                } else {
                    measure = ClaimKey.NONE;
                }
                LemmaLexicon.Entry named = predicate == null ? null : PREDICATES.named(predicate);
                if (measure.equals(ClaimKey.NONE) && named != null && named.has("measure")) {
                    measure = predicate; // "was fined €2.5 million" is the fine
                    predicate = null;
                }
                predicate = forAttribute(measure, predicate);
                if (measure.equals(ClaimKey.NONE) && predicate == null) {
                    return null; // an amount of nothing named
                }
                owner = possessiveOwner(c, claimFrom);
                if (owner == null && after != null && after.from() > to) {
                    owner = possessiveOwner(c, after.from()); // "$80 billion off SVB's market value": SVB's value
                }
                if (owner == null && before != null) {
                    owner = ofNameOwner(c, before.to()); // "Shares of SVB Financial fell 60%", as "SVB Financial's shares"
                }
                if (owner == null) {
                    owner = subjectOwner(c, from);
                }
                thing = subjectHead(c, from); // "The deal covered $72 billion of assets": the deal's, not the bank's
                if (after != null && after.from() > to && after.from() >= 2
                        && t.get(after.from() - 1).kind() == Token.Kind.POSSESSIVE && t.get(after.from() - 2).pos("NOUN")
                        && !t.get(after.from() - 2).lower().equals(t.get(after.from() - 2).nounLemma())) {
                    // "$100 billion off the banks' market value": a group's, never one bank's
                    thing = ClaimKey.slug(t.get(after.from() - 2).lower());
                }
                String purpose = WordClasses.of("purpose-measures").contains(measure) ? purposeAfter(c, claimTo) : null;
                if (purpose != null) {
                    thing = purpose; // "Rs 250 crore for the lander, rover and propulsion module": the module's cost
                }
                if (thing.equals(measure)) {
                    thing = ClaimKey.NONE; // "the deal is worth $69 billion": the deal's measure already
                }
                if (OWNED.contains(measure) && owner.equals(ClaimKey.NONE)) {
                    return null; // "the ruling party won 45 percent of the vote": whose share is not named
                }
                conf *= 0.9;
            }
        }
        boolean eventAttribute = dimension.equals("magnitude") || dimension.equals("speed")
                || dimension.equals("length") && !thing.equals(ClaimKey.NONE) && c.headAt.length > 0
                && isEventName(c, thing);
        Candidate k = c.emit(ClaimKind.QUANTITY, ClaimKey.of(ClaimKind.QUANTITY, owner, thing, measure, predicate),
                subjectLabel(owner, thing, measure, predicate), measure.equals(ClaimKey.NONE) ? dimension : measure,
                value, claimFrom, claimTo, hedged, runningCue || predicateRunning(predicate) || measureRunning(measure),
                conf);
        k.figure(c.figureTokens, from, to);
        k.eventAttribute = eventAttribute;
        return new Previous(ClaimKind.QUANTITY, measure, predicate, thing, claimTo, unitName, owner, false);
    }

    /**
     * Whether the figure at token {@code from} is what a verb of reporting puts a pronoun at: "put it at Rs 615 crore",
     * "estimated it at about $2 billion".
     */
    private static boolean pronounAt(SentenceContext c, int from) {
        List<Token> t = c.t;
        return from >= 3 && LEVEL_LINKS.contains(t.get(from - 1).lower())
                && WordClasses.is(t.get(from - 2), "object-pronouns") && t.get(from - 3).isWord()
                && WordClasses.of("at-report-verbs").contains(t.get(from - 3).verbLemma());
    }

    /** Whether the figure at token {@code from} is what a pronoun measured: "said it measured 7.0". */
    private static boolean pronounMeasured(SentenceContext c, int from) {
        List<Token> t = c.t;
        return from >= 2 && t.get(from - 1).pos("VERB") && MEASURED_VERBS.contains(t.get(from - 1).verbLemma())
                && WordClasses.is(t.get(from - 2), "object-pronouns");
    }

    /**
     * What an amount of money is for, named right after it: "Rs 250 crore for the lander, rover and propulsion
     * module" is the module's (the last common noun of the phrase, through a list); null when no common noun
     * follows "for" ("$2 billion for Ukraine" names a recipient, "fined $1 million for breaching" an act).
     */
    private static String purposeAfter(SentenceContext c, int to) {
        List<Token> t = c.t;
        if (to >= t.size() || !WordClasses.is(t.get(to), "purpose-links")) {
            return null;
        }
        int head = -1;
        for (int k = to + 1; k < Math.min(t.size(), to + PURPOSE_REACH); k++) {
            Token w = t.get(k);
            if (w.pos("NOUN") && !w.capitalized() && !WordClasses.is(w, "period-nouns")) {
                head = k;
            } else if (!(w.pos("DET") || w.pos("ADJ") || w.is(",") && head >= 0 || w.pos("CCONJ") && head >= 0)) {
                break;
            }
        }
        if (head < 0 || head + 1 < t.size() && (t.get(head + 1).pos("NOUN") || t.get(head + 1).pos("VERB"))) {
            return null;
        }
        return ClaimKey.slug(t.get(head).nounLemma());
    }

    /**
     * The attribute a sentence is about when its subject names one ("The low cost of the mission has become a point of
     * national pride": cost), for a pronoun in the next sentence; null when none, or no sentence.
     */
    private static String subjectAttribute(List<Token> sentence) {
        for (int k = 0; sentence != null && k < Math.min(sentence.size(), SUBJECT_ATTRIBUTE_WITHIN); k++) {
            LemmaLexicon.Match m = sentence.get(k).isWord() ? MEASURES.at(sentence, k) : null;
            if (m != null && m.entry().has("attribute")) {
                return m.entry().name();
            }
        }
        return null;
    }

    /**
     * A quantity in a fact box's row ("Mass | about 3,900 kg in all: propulsion module 2,148 kg, lander 1,752 kg
     * including the 26 kg rover"): what it measures (the heading's measure, else the heading's first noun) and whose
     * it is (the noun right before the amount, or right after it at the end of its item; none for the whole, "in
     * all", "total"). Null outside a row.
     */
    private static RowCell factRowCell(SentenceContext c, int from, int to) {
        List<Token> t = c.t;
        int bar = rowBar(t, from);
        if (bar < 0) {
            return null;
        }
        String measure = null;
        for (int k = 0; k < bar && measure == null; k++) {
            LemmaLexicon.Match m = t.get(k).isWord() ? MEASURES.at(t, k) : null;
            measure = m != null && m.end() <= bar && m.entry().has("attribute") ? m.entry().name() : null;
        }
        if (measure == null && bar == 1) {
            measure = ClaimKey.slug(t.get(0).nounLemma()); // "Mass | ...": a one-word heading names the measure
        }
        if (measure == null) {
            return null; // "Markets live | Bank shares fall": a heading that names no measure is no fact box's
        }
        String thing = ClaimKey.NONE;
        Token before = t.get(from - 1);
        if (before.isWord() && !before.capitalized() && before.pos("NOUN") && !WHOLE_WORDS.contains(before.lower())) {
            thing = ClaimKey.slug(before.nounLemma()); // "propulsion module 2,148 kg"
        } else if (to < t.size() && t.get(to).isWord() && !t.get(to).capitalized()
                && (t.get(to).pos("NOUN") || t.get(to).pos("VERB") && t.get(to).lower().equals(t.get(to).verbLemma()))
                && !WHOLE_WORDS.contains(t.get(to).lower()) && (to + 1 >= t.size() || !t.get(to + 1).isWord())) {
            // (a noun the tagger reads as a bare verb at the end of a row: "the 26 kg rover")
            thing = ClaimKey.slug(t.get(to).nounLemma()); // "including the 26 kg rover"
        }
        return new RowCell(measure, thing);
    }

    /**
     * Where a fact box's heading ends ("Mass | about 3,900 kg", "Mission life (lander and rover) | one lunar day"): the
     * index of the row separator before token {@code from} when the words before it are a heading (capitalized, no
     * article, verb, pronoun or number: "A reminder of the price tag: in 2020, ..." is prose), else -1.
     */
    static int rowBar(List<Token> t, int from) {
        for (int k = 1; k < Math.min(from, ROW_HEADING_MAX + 1); k++) {
            Token w = t.get(k);
            if (WordClasses.is(w, "row-separators")) {
                return t.get(0).isWord() && t.get(0).capitalized() ? k : -1;
            } else if (w.pos("DET") || w.pos("VERB") || w.pos("AUX") || w.pos("PRON") || w.pos("NUM")) {
                return -1;
            }
        }
        return -1;
    }

    /** An amount's cell in a fact box's row: what the heading says it measures, and whose it is. */
    private record RowCell(String measure, String thing) {
    }

    /**
     * A class flagged [falls] is the fall class for a share ("shares lost 60 per cent" fell 60%; "lost 250 seats" keeps
     * its own class).
     */
    static LemmaLexicon.Entry asChange(LemmaLexicon.Entry en, List<Token> t, int s, int e) {
        return en != null && en.has("falls") && percentFigure(t, s, e)
                ? PREDICATES.named(WordClasses.first("share-fall-class")) : en;
    }

    /**
     * Whether the figure at tokens [s, e) is a share of traded stock: a percentage (units.txt) with a noun of
     * stock-measures before it in its clause ("its parent's shares lost 60 per cent"; not "Smith lost 48% to 52%").
     */
    static boolean percentFigure(List<Token> t, int s, int e) {
        boolean percent = false;
        for (int k = s; k < Math.min(t.size(), e + 1) && !percent; k++) {
            PhraseMatcher.Match<Units.Unit> u = Units.at(t, k);
            percent = u != null && u.value().dimension().equals("percent");
        }
        if (!percent) {
            return false;
        }
        for (int k = s - 1; k >= Math.max(0, s - SentenceContext.WINDOW) && t.get(k).kind() != Token.Kind.PUNCT; k--) {
            if (t.get(k).isWord() && STOCK_MEASURES.contains(t.get(k).nounLemma())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the subject that closed a trading day before token {@code end} is a company, whose close is its shares'
     * ("SVB Financial closed down 60.4%"): a name right before the verb that is not a market index's ("The Dow closed
     * down 2%", "the index closed down 2%").
     */
    private static boolean companyCloses(SentenceContext c, int end) {
        for (int k = c.clauseStart(end - 1) + 1; k + 1 < end; k++) {
            if (c.t.get(k).isWord() && MARKET_CLOSE.contains(c.t.get(k).verbLemma())
                    && WordClasses.is(c.t.get(k + 1), "close-directions")) {
                Token subject = c.t.get(k - 1);
                // a one-word name opening the sentence may be a commodity ("Gold closed down 1%")
                return subject.isWord() && subject.capitalized() && !WordClasses.is(subject, "market-indexes")
                        && k - 1 > 0;
            }
        }
        return false;
    }

    /**
     * Whether the clause before token {@code end} closes a trading day: a verb of market-close-verbs right before a
     * direction ("closed down 60.4%", "ended higher"); "the drive, which will end in June, has grown 40%" closes none.
     */
    private static boolean marketClose(SentenceContext c, int end) {
        for (int k = c.clauseStart(end - 1); k + 1 < end; k++) {
            if (c.t.get(k).isWord() && MARKET_CLOSE.contains(c.t.get(k).verbLemma())
                    && WordClasses.is(c.t.get(k + 1), "close-directions")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The change an amount of money is a level of: "fell 60% that day, from $267.83 to $106.04", "closed down 60.4% at
     * $106.04" (a percentage of a verb of change just before, in the clause, and a level link or "from" before the
     * amount), or "to $106.04" right after such a level. Null otherwise.
     */
    private static Previous changed(SentenceContext c, int from, Previous previous) {
        List<Token> t = c.t;
        if (previous == null || previous.kind() != ClaimKind.QUANTITY || from < 1 || from - previous.end() > LEVEL_GAP
                || previous.end() > from) {
            return null;
        }
        String link = t.get(from - 1).lower();
        if (previous.level()) {
            return LEVEL_LINKS.contains(link) && from - previous.end() == 1 ? previous : null; // "from $X to $Y"
        }
        LemmaLexicon.Entry p = previous.predicate() == null ? null : PREDICATES.named(previous.predicate());
        if (!"%".equals(previous.unit()) || p == null || !p.has("change")
                || !(LEVEL_LINKS.contains(link) || EARLIER_LINKS.contains(link))) {
            return null;
        }
        for (int k = previous.end(); k < from - 1; k++) {
            if (c.verbAt[k] >= 0 || t.get(k).pos("VERB") || t.get(k).is(";") || NumberRules.startsNumber(t, k)) {
                return null; // "fell 60% and analysts put the loss at $2 billion": another clause's amount
            }
        }
        return previous;
    }

    /**
     * Whether an amount after a comma at token {@code comma} and ending at token {@code end} stands alone as an
     * apposition of the amount before the comma: the clause ends after it ("615 crore rupees, roughly $75 million.").
     */
    static boolean appositionEnds(List<Token> t, int comma, int end) {
        return t.get(comma).is(",") && (end >= t.size() || t.get(end).kind() == Token.Kind.PUNCT
                && !t.get(end).is("(") && !t.get(end).is("-"));
    }

    /** Whether a number's bound is a verb ("passed 40 miles east"), not a bound ("more than 100 metres"). */
    private static boolean verbBound(List<Token> t, NumberRules.Num num) {
        for (int k = num.start(); k < num.valueStart(); k++) {
            if (t.get(k).pos("VERB")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The predicate a figure of this measure keys by: an attribute ("the cost", "a fine", "turnout", a share of the
     * vote) says what it is whatever the verb ("put the cost at", "imposed a fine of"), so only a change ("revenue rose
     * 12%") is kept.
     */
    private static String forAttribute(String measure, String predicate) {
        LemmaLexicon.Entry m = MEASURES.named(measure);
        if (predicate == null || m == null || !m.has("attribute")) {
            return predicate;
        }
        LemmaLexicon.Entry p = PREDICATES.named(predicate);
        return p != null && p.has("change") ? predicate : null;
    }

    /** Whether a thing's name is one of the sentence's event heads ("earthquake", "storm", "earthquake-2"). */
    private static boolean isEventName(SentenceContext c, String thing) {
        for (Heads.Head h : c.heads) {
            if (h.event() && thing.startsWith(h.name())) {
                return true;
            }
        }
        return thing.equals(c.state.lastEvent) || thing.equals(c.state.mainEvent);
    }

    /**
     * What a list or a tally counts, when the figure is what it holds: "the commission's list of confirmed deaths,
     * released this evening, has 23" counts deaths. The holding verb (data-holding-verbs) stands right before the
     * figure, the list (data-nouns) and its "of" phrase before it in the sentence. Null when the sentence says none.
     */
    private static Measure listedMeasure(SentenceContext c, int s, int e) {
        List<Token> t = c.t;
        int k = s - 1;
        while (k > 0 && t.get(k).pos("ADV")) {
            k--;
        }
        if (k < 2 || !WordClasses.is(t.get(k), "data-holding-verbs")) {
            return null;
        }
        for (int j = k - 1; j >= Math.max(0, k - 15); j--) {
            if (WordClasses.is(t.get(j), "data-nouns") && j + 2 < k && WordClasses.is(t.get(j + 1), "partitive-links")) {
                Measure m = measureAfter(c, j + 2);
                return m == null || m.to() > k ? null
                        : new Measure(m.name(), m.predicate(), m.scopeGroup(), m.attribute(), s, e, m.owned());
            }
        }
        return null;
    }

    /** A noun phrase right after a quantity, directly or through "in"/"of" ("$42 billion in deposits"). */
    private static Measure nounAfter(SentenceContext c, int to) {
        List<Token> t = c.t;
        int k = skipBracketedFigure(t, to);
        if (k < t.size() && t.get(k).is("-")) {
            k++;
        }
        if (k < t.size() && QUANTITY_LINKS.contains(t.get(k).lower())) {
            int j = k + 1;
            while (j < t.size() && (t.get(j).pos("DET") || t.get(j).pos("PRON"))) {
                j++;
            }
            int p = j;
            while (p < t.size() && p < j + 3 && (t.get(p).nominal() || t.get(p).isWord() && t.get(p).capitalized())) {
                p++; // (a name the tagger reads as an adjective: "Northwind's")
            }
            if (p > j && p + 1 < t.size() && t.get(p).kind() == Token.Kind.POSSESSIVE) {
                j = p + 1; // "$80 billion of the company's market value": the value, which is the company's
            }
            int head = j;
            while (j == k + 1 && head < t.size() && head < j + 2 && t.get(head).pos("ADJ")) {
                head++; // "in total assets"; "in a single day" is when
            }
            return head < t.size() && t.get(head).pos("NOUN") ? measureAfter(c, j) : null;
        }
        return measureAfter(c, k);
    }

    /**
     * Past a figure alone in brackets right after a quantity ("£6.7bn ($8.1bn) of deposits": the same amount in
     * another unit), to what follows it; {@code to} itself when none is there.
     */
    static int skipBracketedFigure(List<Token> t, int to) {
        if (to + 2 >= t.size() || !t.get(to).is("(")) {
            return to;
        }
        boolean figure = false;
        for (int k = to + 1; k < Math.min(t.size(), to + 6); k++) {
            Token tk = t.get(k);
            if (tk.is(")")) {
                return figure ? k + 1 : to;
            }
            if (tk.pos("NUM")) {
                figure = true;
            } else if (tk.isWord() && !tk.pos("NOUN") && !tk.pos("PROPN")) {
                return to; // words in brackets are no restated amount
            }
        }
        return to;
    }

    /** "410 seats for Labour": the contender named right after an owned measure, or null. */
    private static String ownerAfter(SentenceContext c, int to) {
        List<Token> t = c.t;
        if (to + 1 >= t.size() || !OWNER_LINKS.contains(t.get(to).lower())) {
            return null;
        }
        int s = to + 1;
        while (s < t.size() && t.get(s).pos("DET")) {
            s++;
        }
        if (s < t.size() && c.actorAt[s] >= 0) {
            Gazetteer.Actor a = c.actors.get(c.actorAt[s]);
            return a.isPerson() ? ClaimKey.slug(a.person()) : a.country();
        }
        int e = s;
        while (e < t.size() && nameLike(c, e)) {
            e++;
        }
        return e > s ? ownerSlug(t, s, e) : null;
    }

    /** The owner in a possessive right before a figure's noun phrase: "Labour's 411 seats", "SVB's $209 billion". */
    private static String possessiveOwner(SentenceContext c, int from) {
        List<Token> t = c.t;
        int k = from - 1;
        while (k >= 0 && (t.get(k).pos("ADJ") || t.get(k).pos("NOUN"))) {
            k--;
        }
        if (k >= 1 && t.get(k).kind() == Token.Kind.POSSESSIVE && nameLike(c, k - 1)) {
            int s = k - 1;
            while (s - 1 >= 0 && nameLike(c, s - 1)) {
                s--;
            }
            return ownerSlug(t, s, k);
        }
        if (k >= 2 && t.get(k).kind() == Token.Kind.POSSESSIVE && t.get(k - 1).pos("NOUN")
                && WordClasses.is(t.get(k - 2), "possessive-pronouns")) {
            return ClaimKey.NONE; // "and its parent's shares lost 60 per cent": whose parent is not the clause's subject
        }
        return null;
    }

    /** A name right after a measure's noun and "of" ("shares of SVB Financial"): whose the measure is, or null. */
    private static String ofNameOwner(SentenceContext c, int k) {
        List<Token> t = c.t;
        if (k + 1 >= t.size() || !PARTITIVE_LINKS.contains(t.get(k).lower()) || !nameLike(c, k + 1)) {
            return null;
        }
        int e = k + 1;
        while (e < t.size() && nameLike(c, e)) {
            e++;
        }
        return ownerSlug(t, k + 1, e);
    }

    /**
     * The event head nearest a quantity (before it preferred), the story's last event, its main event (what figures
     * are about before any event is named: "it impacted the surface at 14,000 mph" in a story of a collision), or
     * {@code -}.
     */
    private static String event(SentenceContext c, int start, int end) {
        Heads.Head before = c.nearestHead(start, true, true);
        Heads.Head after = c.nearestHead(end, false, true);
        Heads.Head h = before;
        if (after != null && (before == null || after.start() - end < start - before.end())) {
            h = after;
        }
        String name = h != null ? c.headName(h) : c.state.lastEvent != null ? c.state.lastEvent : c.state.mainEvent;
        return name == null ? ClaimKey.NONE : name;
    }

    /** The head noun of the clause's subject ("the ship is 948 feet long" is of the ship), or {@code -}. */
    private static String subjectThing(SentenceContext c, int ref) {
        List<Token> t = c.t;
        int from = c.clauseStart(ref);
        for (int k = from; k < ref; k++) {
            Token w = t.get(k);
            if (w.verbal()) {
                for (int j = k - 1; j >= from; j--) {
                    if (t.get(j).nominal()) {
                        return c.headAt[j] >= 0 ? c.heads.get(c.headAt[j]).name() : ClaimKey.slug(t.get(j).lemma());
                    }
                }
                return ClaimKey.NONE;
            }
        }
        return ClaimKey.NONE;
    }

    /**
     * The clause's subject when it is a thing of heads.txt that is no event ("the deal", "the agreement"), else
     * {@code -}: an amount the deal covers is the deal's.
     */
    private static String subjectHead(SentenceContext c, int ref) {
        List<Token> t = c.t;
        int from = c.clauseStart(ref);
        for (int k = from; k < ref; k++) {
            if (t.get(k).verbal()) {
                for (int j = k - 1; j >= from; j--) {
                    if (t.get(j).nominal()) {
                        return c.headAt[j] >= 0 && !c.heads.get(c.headAt[j]).event()
                                ? c.headName(c.heads.get(c.headAt[j])) : ClaimKey.NONE;
                    }
                }
                return ClaimKey.NONE;
            }
        }
        return ClaimKey.NONE;
    }

    /** "a 6.1 quake", "a 6.1-magnitude", "the second quake, measuring 5.1": a magnitude without its unit. */
    private static boolean bareMagnitude(SentenceContext c, NumberRules.Num num, int after) {
        BigDecimal v = num.value();
        if (num.high() != null || num.words() || v.scale() <= 0 || v.compareTo(BigDecimal.TEN) >= 0) {
            return false;
        }
        if (after < c.t.size() && c.headAt[after] >= 0 && c.heads.get(c.headAt[after]).takesMagnitude()) {
            return true;
        }
        int s = num.start();
        if (s > 0) {
            String w = c.t.get(s - 1).lower();
            if (w.equals("measuring") || w.equals("measured") || w.equals("registering") || w.equals("registered")) {
                Heads.Head h = c.nearestHead(s - 1, true, true);
                return h != null && h.takesMagnitude() && s - 1 - h.end() <= 4;
            }
        }
        return false;
    }

    /** "about magnitude 7": a hedge before the unit that stands before the number. */
    private static boolean hedgedBefore(SentenceContext c, int i) {
        NumberRules.Num mod = i > 0 ? NumberRules.parseModifierOnly(c.t, i) : null;
        return mod != null && mod.approximate();
    }

    /** "COVID-19", "Boeing 737", "Group of 20", "G20", "Chandrayaan-3": a number that belongs to a name. */
    static boolean partOfName(SentenceContext c, NumberRules.Num num) {
        int s = num.valueStart();
        if (s == 0 || num.words()) {
            return false;
        }
        Token prev = c.t.get(s - 1);
        if (Units.currencyBefore(c.t, s) != null) {
            return false; // "RUB 3 million"
        }
        if (prev.is("-") && s >= 2 && c.t.get(s - 2).capitalized() && NumberRules.adjacent(c.t, s - 2, s - 1)) {
            return true;
        }
        if (num.start() == s && (WordClasses.is(prev, "identifier-words") || WordClasses.is(prev, "identifier-compounds")
                && s >= 2 && c.t.get(s - 2).nominal())) {
            return true; // "case number 64", "flight 370", "sections 37 and 38": a number that names, not counts
        }
        if (prev.isWord() && prev.capitalized() && s >= 2 && num.start() == s && !c.used[s - 1]
                && !(c.t.get(s - 1).pos("PROPN") && s + 1 < c.t.size() && c.t.get(s + 1).is(","))
                && !(prev.lower().endsWith("s") && !prev.nounLemma().equals(prev.lower()))) {
            return true; // "Boeing 737"; not "gives the Liberal Democrats 72 MPs": a plural name is a group's
        }
        return WordClasses.is(prev, "name-links") && s >= 2 && c.t.get(s - 2).capitalized() && c.t.get(s - 2).isWord();
    }

    /**
     * "Nearly two million of Hong Kong's seven million people turned out", "2,207 out of 2,719": a figure that is the
     * whole the figure before it is a part of. What happened to the part did not happen to the whole: it keys with no
     * predicate.
     */
    private static boolean partitiveWhole(SentenceContext c, int s, Previous previous) {
        if (previous == null) {
            return false;
        }
        int k = s - 1;
        while (k > previous.end() && (c.t.get(k).kind() == Token.Kind.POSSESSIVE || nameLike(c, k)
                || c.t.get(k).pos("DET"))) {
            k--; // "of Hong Kong's", "of the"
        }
        return k >= previous.end() && k <= previous.end() + 2 && PARTITIVE_LINKS.contains(c.t.get(k).lower());
    }

    private static final java.util.Set<String> PARTITIVE_LINKS = WordClasses.of("partitive-links");

    /**
     * "of the 278 bodies, 177 have been identified", "out of the 275, 88 bodies": a whole that opens its clause before
     * the part it is divided into; the verb after the comma is the part's, not the whole's.
     */
    private static boolean partitiveOpener(SentenceContext c, int s, int e) {
        int k = s - 1;
        while (k >= 0 && c.t.get(k).pos("DET")) {
            k--;
        }
        if (k < 0 || !PARTITIVE_LINKS.contains(c.t.get(k).lower()) || k > 0 && c.t.get(k - 1).nominal()) {
            return false; // "37 of Scotland's 57 seats" and "the toll of 93" are not openers
        }
        for (int j = e; j < Math.min(c.t.size(), e + OPENER_WORDS); j++) {
            if (c.t.get(j).is(",")) {
                return j + 1 < c.t.size() && NumberRules.startsNumber(c.t, j + 1);
            }
            if (c.t.get(j).pos("AUX") || NumberRules.startsNumber(c.t, j)) {
                return false; // "of the 278 bodies recovered, 177 ...": a participle may describe the whole, a clause not
            }
        }
        return false;
    }

    /** Words after the whole's figure before the comma of a partitive opener at most. */
    private static final int OPENER_WORDS = 8;

    /**
     * "Labour won 411 seats, the Conservatives 121 and the Liberal Democrats 72": after a count in the sentence, a name
     * followed by a bare number that ends a list item is an elliptical figure, not a name with a number.
     */
    private static boolean elliptical(SentenceContext c, NumberRules.Num num, Previous previous) {
        if (previous == null || previous.kind() != ClaimKind.COUNT || !nameLike(c, num.valueStart() - 1)) {
            return false;
        }
        int e = num.end();
        return e >= c.t.size() || c.t.get(e).is(",") || c.t.get(e).pos("CCONJ") || c.t.get(e).is(";")
                || c.t.get(e).is(".") || c.t.get(e).is(")");
    }

    /**
     * "the 1939 Erzincan earthquake", "at 0955": a year written before the noun it dates (four digits, no separator,
     * before a name or a singular noun), or a clock time with a leading zero. Neither counts anything.
     */
    private static boolean yearOrClock(SentenceContext c, NumberRules.Num num) {
        if (num.valueStart() + 1 != num.end() || num.words()) {
            return false;
        }
        Token k = c.t.get(num.valueStart());
        String s = k.lower();
        if (s.length() == 4 && s.charAt(0) == '0') {
            return true;
        }
        if (TimeRules.year(k) < 0 || num.end() >= c.t.size()) {
            return false;
        }
        Token next = c.t.get(num.end());
        return nameLike(c, num.end()) || next.pos("NOUN") && next.lower().equals(next.nounLemma())
                && MEASURES.of(next.nounLemma()) == null;
    }

    /** "one of the deadliest", "the one that": the word one that counts nothing. */
    private static boolean loneOne(SentenceContext c, NumberRules.Num num) {
        if (!num.words() || num.value().compareTo(BigDecimal.ONE) != 0 || num.end() - num.start() != 1) {
            return false;
        }
        int e = num.end();
        return e >= c.t.size() || !(c.t.get(e).nominal() || c.t.get(e).pos("ADJ"));
    }
}
