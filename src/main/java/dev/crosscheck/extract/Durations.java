package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import java.math.BigDecimal;
import java.util.List;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * Duration claims: how long something lasted, as an ISO 8601 duration in the unit the text uses ("two weeks" is
 * {@code P2W}, "four and a half hours" {@code PT4H30M}, "a three-month state of emergency" {@code P3M}); the
 * comparison converts between units. What lasted comes from the head the duration modifies ("a three-day visit"),
 * a cue before it ("spent three days in Moscow", "the talks lasted four hours", "visiting Moscow for three days"),
 * or "N days of talks". "Three days later", "a 45-year-old", "the one-year anniversary" are not durations.
 */
final class Durations {

    /**
     * @param person the duration is one person's ("sentenced Dassault to 12 years"): the key names who, when the
     *               sentence names them, so that two defendants' terms never contradict each other
     */
    private record Cue(String head, boolean place, boolean gap, boolean person, boolean after) {
    }

    /** Fact-box headings that name a length ("Mission life"), by what they name. */
    private static final java.util.Map<String, String> HEADINGS = new java.util.HashMap<>();

    private static final PhraseMatcher<String> UNITS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Cue> CUES = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Cue> GAP_CUES = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Cue> AFTER_CUES = new PhraseMatcher<>(false);
    private static final int GAP = 8;
    private static final Set<String> BLOCKERS = new HashSet<>(Lexicon.lines("duration-blockers.txt"));

    static {
        for (Lexicon.Entry e : Lexicon.entries("time-units.txt")) {
            for (String form : e.items()) {
                UNITS.add(form, e.head());
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("duration-cues.txt")) {
            for (String form : e.items()) {
                String flag = e.flag() == null ? "" : e.flag();
                if (flag.contains("heading")) {
                    HEADINGS.put(form, e.head());
                    continue;
                }
                Cue cue = new Cue(e.head(), flag.contains("place"), flag.contains("gap"), flag.contains("person"),
                        flag.contains("after"));
                (cue.after() ? AFTER_CUES : cue.gap() ? GAP_CUES : CUES).add(form, cue);
            }
        }
    }

    private Durations() {
    }

    static void apply(SentenceContext c) {
        int n = c.t.size();
        for (int i = 0; i < n; i++) {
            if (c.used[i] || !NumberRules.startsNumber(c.t, i)) {
                continue;
            }
            NumberRules.Num num = NumberRules.parse(c.t, i);
            if (num == null) {
                continue;
            }
            int e = num.end();
            boolean hyphen = e < n && c.t.get(e).is("-");
            int u = hyphen ? e + 1 : e;
            PhraseMatcher.Match<String> unit = u < n ? UNITS.match(c.t, u) : null;
            if (unit == null || num.high() != null) {
                i = Math.max(i, num.end() - 1);
                continue;
            }
            int to = unit.end();
            if (to < n && (BLOCKERS.contains(c.t.get(to).lower())
                    || c.t.get(to).is("-") && to + 1 < n && BLOCKERS.contains(c.t.get(to + 1).lower()))) {
                i = to - 1;
                continue;
            }
            Heads.Head head = null;
            String cueHead = null; // what lasted, named by a cue word rather than a head noun
            String who = null; // whose it is, for a cue flagged [person]
            String owner = null;
            // "for one lunar day, about 14 Earth days": the length in days restates the phrase before it, whose cue
            // and head are the claim's
            int anchor = restated(c, num, to);
            if (hyphen) {
                for (int k = to; k < Math.min(n, to + 4); k++) {
                    if (c.headAt[k] >= 0) {
                        head = c.heads.get(c.headAt[k]);
                        break;
                    }
                }
            }
            if (head == null && to + 1 < n && c.t.get(to).is("of") && c.headAt[to + 1] >= 0) {
                head = c.heads.get(c.headAt[to + 1]);
            }
            if (head == null && anchor > 1 && (c.t.get(anchor - 1).is("to") || c.t.get(anchor - 1).is("for"))) {
                for (int k = anchor - 2; k >= Math.max(0, anchor - 1 - GAP); k--) {
                    if (c.t.get(k).kind() == Token.Kind.PUNCT) {
                        break; // the cue's object is a noun phrase, not across a clause
                    }
                    PhraseMatcher.Match<Cue> gap = GAP_CUES.match(c.t, k);
                    if (gap != null) {
                        cueHead = gap.value().head();
                        owner = c.subjectOwner(k);
                        if (gap.value().person()) {
                            who = nameBetween(c, gap.end(), num.start() - 1);
                            if (who == null && EventVerbs.passive(c.t, k)) {
                                who = c.subjectName(k); // "Dassault, 62, was sentenced on Tuesday to ..."
                            }
                        }
                        break;
                    }
                }
            }
            if (head == null && cueHead == null) {
                PhraseMatcher.Match<Cue> cue = CUES.matchEndingAt(c.t, anchor, 3);
                if (cue != null) {
                    if (cue.value().head().equals("*")) {
                        cueHead = meetingBefore(c, cue.start());
                        if (cueHead != null) {
                            owner = SentenceContext.NOBODY; // "met for four hours" is the meeting's length
                        } else {
                            head = c.nearestHead(cue.start(), true, false);
                        }
                    } else if (!cue.value().place() || placeFollows(c, to)) {
                        cueHead = cue.value().head();
                        owner = c.subjectOwner(cue.start());
                        if (cue.value().person()) {
                            who = c.subjectName(cue.start());
                        }
                    }
                }
            }
            if (head == null && cueHead == null && anchor > 0 && WordClasses.is(c.t.get(anchor - 1), "possession-verbs")) {
                int after = to < n && c.t.get(to).is(",") && anchor < num.start() ? to + 1 : to; // ", about 14 Earth days,"
                PhraseMatcher.Match<Cue> cue = after < n ? AFTER_CUES.match(c.t, after) : null;
                if (cue != null && workAfter(c, cue.end())) {
                    // "Vikram and Pragyan have one lunar day to complete their experiments"; not a deadline ("has 30
                    // days to complete the withdrawal")
                    cueHead = cue.value().head();
                    owner = c.subjectOwner(anchor - 1);
                }
            }
            if (head == null && cueHead == null) {
                cueHead = rowHeading(c, anchor); // "Mission life (lander and rover) | one lunar day, about 14 Earth days"
                owner = cueHead == null ? null : SentenceContext.NOBODY;
            }
            if (head == null && cueHead == null) {
                i = to - 1;
                continue;
            }
            if (owner == null) {
                owner = head != null ? c.ownerOf(head) : SentenceContext.NOBODY;
                if (head != null && WordClasses.of("joint-heads").contains(head.name()) && countriesBefore(c, head.start()) > 1) {
                    // "Biden of the United States and Putin of Russia held a summit meeting and talked for 3.5 hours":
                    // the meeting of both sides is neither's
                    owner = SentenceContext.NOBODY;
                }
            }
            String value = iso(num.value(), unit.value());
            if (value == null) {
                i = to - 1;
                continue;
            }
            Written whole = new Written(value, unit.value(), to);
            for (int parts = 1; parts < 3; parts++) { // "three hours and 21 minutes", "4 hours 10 minutes 30 seconds"
                Written more = compound(c, whole);
                if (more == null) {
                    break;
                }
                whole = more;
            }
            value = whole.value();
            to = whole.end();
            boolean approx = num.approximate() || !num.op().isEmpty();
            String headKey = (head != null ? c.headKey(head) : cueHead) + (who == null ? "" : ":" + who);
            String name = head != null ? head.name() : cueHead;
            c.emit(ClaimKind.DURATION, ClaimKey.of(ClaimKind.DURATION, owner, headKey),
                    SentenceContext.ownerName(owner) + SentenceContext.headLabel(name) + ": length", "length",
                    value, anchor, to, approx, false, c.baseConfidence() * 0.95);
            i = to - 1;
        }
    }

    /**
     * The time between two events of one sentence: "lifted off on July 14 and reached the Moon 40 days later", "landed
     * on August 23, 40 days after it was launched" ({@code P40D} from the launch to the arrival). Both ends are events
     * of events.txt (an arrival-verb with a name after it, "reached the Moon", is an arrival), the later one before the
     * duration; the key names both, so the journey and the time from launch to orbit are two lengths. "Twelve days
     * after it touched down, the lander was switched off" names no later event of the list and gives none.
     */
    static void intervals(SentenceContext c) {
        List<Token> t = c.t;
        int n = t.size();
        // only numbers a few words before "later" or "after" are read: the rest of the sentence is left alone
        boolean[] near = null;
        for (int p = 0; p < n; p++) {
            if (WordClasses.is(t.get(p), "interval-later") || WordClasses.is(t.get(p), "interval-after")) {
                if (near == null) {
                    near = new boolean[n];
                }
                for (int i = Math.max(0, p - INTERVAL_NUMBER_REACH); i < p; i++) {
                    near[i] = true;
                }
            }
        }
        for (int i = 0; near != null && i < n; i++) {
            if (!near[i]) {
                continue;
            }
            if (c.used[i] && !timeStartsAt(c, i) || !NumberRules.startsNumber(t, i)) {
                continue; // "40 days later" is a time mention, read here as the time between two events
            }
            NumberRules.Num num = NumberRules.parse(t, i);
            if (num == null) {
                continue;
            }
            PhraseMatcher.Match<String> unit = num.high() == null ? unitAt(t, num.end()) : null;
            if (unit == null || unit.end() >= n) {
                i = Math.max(i, num.end() - 1);
                continue;
            }
            boolean later = WordClasses.is(t.get(unit.end()), "interval-later");
            boolean after = WordClasses.is(t.get(unit.end()), "interval-after");
            String value = later || after ? iso(num.value(), unit.value()) : null;
            // "reached the Moon 40 days later" follows its event with no punctuation between; "landed on August 23,
            // 40 days after it was launched" may cross a comma; no interval crosses a semicolon
            int end = value == null ? -1 : eventBefore(c, num.start(), later);
            int start = end < 0 ? -1 : later ? eventBefore(c, end, true) : eventAfter(c, unit.end() + 1);
            if (start < 0) {
                i = unit.end() - 1;
                continue;
            }
            String from = eventLemma(c, start);
            String to = eventLemma(c, end);
            String owner = c.subjectOwner(end);
            String what = DateClaims.noun(from) + "-to-" + DateClaims.noun(to);
            String destination = destination(c, end);
            ClaimKey key = destination == null ? ClaimKey.of(ClaimKind.DURATION, owner, what)
                    : ClaimKey.of(ClaimKind.DURATION, owner, what, destination); // to Earth orbit and to the Moon: two
            c.emit(ClaimKind.DURATION, key,
                    SentenceContext.ownerName(owner) + SentenceContext.headLabel(DateClaims.noun(from) + " to "
                            + DateClaims.noun(to)) + ": length", "length",
                    value, num.start(), later ? unit.end() + 1 : unit.end(), num.approximate() || !num.op().isEmpty(),
                    false, c.baseConfidence() * 0.85);
            i = unit.end() - 1;
        }
    }

    private static boolean timeStartsAt(SentenceContext c, int i) {
        for (TimeRules.TimeMention m : c.times) {
            if (m.start() == i) {
                return true;
            }
        }
        return false;
    }

    /** How many words before "later" or "after" the number of an interval may start ("about three and a half days"). */
    private static final int INTERVAL_NUMBER_REACH = 6;

    /**
     * The token of the last event (or arrival) verb before token {@code end} in its clause: no semicolon, colon or dash
     * between, and with {@code bare} no punctuation at all; -1 when none.
     */
    private static int eventBefore(SentenceContext c, int end, boolean bare) {
        for (int k = end - 1; k >= Math.max(0, end - SentenceContext.WINDOW); k--) {
            Token w = c.t.get(k);
            if (w.kind() == Token.Kind.PUNCT && (bare || WordClasses.is(w, "clause-breaks"))) {
                return -1;
            }
            if (eventLemma(c, k) != null) {
                return c.verbAt[k] >= 0 ? c.verbs.get(c.verbAt[k]).start() : k;
            }
        }
        return -1;
    }

    /**
     * Where an arrival went, when a name follows its verb ("reached the Moon", "landed in Warsaw"): the name's last
     * word, as a key part; null for no arrival or no name (a date is no place: "landed on August 23").
     */
    private static String destination(SentenceContext c, int verb) {
        if (!"arrive".equals(eventLemma(c, verb))) {
            return null;
        }
        int k = c.verbAt[verb] >= 0 ? c.verbs.get(c.verbAt[verb]).end() : verb + 1;
        for (int j = k; j < Math.min(c.t.size(), k + 3); j++) {
            if (FigureFrames.nameLike(c, j)) {
                int e = j;
                while (e + 1 < c.t.size() && FigureFrames.nameLike(c, e + 1)) {
                    e++;
                }
                return ClaimKey.slug(c.t.get(e).lower());
            }
            if (!c.t.get(j).isWord()) {
                return null;
            }
        }
        return null;
    }

    /** The event verb at most four words after "after" ("after it was launched"); -1 when none. */
    private static int eventAfter(SentenceContext c, int from) {
        for (int k = from; k < Math.min(c.t.size(), from + 4); k++) {
            if (!c.t.get(k).isWord()) {
                return -1;
            }
            if (eventLemma(c, k) != null) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The event lemma of the verb at token k (its events.txt lemma; "arrive" for an arrival-verb followed by a name,
     * "reached the Moon"); null for no event, a verb of reporting or a casualty.
     */
    private static String eventLemma(SentenceContext c, int k) {
        if (c.verbAt[k] >= 0) {
            EventVerbs.Verb v = c.verbs.get(c.verbAt[k]);
            return v.cls() == EventVerbs.Cls.REPORT || v.cls() == EventVerbs.Cls.CASUALTY ? null : v.lemma();
        }
        Token w = c.t.get(k);
        if (w.isWord() && WordClasses.of("arrival-verbs").contains(w.verbLemma())) {
            for (int j = k + 1; j < Math.min(c.t.size(), k + 3); j++) {
                if (c.t.get(j).isWord() && c.t.get(j).capitalized()) {
                    return "arrive";
                }
            }
        }
        return null;
    }

    /**
     * Where the phrase a duration restates begins: "one lunar day, about 14 Earth days" restates "one lunar day" (a
     * number and at most three words that are no time unit of time-units.txt, then a comma and the duration, hedged or
     * set off by a comma after it); the duration's own start when it restates nothing ("12 years, 18 months more than
     * prosecutors sought" is two lengths).
     */
    static int restated(SentenceContext c, NumberRules.Num num, int end) {
        int start = num.start();
        if (start < 3 || !c.t.get(start - 1).is(",")
                || !num.approximate() && end < c.t.size() && !c.t.get(end).is(",") && !c.t.get(end).is(".")) {
            return start;
        }
        for (int k = start - 3; k >= Math.max(0, start - 5); k--) {
            if (!c.t.get(k + 1).isWord()) {
                return start;
            }
            if (NumberRules.startsNumber(c.t, k)) {
                NumberRules.Num first = NumberRules.parse(c.t, k);
                return first != null && first.end() < start - 1 && first.high() == null
                        && unitAt(c.t, first.end()) == null ? first.start() : start;
            }
        }
        return start;
    }

    /**
     * What a fact box's row measures when its cell is a duration: the heading before any bracket, by what
     * duration-cues.txt says it names ("Mission life (lander and rover) | one lunar day": life), else the heading's words
     * ("Battery life | 10 hours": battery-life); null outside a row.
     */
    private static String rowHeading(SentenceContext c, int anchor) {
        if (anchor < 2 || !WordClasses.is(c.t.get(anchor - 1), "row-separators")) {
            return null; // the cell's first figure only
        }
        List<Token> t = c.tagged().t;
        int bar = FigureFrames.rowBar(t, anchor);
        if (bar < 0 || bar + 1 != anchor) {
            return null;
        }
        StringBuilder heading = new StringBuilder();
        for (int k = 0; k < bar && !t.get(k).is("("); k++) {
            Token w = t.get(k);
            if (!w.isWord() || !w.pos("NOUN") && !w.pos("PROPN")) {
                return null; // "Landing | ...", but not a heading that is a sentence's start
            }
            heading.append(heading.length() == 0 ? "" : " ").append(w.lower());
        }
        String named = HEADINGS.get(heading.toString());
        return named != null ? named : heading.length() == 0 ? null : ClaimKey.slug(heading.toString());
    }

    /** Whether the object of "to complete" at token k is work of a mission's (mission-work-nouns: "their experiments"). */
    private static boolean workAfter(SentenceContext c, int k) {
        for (int j = k; j < Math.min(c.t.size(), k + 3); j++) {
            if (WordClasses.is(c.t.get(j), "mission-work-nouns")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Xi met Putin for four hours", "the leaders held talks for two hours": a verb of meeting (events.txt class meet)
     * shortly before the cue names what lasted by its event noun ("meeting"), as "the meeting lasted four hours" does;
     * null when no such verb is in the clause just before.
     */
    private static String meetingBefore(SentenceContext c, int cue) {
        for (int k = cue - 1; k >= Math.max(0, cue - 1 - GAP); k--) {
            if (c.t.get(k).kind() == Token.Kind.PUNCT) {
                return null;
            }
            if (c.verbAt[k] >= 0) {
                EventVerbs.Verb v = c.verbs.get(c.verbAt[k]);
                return v.cls() == EventVerbs.Cls.MEET ? DateClaims.noun(v.lemma()) + who(c, cue) : null;
            }
        }
        return null;
    }

    /**
     * Who met, as the key's last part ("Blinken met Wang Yi for five hours" and "Blinken met Xi for 35 minutes" are two
     * meetings): the people and countries named in the clause before the cue, sorted and joined by "+"; empty when
     * none is named.
     */
    private static String who(SentenceContext c, int cue) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (int k = c.clauseStart(cue); k < cue; k++) {
            if (c.actorAt[k] >= 0) {
                Gazetteer.Actor a = c.actors.get(c.actorAt[k]);
                names.add(a.isPerson() ? ClaimKey.slug(a.person()) : a.country());
                k = Math.max(k, a.end() - 1);
            }
        }
        return names.isEmpty() ? "" : ":" + String.join("+", names);
    }

    /**
     * "from Monday to Wednesday", "from March 20 through March 22", "on March 20-22": an inclusive count of days
     * ({@code P3D}) for the head of the sentence ("Xi will visit Russia from Monday to Wednesday").
     */
    static void spans(SentenceContext c) {
        for (TimeRules.TimeMention m : c.times) {
            int last = TimeRules.rangeEndDay(c.t, m);
            if (last > 0) {
                emitSpan(c, m.start(), m.end(), last - m.day() + 1);
            }
        }
        for (int k = 0; k + 1 < c.times.size(); k++) {
            TimeRules.TimeMention a = c.times.get(k);
            TimeRules.TimeMention b = c.times.get(k + 1);
            if (a.start() == 0 || !(c.t.get(a.start() - 1).is("from") || c.t.get(a.start() - 1).is("between"))
                    || b.start() != a.end() + 1) {
                continue;
            }
            String sep = c.t.get(a.end()).lower();
            if (!(sep.equals("to") || sep.equals("until") || sep.equals("through") || sep.equals("-") || sep.equals("and"))) {
                continue;
            }
            boolean future = EventVerbs.future(c.t, a.start());
            for (int v = a.start() - 1; v >= Math.max(0, a.start() - SentenceContext.WINDOW); v--) {
                if (EventVerbs.future(c.t, v)) {
                    future = true;
                    break;
                }
            }
            java.time.LocalDate from = DateResolver.day(a, c.published(), future);
            java.time.LocalDate to = DateResolver.day(b, c.published(), future);
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from) && b.type() == TimeRules.Type.WEEKDAY) {
                to = to.plusWeeks(1);
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
            if (days < 1 || days > 366) {
                continue;
            }
            emitSpan(c, a.start() - 1, b.end(), days);
        }
    }

    /** An inclusive count of days at tokens [from, to) for the head before it: "the summit ... on March 20-22". */
    private static void emitSpan(SentenceContext c, int from, int to, long days) {
        Heads.Head head = c.nearestHead(from, true, false);
        if (head == null) {
            return;
        }
        String owner = c.ownerOf(head);
        c.emit(ClaimKind.DURATION, ClaimKey.of(ClaimKind.DURATION, owner, head.name()),
                SentenceContext.ownerName(owner) + SentenceContext.headLabel(head.name()) + ": length", "length",
                "P" + days + "D", from, to, false, false, c.baseConfidence() * 0.85);
    }

    /** The last capitalized word in tokens [from, to) outside a date ("former chief Henri Dassault"), or null. */
    private static String nameBetween(SentenceContext c, int from, int to) {
        String name = null;
        for (int k = from; k < to; k++) {
            Token w = c.t.get(k);
            if (w.isWord() && w.capitalized() && !inDate(c, k)) {
                name = w.lower();
            }
        }
        return name;
    }

    private static boolean inDate(SentenceContext c, int k) {
        for (TimeRules.TimeMention m : c.times) {
            if (m.start() <= k && k < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** "in Moscow", "at the Kremlin": a named place right after the duration. */
    private static boolean placeFollows(SentenceContext c, int k) {
        if (k >= c.t.size() || !(c.t.get(k).is("in") || c.t.get(k).is("at"))) {
            return false;
        }
        for (int j = k + 1; j < Math.min(c.t.size(), k + 3); j++) {
            if (c.t.get(j).capitalized() && c.t.get(j).isWord()) {
                return true;
            }
        }
        return false;
    }

    /** The time unit written at token i ("days", "hours", "seconds"), as its ISO letter, or null. */
    static PhraseMatcher.Match<String> unitAt(java.util.List<Token> t, int i) {
        return i < t.size() ? UNITS.match(t, i) : null;
    }

    /** A race time of either form ("2:01:09", "59:51"), as an ISO duration, or null. */
    static String raceTime(Token k) {
        String clock = clockDuration(k);
        return clock != null ? clock : minutesSeconds(k);
    }

    /**
     * A clock reading that is a duration: hours, minutes and seconds ("2:01:09" is {@code PT2H1M9S}), or null. A
     * time of day never has seconds in news text; race and record times do.
     */
    static String clockDuration(Token k) {
        String s = k.lower();
        int a = s.indexOf(':');
        int b = a < 0 ? -1 : s.indexOf(':', a + 1);
        if (!k.isNumber() || a < 1 || b != a + 3 || s.length() != b + 3 || s.indexOf(':', b + 1) >= 0) {
            return null;
        }
        try {
            int h = Integer.parseInt(s.substring(0, a));
            int m = Integer.parseInt(s.substring(a + 1, b));
            int sec = Integer.parseInt(s.substring(b + 1));
            if (m > 59 || sec > 59) {
                return null;
            }
            return "PT" + (h > 0 ? h + "H" : "") + (m > 0 ? m + "M" : "") + (sec > 0 || h == 0 && m == 0 ? sec + "S" : "");
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A race time of minutes and seconds ("59:51" is {@code PT59M51S}), read only where a split point is told; null for
     * another form.
     */
    static String minutesSeconds(Token k) {
        String s = k.lower();
        int a = s.indexOf(':');
        if (!k.isNumber() || a < 1 || a > 2 || s.length() != a + 3 || s.indexOf(':', a + 1) >= 0) { // "59:51"
            return null;
        }
        try {
            int m = Integer.parseInt(s.substring(0, a));
            int sec = Integer.parseInt(s.substring(a + 1));
            // "61:18 for the second half": a split past the hour is told in minutes
            return sec > 59 ? null : "PT" + (m >= 60 ? m / 60 + "H" : "") + (m % 60 > 0 ? m % 60 + "M" : "")
                    + (sec > 0 || m == 0 ? sec + "S" : "");
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 duration of a number of units; fractions go into the next smaller unit (4.5 hours = PT4H30M). */
    /** How many distinct countries the actors of the clause before token {@code end} belong to. */
    private static int countriesBefore(SentenceContext c, int end) {
        java.util.Set<String> countries = new java.util.HashSet<>();
        for (int k = Math.max(0, c.clauseStart(end)); k < end; k++) {
            if (c.actorAt[k] >= 0 && c.actors.get(c.actorAt[k]).country() != null) {
                countries.add(c.actors.get(c.actorAt[k]).country());
            }
        }
        return countries.size();
    }

    /** Units from the largest down: a compound duration names each after a larger one ("2 hours 5 minutes"). */
    private static final List<String> UNIT_ORDER = List.of("Y", "M", "W", "D", "H", "MIN", "S");

    /** A duration read so far: its ISO value, its smallest unit's designator and the token after that unit. */
    private record Written(String value, String unit, int end) {
    }

    /**
     * A duration written in two units, the smaller after the larger, joined by nothing or a word of duration-joins
     * ("three hours and 21 minutes", "2 years 6 months"): the sum, ending after the second unit; null when no smaller
     * unit follows.
     */
    private static Written compound(SentenceContext c, Written first) {
        List<Token> t = c.t;
        int k = first.end();
        if (k < t.size() && WordClasses.is(t.get(k), "duration-joins")) {
            k++;
        }
        if (k >= t.size() || c.used[k] || !NumberRules.startsNumber(t, k)) {
            return null;
        }
        NumberRules.Num second = NumberRules.parse(t, k);
        if (second == null || second.high() != null || !second.op().isEmpty() || second.approximate()) {
            return null;
        }
        PhraseMatcher.Match<String> unit2 = second.end() < t.size() ? UNITS.match(t, second.end()) : null;
        if (unit2 == null || UNIT_ORDER.indexOf(unit2.value()) <= UNIT_ORDER.indexOf(first.unit())) {
            return null;
        }
        String part = iso(second.value(), unit2.value());
        if (part == null) {
            return null;
        }
        String value = first.value();
        try {
            String sum;
            if (value.startsWith("PT") && part.startsWith("PT")) {
                sum = java.time.Duration.parse(value).plus(java.time.Duration.parse(part)).toString();
            } else if (!value.contains("T") && !part.contains("T") && !value.endsWith("W") && !part.endsWith("W")) {
                sum = java.time.Period.parse(value).plus(java.time.Period.parse(part)).toString();
            } else {
                return null;
            }
            return new Written(sum, unit2.value(), unit2.end());
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    static String iso(BigDecimal n, String unit) {
        if (n.signum() <= 0) {
            return null;
        }
        BigDecimal whole = n.setScale(0, RoundingMode.DOWN);
        BigDecimal frac = n.subtract(whole);
        long w = whole.longValueExact();
        boolean exact = frac.signum() == 0;
        switch (unit) {
            case "Y":
                return exact ? "P" + w + "Y" : "P" + (w > 0 ? w + "Y" : "") + sub(frac, 12) + "M";
            case "M":
                return exact ? "P" + w + "M" : "P" + (w > 0 ? w + "M" : "") + sub(frac, 30) + "D";
            case "W":
                return exact ? "P" + w + "W" : "P" + n.multiply(BigDecimal.valueOf(7)).setScale(0, RoundingMode.HALF_UP) + "D";
            case "D":
                return exact ? "P" + w + "D" : "P" + (w > 0 ? w + "D" : "") + "T" + sub(frac, 24) + "H";
            case "H":
                return exact ? "PT" + w + "H" : "PT" + (w > 0 ? w + "H" : "") + sub(frac, 60) + "M";
            case "MIN":
                return exact ? "PT" + w + "M" : "PT" + (w > 0 ? w + "M" : "") + sub(frac, 60) + "S";
            case "S":
                return "PT" + NumberRules.plain(n) + "S";
            default:
                return null;
        }
    }

    private static long sub(BigDecimal frac, int per) {
        return frac.multiply(BigDecimal.valueOf(per)).setScale(0, RoundingMode.HALF_UP).longValue();
    }
}
