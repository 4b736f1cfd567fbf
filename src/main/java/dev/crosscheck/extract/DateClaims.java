package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Date claims: when an event happened. A date expression binds to the event verb it belongs to (the nearest in
 * the sentence, preferring one before it; a reporting verb such as "said" takes its date away from other verbs),
 * or to an event noun it qualifies ("Saturday's earthquake"). The key names the event, never the date:
 * {@code date:<owner>:<lemma>}, {@code date:<owner>:meet:<person>}, {@code date:<owner>:<head>:<lemma>},
 * {@code date:-:<event>} (also for "the election was held on Sunday"). A time of day takes its day from the sentence or from the same event dated earlier.
 */
final class DateClaims {

    private static final int LEFT_REACH = 25;
    private static final int RIGHT_REACH = 12;
    private static final int RIGHT_PENALTY = 2;

    private static final java.util.Map<String, String> NOUNS = new java.util.HashMap<>();
    /** Verbs whose event is the first day of a range of days in the sentence (range-start-verbs.txt). */
    private static final java.util.Set<String> RANGE_STARTS = new java.util.HashSet<>(Lexicon.lines("range-start-verbs.txt"));

    static {
        for (Lexicon.Entry e : Lexicon.entries("event-nouns.txt")) {
            NOUNS.put(e.head(), e.items().get(0));
        }
    }

    /** The noun that names a verb's event (event-nouns.txt: meet is meeting); the lemma itself when none. */
    static String noun(String lemma) {
        return NOUNS.getOrDefault(lemma, lemma);
    }

    private DateClaims() {
    }

    static void apply(SentenceContext c) {
        List<TimeRules.TimeMention> times = c.times;
        LocalDate[] anchors = new LocalDate[times.size()];
        boolean[] joined = joinTimesToDays(c, times, anchors);
        c.daysOfTimes = anchors.clone();
        c.daysJoined = joined;
        // every (date, verb) pairing within reach, cheapest first: a date goes to the verb nearest it even when an
        // earlier date could also reach that verb ("reached the towns on Sunday after the storm hit on Saturday")
        List<long[]> pairs = new ArrayList<>();
        for (int k = 0; k < times.size(); k++) {
            TimeRules.TimeMention m = times.get(k);
            if (m.dateline() || joined[k]) {
                continue; // "at 3:05 p.m. on Sept. 28": the day is the time's, no date of its own
            }
            if (m.type() == TimeRules.Type.TIME && anchors[k] != null) {
                c.state.anchorDay = anchors[k]; // "at 3:05 p.m. on Wednesday" anchors "two days later"
                c.state.anchorParagraph = c.sentence.paragraph();
            }
            LocalDate anchor = m.type() == TimeRules.Type.TIME ? anchors[k] : anchorOf(c, m);
            anchors[k] = anchor;
            if (m.type() != TimeRules.Type.TIME && m.type() != TimeRules.Type.ANCHORED) {
                LocalDate d = DateResolver.day(m, c.published(), EventVerbs.future(c.t, m.start()));
                if (d != null) {
                    c.state.anchorDay = d;
                    c.state.anchorParagraph = c.sentence.paragraph();
                }
            } else if (anchor != null && m.type() == TimeRules.Type.ANCHORED) {
                c.state.anchorDay = anchor;
            }
            if (m.possessive()) {
                possessive(c, m);
                continue;
            }
            // verbs are in text order: look only at those within reach of the date
            int first = firstVerbEndingAfter(c.verbs, m.start() - LEFT_REACH);
            for (int v = first; v < c.verbs.size() && c.verbs.get(v).start() <= m.end() + RIGHT_REACH; v++) {
                EventVerbs.Verb verb = c.verbs.get(v);
                int cost;
                if (verb.end() <= m.start() && relativeBeforeMainVerb(c, verb, m)) {
                    continue; // "the quake that struck Turkey rose above 11,200 on Wednesday": the toll's day
                } else if (verb.end() <= m.start()) {
                    cost = m.start() - verb.end();
                } else if (verb.start() >= m.end() && verb.cls() != EventVerbs.Cls.REPORT) {
                    // a date before "said" belongs to what was said ("they meet on Friday, the ministry said")
                    cost = verb.start() - m.end() + RIGHT_PENALTY;
                } else {
                    continue;
                }
                pairs.add(new long[] {cost, k, v});
            }
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        boolean[] bound = new boolean[c.verbs.size()];
        boolean[] placed = new boolean[times.size()];
        for (long[] p : pairs) {
            int k = (int) p[1];
            int v = (int) p[2];
            EventVerbs.Verb verb = c.verbs.get(v);
            if (placed[k] || bound[v] && verb.cls() != EventVerbs.Cls.REPORT) {
                continue;
            }
            placed[k] = true;
            bound[v] = true;
            forVerb(c, verb, times.get(k), anchors[k]);
        }
    }

    /**
     * Joins each time of day to the day written right beside it ("at 3:05 p.m. on Sept. 28", "Wednesday at 3:05 p.m.",
     * "3:05 p.m. EDT Wednesday"): the day goes into {@code days} at the time's index, and the day's mention is marked
     * in the returned array, for it dates nothing of its own.
     */
    private static boolean[] joinTimesToDays(SentenceContext c, List<TimeRules.TimeMention> times, LocalDate[] days) {
        boolean[] joined = new boolean[times.size()];
        c.dayMentionOfTime = new int[times.size()];
        java.util.Arrays.fill(c.dayMentionOfTime, -1);
        c.dayEndOfTime = new int[times.size()];
        for (int k = 0; k < times.size(); k++) {
            TimeRules.TimeMention time = times.get(k);
            if (time.type() != TimeRules.Type.TIME || time.dateline()) {
                continue;
            }
            // mentions are in text order: the day beside a time is a neighbour of it
            for (int j = Math.max(0, k - 1); j < Math.min(times.size(), k + 2); j++) {
                TimeRules.TimeMention day = times.get(j);
                if (j == k || joined[j] || day.dateline() || day.possessive() || day.type() == TimeRules.Type.TIME
                        || day.type() == TimeRules.Type.ANCHORED) {
                    continue;
                }
                boolean beside = day.start() >= time.end() ? onlyJoiners(c.t, time.end(), day.start())
                        : day.end() <= time.start() && onlyJoiners(c.t, day.end(), time.start());
                LocalDate d = beside ? DateResolver.day(day, c.published(), EventVerbs.future(c.t, time.start())) : null;
                if (d != null) {
                    days[k] = d;
                    joined[j] = true;
                    c.dayMentionOfTime[k] = j;
                    c.dayEndOfTime[k] = day.end();
                    for (int a = j + 1; a < Math.min(times.size(), j + 3); a++) {
                        TimeRules.TimeMention same = times.get(a);
                        if (a != j && a != k && same.start() >= day.end() && onlyJoiners(c.t, day.end(), same.start())
                                && d.equals(DateResolver.day(same, c.published(), false))) {
                            joined[a] = true; // "on Tuesday, Sept. 27": the same day twice
                            c.dayEndOfTime[k] = Math.max(c.dayEndOfTime[k], same.end());
                        }
                    }
                    break;
                }
            }
        }
        return joined;
    }

    /** Whether tokens [from, to) only join a time to its day: "on", "at", a comma, a zone ("EDT", "local time"). */
    private static boolean onlyJoiners(List<Token> t, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int k = from; k < to; k++) {
            Token w = t.get(k);
            if (!(w.is(",") || WordClasses.is(w, "time-day-joiners") || TimeZones.zoneAt(t, k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the verb opens a relative clause ("that struck Turkey") whose sentence's own verb stands between it and
     * the date ("... rose above 11,200 on Wednesday"): then the date is the main verb's, not the relative clause's.
     */
    private static boolean relativeBeforeMainVerb(SentenceContext c, EventVerbs.Verb verb, TimeRules.TimeMention m) {
        int s = verb.start();
        if (s == 0 || !WordClasses.is(c.t.get(s - 1), "relatives")) {
            return false;
        }
        List<Token> t = c.tagged().t;
        for (int k = verb.end(); k < m.start(); k++) {
            if (t.get(k).pos("VERB") && !t.get(k - 1).pos("ADP") && c.verbAt[k] < 0 || t.get(k).is(",")) {
                return t.get(k).pos("VERB"); // a comma ends the relative clause: the date may still be its
            }
        }
        return false;
    }

    /** For "two days later": the anchor day shifted; null for other mentions or without an anchor in the paragraph. */
    private static LocalDate anchorOf(SentenceContext c, TimeRules.TimeMention m) {
        if (m.type() != TimeRules.Type.ANCHORED || c.state.anchorDay == null
                || c.state.anchorParagraph < c.sentence.paragraph() - 1) {
            return null;
        }
        return c.state.anchorDay.plusDays(m.rel());
    }

    /** Index of the first verb whose end is at or after token {@code from} (binary search). */
    private static int firstVerbEndingAfter(List<EventVerbs.Verb> verbs, int from) {
        int lo = 0;
        int hi = verbs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (verbs.get(mid).end() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void possessive(SentenceContext c, TimeRules.TimeMention m) {
        for (int k = m.end(); k < Math.min(c.t.size(), m.end() + 5); k++) {
            if (c.headAt[k] >= 0) {
                Heads.Head h = c.heads.get(c.headAt[k]);
                if (!h.event()) {
                    return;
                }
                ClaimKey key = ClaimKey.of(ClaimKind.DATE, SentenceContext.NOBODY, c.headName(h));
                LocalDate d = DateResolver.day(m, c.published(), false);
                String value = d != null ? d.toString() : DateResolver.resolve(m, c.published(), false);
                if (value != null) {
                    if (d != null) {
                        c.state.dayOfKey.putIfAbsent(key, d);
                    }
                    c.emit(ClaimKind.DATE, key, cap(SentenceContext.headLabel(c.headName(h))) + ": date", "date", value,
                            m.start(), h.end(), false, false, c.baseConfidence());
                }
                return;
            }
        }
    }

    private static void forVerb(SentenceContext c, EventVerbs.Verb v, TimeRules.TimeMention m, LocalDate anchor) {
        boolean future = EventVerbs.future(c.t, v.start()) || m.rel() == 1
                || m.type() == TimeRules.Type.DATE && EventVerbs.thirdPersonPresent(c.t.get(v.start()));
        List<ClaimKey> keys = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        double conf = c.baseConfidence();
        String realized = v.cls() == EventVerbs.Cls.REPORT ? null : EventDates.realizedMainEvent(c, v.start());
        if (realized != null && EventDates.placed(realized) && EventDates.notYet(c, v.start())) {
            return; // "Ian could make landfall near Tampa on Thursday": a forecast dates nothing that happened
        }
        if (realized != null && (v.cls() == EventVerbs.Cls.ACTOR || v.cls() == EventVerbs.Cls.MEET)
                && c.subjectOwner(v.start()) != null && !directObject(c, v.end())) {
            realized = null; // "Modi landed in Johannesburg on Tuesday": a named actor's movement, not the landing
        }
        if (realized != null) {
            // "India landed a spacecraft on the Moon on Wednesday" in a story of the landing: the event's own date
            keys.add(ClaimKey.of(ClaimKind.DATE, SentenceContext.NOBODY, realized));
            subjects.add(cap(SentenceContext.headLabel(realized)) + ": date");
        } else switch (v.cls()) {
            case ACTOR -> {
                if (v.start() > 0 && c.t.get(v.start() - 1).pos("DET")) {
                    return; // "named the landing spot ... and declared August 23 a national day": a noun, no movement
                }
                String owner = c.subjectOwner(v.start());
                if (owner == null) {
                    return; // "prices reached a peak in March": no actor, no movement
                }
                keys.add(ClaimKey.of(ClaimKind.DATE, owner, v.lemma()));
                subjects.add(DateClaims.cap(SentenceContext.ownerName(owner) + noun(v.lemma())));
            }
            case CRAFT -> {
                String owner = craftOwner(c, v);
                if (owner == null) {
                    return; // "a rescue operation was launched", "after a successful launch": no craft set off
                }
                keys.add(ClaimKey.of(ClaimKind.DATE, owner, v.lemma()));
                subjects.add(DateClaims.cap(SentenceContext.ownerName(owner) + noun(v.lemma())));
            }
            case MEET -> {
                String owner = orNobody(c.subjectOwner(v.start()));
                for (String p : Participants.objects(c, v)) {
                    keys.add(ClaimKey.of(ClaimKind.DATE, owner, "meet", p));
                    subjects.add(DateClaims.cap(SentenceContext.ownerName(owner) + "meeting with " + Participants.label(p)));
                }
            }
            case OBJECT -> {
                Heads.Head h = objectHead(c, v);
                if (h == null) {
                    return;
                }
                String owner = c.npOwnerOrNull(h);
                if (owner == null) {
                    owner = c.agent(v);
                }
                if (owner == null && !EventVerbs.passive(c.t, v.start())) {
                    owner = c.subjectOwner(v.start());
                }
                if (owner == null) {
                    owner = c.ownerOf(h);
                }
                keys.add(ClaimKey.of(ClaimKind.DATE, owner, c.headName(h), v.lemma()));
                subjects.add(DateClaims.cap(SentenceContext.ownerName(owner) + SentenceContext.headLabel(c.headName(h)) + ": "
                        + noun(v.lemma())));
            }
            case OCCUR -> {
                Heads.Head h = objectHead(c, v);
                if (h == null) {
                    return;
                }
                String owner = h.event() ? SentenceContext.NOBODY : c.ownerOf(h);
                keys.add(ClaimKey.of(ClaimKind.DATE, owner, c.headName(h)));
                subjects.add(SentenceContext.ownerName(owner) + SentenceContext.headLabel(c.headName(h)) + ": date");
            }
            case EVENT -> {
                Heads.Head h = c.nearestHead(v.start(), true, true);
                if (h == null || v.start() - h.end() > 8 || EventDates.toldByOwnVerbs(c.headName(h))) {
                    return; // "the collapse of the bank rattled markets on Monday": a collapse strikes nothing
                }
                keys.add(ClaimKey.of(ClaimKind.DATE, SentenceContext.NOBODY, c.headName(h)));
                subjects.add(cap(SentenceContext.headLabel(c.headName(h))) + ": " + noun(v.lemma()));
            }
            default -> {
                return;
            }
        }
        for (int k = 0; k < keys.size(); k++) {
            ClaimKey key = keys.get(k);
            String value;
            if (m.type() == TimeRules.Type.TIME) {
                String time = timeOnDay(c, m, key, anchor, future);
                if (time == null) {
                    continue;
                }
                value = time;
            } else if (m.type() == TimeRules.Type.ANCHORED) {
                LocalDate d = anchor;
                if (d == null) {
                    continue;
                }
                value = d.toString();
                c.state.dayOfKey.putIfAbsent(key, d);
                conf *= 0.85;
            } else {
                LocalDate d = DateResolver.day(m, c.published(), future);
                value = d != null ? d.toString() : DateResolver.resolve(m, c.published(), future);
                if (value == null) {
                    continue;
                }
                int last = TimeRules.rangeEndDay(c.t, m);
                if (d != null && last > 0 && !RANGE_STARTS.contains(v.lemma())) {
                    // "the summit was held on March 20-22": the event lasted the range, it did not happen on its
                    // first day; "arrived on March 20-22" keeps the first day, an arrival starts a visit
                    value = d + "/" + d.withDayOfMonth(Math.min(last, d.lengthOfMonth()));
                }
                if (d != null) {
                    c.state.dayOfKey.putIfAbsent(key, d);
                }
            }
            int from = Math.min(v.start(), m.start());
            int to = Math.max(v.end(), m.end());
            Candidate n = c.emit(ClaimKind.DATE, key, subjects.get(k), v.lemma(), value, from, to, false, false, conf);
            if (v.cls() == EventVerbs.Cls.CRAFT && Modalities.oldDate(value, c.published())) {
                n.modality = dev.crosscheck.claim.Modality.HISTORICAL; // "the Mars Orbiter Mission launched in 2013"
            }
            EventDates.completeDate(c, n, m, v.start());
        }
    }

    /**
     * A time of day on the day written beside it ({@code joinedDay}: "at 3:05 p.m. on Sept. 28"), else on the
     * sentence's day, else on the day this key was given before ("the quake hit at 11:56 a.m." after "struck on
     * Saturday"), else on the day of the live-blog entry it stands in: {@code 2015-04-25T11:56}; null when no day is
     * known.
     */
    static String timeOnDay(SentenceContext c, TimeRules.TimeMention m, ClaimKey key, LocalDate joinedDay) {
        return timeOnDay(c, m, key, joinedDay, false);
    }

    /** As above; a time of what has not happened yet ({@code ahead}) is never on the day before its entry's stamp. */
    static String timeOnDay(SentenceContext c, TimeRules.TimeMention m, ClaimKey key, LocalDate joinedDay,
                            boolean ahead) {
        LocalDate day = joinedDay != null ? joinedDay : c.sentenceDay();
        if (day == null) {
            day = c.state.dayOfKey.get(key);
        }
        if (day == null) {
            day = entryDay(c, m, ahead);
        }
        if (day == null) {
            return null;
        }
        String text = day + "T" + DateResolver.twoDigits(m.hour()) + ":" + DateResolver.twoDigits(m.minute());
        return TimeZones.value(c.t, m.end(), day.atTime(m.hour(), m.minute()), text, c.state.storyCountry,
                c.state.storyRegion);
    }

    /**
     * The day of the live-blog entry a time of day stands in ("Wed, Sept 28, 3:12 p.m." over "came ashore at 3:10
     * p.m."): the stamp's day, or the day before when the time is later than the stamp's. Null outside an entry.
     */
    private static LocalDate entryDay(SentenceContext c, TimeRules.TimeMention m, boolean ahead) {
        String stamp = c.state.entryTime;
        if (stamp == null || stamp.length() < 16 || c.sentence.paragraph() <= c.state.entryParagraph) {
            return null; // "Updated Sept. 30, 2022" over an article is no entry of a live blog
        }
        java.time.LocalDateTime stamped = java.time.LocalDateTime.parse(stamp);
        if (!ahead && java.time.LocalTime.of(m.hour(), m.minute()).isAfter(stamped.toLocalTime())) {
            return stamped.toLocalDate().minusDays(1); // "at 11 p.m." in an entry stamped 9:35 a.m.: the night before
        }
        return stamped.toLocalDate();
    }

    /**
     * Whose setting off a verb of a craft tells ("Chandrayaan-3 lifted off on July 14": the craft's name with its
     * number), {@code -} when the craft is named by a common noun of craft-nouns ("the mission was launched") or is a
     * pronoun in a sentence about one ("The mission landed ..., 40 days after it was launched": a pronoun is not
     * resolved, for the last subject may be the country that launched it); null when no craft sets off: a noun ("after
     * a successful launch"), an object launched ("Ukraine launched 30 drones": the object's date, EventDates), or a
     * subject that is no craft ("a rescue operation was launched").
     */
    static String craftOwner(SentenceContext c, EventVerbs.Verb v) {
        List<Token> t = c.t;
        int at = v.start();
        if (t.get(at).pos("NOUN") || at > 0 && (t.get(at - 1).pos("DET") || t.get(at - 1).pos("ADJ")
                || t.get(at - 1).kind() == Token.Kind.POSSESSIVE)) {
            return null;
        }
        if (!EventVerbs.passive(t, at) && (directObject(c, v.end())
                || v.end() < t.size() && NumberRules.startsNumber(t, v.end()))) {
            return null;
        }
        int from = c.clauseStart(at);
        if (from < at && SentenceContext.subjectPronoun(t.get(from))) {
            return craftNoun(c, 0, at) ? SentenceContext.NOBODY : null;
        }
        String owner = FigureFrames.subjectOwner(c, at);
        if (!owner.equals(SentenceContext.NOBODY)) {
            return owner;
        }
        return craftNoun(c, from, at) ? SentenceContext.NOBODY : null;
    }

    /** Whether the first noun in tokens [from, to) is a craft's (craft-nouns: "the mission", "the probe"). */
    private static boolean craftNoun(SentenceContext c, int from, int to) {
        for (int k = from; k < to; k++) {
            Token w = c.t.get(k);
            if (w.isWord() && (w.pos("NOUN") || CRAFT_NOUNS.contains(w.nounLemma()))) {
                return CRAFT_NOUNS.contains(w.nounLemma());
            }
        }
        return false;
    }

    private static final java.util.Set<String> CRAFT_NOUNS = WordClasses.of("craft-nouns");

    /**
     * Whether a verb ending before token {@code k} has a direct object ("landed a spacecraft"), not a place it went to
     * ("landed in Johannesburg", "arrived on Monday"): read from the word, for words far from a figure are untagged.
     */
    static boolean directObject(SentenceContext c, int k) {
        return k < c.t.size() && c.t.get(k).isWord() && !WordClasses.is(c.t.get(k), "movement-links")
                && !c.inTime(k);
    }

    /** The thing a verb acts on: before it in a passive or relative clause, else the first head after it. */
    static Heads.Head objectHead(SentenceContext c, EventVerbs.Verb v) {
        Heads.Head before = c.nearestHead(v.start(), true, false);
        boolean relative = false;
        if (before != null) {
            for (int k = before.end(); k < v.start(); k++) {
                String w = c.t.get(k).lower();
                if (w.equals("which") || w.equals("that")) {
                    relative = true;
                }
            }
        }
        if (before != null && (EventVerbs.passive(c.t, v.start()) || relative || v.start() == before.end())) {
            return before;
        }
        for (int k = v.end(); k < Math.min(c.t.size(), v.end() + 10); k++) {
            if (c.headAt[k] >= 0) {
                return c.heads.get(c.headAt[k]);
            }
            if (c.t.get(k).is(";")) {
                break;
            }
        }
        return null;
    }

    private static String orNobody(String owner) {
        return owner == null ? SentenceContext.NOBODY : owner;
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
