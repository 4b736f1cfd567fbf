package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;
import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Dates of what the date rule's verb lists do not name: a date in a clause is the date of the clause's event, framed
 * like a figure. "The bridge collapsed on Tuesday" is {@code date:-:bridge:collapse}, "Microsoft closed the deal on
 * Thursday" {@code date:microsoft:agreement:close}, "The lander touched down on Wednesday" {@code date:-:lander:touch};
 * when the clause's subject is the story's event ("the fire began on 8 August", "the fire raced into Lahaina on
 * Tuesday", "the fire was first reported at 12:22 a.m.") the date is the event's: {@code date:-:fire}, the key the date
 * rule gives "the fire broke out on Tuesday". A time of day ("collapsed at 1:28 a.m.") is on the sentence's day, or on
 * the day this key was given before.
 *
 * <p>The clause's verb is the nearest one before the date, with no conjunction or clause punctuation between ("closed
 * on Sunday"); a date that opens a clause ("On Thursday, customers tried to withdraw $42 billion") dates the verb
 * after the clause's subject, and the act after an attempt verb ("tried to withdraw"). The verb is read by its lemma,
 * through predicates.txt classes (a phrase first: "take out"); a movement or a meeting of events.txt is the date
 * rule's alone, with its condition (a named actor); another verb of events.txt keys by its lemma there; "became" before
 * a title is taking office (office-verbs). A date after a reporting or linking verb dates the report ("said on
 * Monday", "found on Monday") or nothing ("was on Monday") and gives no claim, nor does a market's move of a day
 * ("shares fell 30% on Friday"). Owner: a name as the clause's subject (not a name before its subject noun: "California
 * regulators"); thing: the verb's object ("closed the deal", "closed Silicon Valley Bank": a name's last word), else
 * the subject's head noun ("the bridge collapsed"), or a relative clause's antecedent ("the crash that occurred"). An
 * act on a figure ("withdraw $42 billion", "launched 30 drones") keys by what the figure counts and a named actor. A
 * clause without a verb or without either gives none.
 */
final class EventDates {

    private static final java.util.Set<String> RELATIVES = WordClasses.of("relatives");
    private static final java.util.Set<String> SUBORDINATORS = WordClasses.of("subordinators");
    private static final java.util.Set<String> TIME_CONJUNCTIONS = WordClasses.of("time-conjunctions");
    private static final java.util.Set<String> PRESENT_PERFECT = WordClasses.of("present-perfect-auxiliaries");
    private static final java.util.Set<String> PERFECT_ADVERBS = WordClasses.of("perfect-adverbs");
    /** The most words a subject announcing news has before its verb: "India's Vikram lander has landed". */
    private static final int MAX_NEWS_SUBJECT = 10;
    /** Verbs that tell an event happening, by the event head they tell (event-realizations.txt). */
    private static final LemmaLexicon REALIZATIONS = new LemmaLexicon("event-realizations.txt");

    private EventDates() {
    }

    static void apply(SentenceContext c) {
        if (c.times.isEmpty()) {
            stampedNews(c);
            return;
        }
        if (factRow(c) || verbless(c)) {
            return;
        }
        boolean[] dated = new boolean[c.t.size()]; // the tokens of dates the date rule already claimed
        for (Candidate k : c.candidates) {
            if (k.kind == ClaimKind.DATE) {
                java.util.Arrays.fill(dated, k.figureFrom, k.figureTo, true);
            }
        }
        for (int i = 0; i < c.times.size(); i++) {
            TimeRules.TimeMention m = c.times.get(i);
            if (m.dateline() || m.possessive() || m.type() == TimeRules.Type.ANCHORED || anyOf(dated, m)
                    || c.daysJoined != null && c.daysJoined[i]) {
                continue; // "on Sept. 28" after "at 3:05 p.m.": the time's day
            }
            if (!attributive(c.tagged(), m) && !afterMainEvent(c, m)) {
                frame(c, m);
            }
        }
    }

    /**
     * News breaking in a live blog's entry: "TOUCHDOWN! Vikram has landed near the Moon's south pole" under a stamp of
     * 18:04, with no time of its own, is the story's main event at about the stamp's time (an entry is posted minutes
     * after what it announces, so the date is approximate). Only a present perfect that opens the sentence after its
     * bare subject, told as it breaks (after an exclamation in the entry, or "has just landed"), tells the news; a
     * later mention ("Since it has landed, ..."), an entry that recalls it, or another tense tells none. Once per event:
     * the first entry in the text that announces it.
     */
    private static void stampedNews(SentenceContext c) {
        String stamp = c.state.entryTime;
        if (stamp == null || stamp.length() < 16 || c.sentence.paragraph() <= c.state.entryParagraph) {
            return;
        }
        List<Token> t = c.t;
        for (int k = 1; k < Math.min(t.size(), MAX_NEWS_SUBJECT + 1); k++) {
            if (!PRESENT_PERFECT.contains(t.get(k).lower())) {
                if (!t.get(k).isWord() && !t.get(k).is("'s") || c.verbAt[k] >= 0 || RELATIVES.contains(t.get(k).lower())) {
                    return; // "The probe, which has landed": only a bare subject comes before the news
                }
                continue;
            }
            int v = k + 1;
            boolean breaking = c.state.lastExclaimed && c.state.lastParagraph == c.sentence.paragraph();
            while (v < t.size() && PERFECT_ADVERBS.contains(t.get(v).lower())) {
                breaking |= WordClasses.is(t.get(v), "breaking-adverbs");
                v++;
            }
            breaking |= c.state.lastLead && c.state.lastParagraph == c.sentence.paragraph();
            String event = v < t.size() && c.state.mainEvent != null ? realizedMainEvent(c, v) : null;
            if (!breaking || SUBORDINATORS.contains(t.get(0).lower()) || TIME_CONJUNCTIONS.contains(t.get(0).lower())) {
                return; // an entry that recalls the event hours later ("The bridge has collapsed, and ...") is no news
            }
            if (event == null) {
                stampedAct(c, v, k, stamp); // "It's over. The regulator has closed Northwind Bank."
                return;
            }
            ClaimKey key = ClaimKey.of(ClaimKind.DATE, ClaimKey.NONE, event);
            if (c.state.stampedEvents.add(key)) {
                Candidate n = c.emit(ClaimKind.DATE, key, event, t.get(v).verbLemma(), stamp, k, v + 1, true, false,
                        c.baseConfidence() * 0.6);
                if (placed(event)) {
                    Scopes.placeEvent(c, n, v);
                }
            }
            return;
        }
    }

    /**
     * Whether the noun phrase ending at token {@code head} is what a relative after it describes: not when it is the
     * "Y" of "X of Y" ("the UK arm of Silicon Valley Bank, which was sold": the arm or the bank?), unless X is what
     * befell Y ("the failure of its parent, which was closed": fate-nouns).
     */
    private static boolean ownAntecedent(List<Token> t, int head) {
        int k = head;
        while (k > 0 && (t.get(k - 1).nominal() || t.get(k - 1).pos("ADJ") || t.get(k - 1).pos("DET")
                || t.get(k - 1).pos("PRON") || t.get(k - 1).kind() == Token.Kind.POSSESSIVE)) {
            k--;
        }
        return k < 2 || !t.get(k - 1).is("of") || WordClasses.is(t.get(k - 2), "fate-nouns");
    }

    /**
     * An act told as breaking news in an entry, other than the story's main event: "It's over. The state regulator has
     * closed Northwind Bank and named a receiver." (a lead of breaking-leads.txt before it) under a stamp dates the closing of the bank (what it acted on, keyed
     * as the date rule keys an act, with nobody as owner: who acted is told in many ways), at about the stamp. Only a
     * verb with a direct object, of events.txt's object class or of no listed class (a movement, a meeting, a report
     * or a change needs more than a stamp); once per key.
     */
    private static void stampedAct(SentenceContext c, int v, int subjectEnd, String stamp) {
        if (v >= c.t.size()) {
            return;
        }
        List<Token> t = c.taggedAround(v).t;
        if (!t.get(v).pos("VERB") || EventVerbs.passive(t, v)) {
            return;
        }
        EventVerbs.Verb listed = c.verbAt[v] >= 0 ? c.verbs.get(c.verbAt[v]) : null;
        if (listed != null && listed.cls() != EventVerbs.Cls.OBJECT) {
            return;
        }
        String lemma = t.get(v).verbLemma();
        LemmaLexicon.Match phrase = FigureFrames.PREDICATES.at(t, v);
        LemmaLexicon.Entry cls = listed != null ? null : phrase != null ? phrase.entry() : FigureFrames.PREDICATES.of(lemma);
        if (cls != null && (cls.has("report") || cls.has("light") || cls.has("change"))) {
            return;
        }
        int end = v + 1;
        while (end < t.size() && !t.get(end).pos("CCONJ") && !t.get(end).pos("ADP") && t.get(end).kind() != Token.Kind.PUNCT) {
            end++;
        }
        String thing = objectNoun(c, v, end);
        if (thing == null || objectFigure(c, v, end) >= 0) {
            return; // "has raised $2 billion": an amount acted on is a figure's, not an event's
        }
        String predicate = listed != null ? listed.lemma() : cls != null ? cls.name() : ClaimKey.slug(lemma);
        ClaimKey key = ClaimKey.of(ClaimKind.DATE, ClaimKey.NONE, thing, predicate);
        if (c.state.stampedEvents.add(key)) {
            c.emit(ClaimKind.DATE, key, SentenceContext.headLabel(thing) + ": " + predicate, lemma, stamp, subjectEnd,
                    end, true, false, c.baseConfidence() * 0.6);
        }
    }

    /**
     * A sentence with no verb that names a day and an event ("Today in Geneva the summit between Joe Biden and
     * Vladimir Putin.", as translated copy writes it): the day is the event's. Only a day (not a year or a span), and
     * the event's head within a few words of it.
     */
    private static boolean verbless(SentenceContext c) {
        List<Token> t = c.tagged().t;
        for (Token w : t) {
            if (w.pos("VERB") || w.pos("AUX")) {
                return false;
            }
        }
        if (!c.verbs.isEmpty() || c.times.size() != 1) {
            return false;
        }
        TimeRules.TimeMention m = c.times.get(0);
        if (m.dateline() || m.possessive() || m.type() == TimeRules.Type.ANCHORED
                || DateResolver.day(m, c.published(), false) == null) {
            return false;
        }
        for (Heads.Head h : c.heads) {
            if (Math.abs(h.start() - m.end()) <= VERBLESS_REACH || Math.abs(m.start() - h.end()) <= VERBLESS_REACH) {
                emitEventDate(c, m, c.headName(h), h.start());
                return true;
            }
        }
        return false;
    }

    /** The most words between a verbless sentence's day and its event: "Today in Geneva the summit". */
    private static final int VERBLESS_REACH = 5;

    /**
     * A row of a fact box ("Landing | 23 August 2023, 6:04 pm IST", a table's heading cell and its value): an event
     * noun heads the row, and the first date after it (with its time of day) is that event's.
     */
    private static boolean factRow(SentenceContext c) {
        List<Token> t = c.t;
        if (t.size() < 3 || c.headAt[0] < 0) {
            return false;
        }
        Heads.Head head = c.heads.get(c.headAt[0]);
        if (!head.event() || head.end() >= t.size() || !WordClasses.is(t.get(head.end()), "row-separators")) {
            return false;
        }
        for (int i = 0; i < c.times.size(); i++) {
            TimeRules.TimeMention m = c.times.get(i);
            boolean joinedDay = c.daysJoined != null && c.daysJoined[i];
            if (m.start() > head.end() && !m.dateline() && !joinedDay && m.type() != TimeRules.Type.ANCHORED) {
                TimeRules.TimeMention timed = m.type() == TimeRules.Type.TIME ? m : timeJoinedTo(c, i);
                emitEventDate(c, timed != null ? timed : m, c.headName(head), 0);
                return true;
            }
        }
        return false;
    }

    /** The time of day the day mention i is joined to ("23 August 2023, 6:04 pm"), or null. */
    private static TimeRules.TimeMention timeJoinedTo(SentenceContext c, int i) {
        if (c.dayMentionOfTime == null) {
            return null;
        }
        for (int k = 0; k < c.dayMentionOfTime.length; k++) {
            if (c.dayMentionOfTime[k] == i) {
                return c.times.get(k);
            }
        }
        return null;
    }

    /**
     * "the Aug. 8 fire", "the March 10 collapse": a day right before the story's event noun, after a determiner, dates
     * that event ({@code date:-:fire}); before another event's noun, or after "since", "after" (date-bounds), it dates
     * nothing of the story's and is left alone.
     */
    private static boolean attributive(SentenceContext c, TimeRules.TimeMention m) {
        int e = m.end();
        while (e < c.t.size() && e < m.end() + 3 && c.headAt[e] < 0 && c.t.get(e).nominal()) {
            e++; // "the June 2 Balasore train crash": words naming the event before its noun
        }
        if (e >= c.t.size() || c.headAt[e] < 0 || m.start() == 0
                || m.type() != TimeRules.Type.DATE && m.type() != TimeRules.Type.WEEKDAY) {
            return false;
        }
        Heads.Head head = c.heads.get(c.headAt[e]);
        // "the June 2 crash"; "this Sunday's elections", "this Sunday elections": the day's own determiner
        int before = m.start() - 1;
        if (before > 0 && WordClasses.is(c.t.get(before), "day-part-modifiers")) {
            before--; // "the early Monday morning quake"
        }
        boolean determined = WordClasses.is(c.t.get(before), "definite-determiners")
                || WordClasses.is(c.t.get(m.start()), "day-determiners");
        if (!head.event() || !determined) {
            return false;
        }
        String event = c.headName(head);
        if (!event.equals(c.state.mainEvent)
                || m.start() >= 2 && WordClasses.is(c.t.get(m.start() - 2), "date-bounds")) {
            return true; // "after the Sept. 11 attacks", "since the Oct. 7 attack": another event, or one before
        }
        emitEventDate(c, m, event, e);
        return true;
    }

    /** Whether tokens [from, to) name the story's main event by its noun ("the country's presidential election"). */
    private static boolean namesMainEvent(SentenceContext c, int from, int to) {
        for (int k = from; k < Math.min(to, c.t.size()); k++) {
            if (c.headAt[k] >= 0) {
                Heads.Head h = c.heads.get(c.headAt[k]);
                if (h.event() && c.headName(h).equals(c.state.mainEvent)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "Argentina's presidential election Sunday, November 19", "the quake Monday": a day right after the story's event
     * noun, with no preposition, dates the event itself.
     */
    private static boolean afterMainEvent(SentenceContext c, TimeRules.TimeMention m) {
        int k = m.start() - 1;
        if (k < 0 || c.headAt[k] < 0 || m.type() != TimeRules.Type.DATE && m.type() != TimeRules.Type.WEEKDAY) {
            return false;
        }
        Heads.Head head = c.heads.get(c.headAt[k]);
        if (!head.event() || head.end() != m.start() || !c.headName(head).equals(c.state.mainEvent)) {
            return false;
        }
        emitEventDate(c, m, c.state.mainEvent, k);
        return true;
    }

    /**
     * The story's main event when the verb at token {@code verb} tells it happening ("rammed into" in a story of a
     * train crash, "touched down" in a story of a landing: event-realizations.txt), or a placed event whatever the
     * main event ("came ashore" is a landfall), else null. Its date is the event's own: {@code date:-:crash}, whoever
     * the clause's subject is.
     */
    static String realizedMainEvent(SentenceContext c, int verb) {
        if (verb < 0 || EventVerbs.passive(c.t, verb)) {
            return null; // "railway shares were hit on Monday": what is done to something tells no event happening
        }
        String told = realizedEvent(c.tagged().t, verb); // tagged first: a lemma read untagged would stay the word
        if (told != null && placed(told)) {
            return told; // "Ian came ashore near Cayo Costa": a landfall, whatever the story's main event
        }
        String main = c.state.mainEvent;
        if (main == null || c.t.get(verb).pos("NOUN") || c.t.get(verb).pos("ADJ")
                || !c.titleCase && EventVerbs.inName(c.t, verb)) {
            return null; // "named the landing site on Saturday": a noun tells nothing happening (words far from any
                         // figure or date are left untagged, and a verb there still counts); "the Automatic Landing
                         // Sequence" is a name
        }
        return main.equals(told) ? main : null;
    }

    /**
     * Whether an event is told by verbs of its own (event-realizations.txt: a crash, a landing, a collapse), not by
     * the verbs of natural events striking ("the collapse rattled markets" dates no collapse).
     */
    static boolean toldByOwnVerbs(String event) {
        return REALIZATIONS.named(event) != null;
    }

    /**
     * Completes a date frame of mention m read at the verb at token {@code verb}: the day written beside its time of
     * day is read with it, and a placed event takes where it happened ("came ashore near Georgetown, South Carolina").
     */
    static void completeDate(SentenceContext c, Candidate k, TimeRules.TimeMention m, int verb) {
        c.joinDay(k, m);
        if (placed(k.key.last())) {
            Scopes.placeEvent(c, k, verb);
        }
    }

    /** Whether the verb at token {@code verb} tells what has not happened: a future or a projection ("could"). */
    static boolean notYet(SentenceContext c, int verb) {
        return EventVerbs.future(c.t, verb) || Modalities.irrealis(c, c.clauseStart(verb), verb);
    }

    /** Whether the word at token k starts the telling of a placed event ("crossed the coast"), tagged or not. */
    private static boolean placedVerb(List<Token> t, int k) {
        if (!t.get(k).isWord() || t.get(k).capitalized() && k > 0) {
            return false;
        }
        String e = realizedEvent(t, k);
        return e != null && placed(e);
    }

    /** Whether an event is a part of a moving one, told apart by where it happened (event-realizations.txt [placed]). */
    static boolean placed(String event) {
        LemmaLexicon.Entry e = REALIZATIONS.named(event);
        return e != null && e.has("placed");
    }

    /**
     * The event head (heads.txt) the verb at token {@code i} tells happening ("touched down" is a landing), by its
     * lemma as a verb and the words after it; null when none.
     */
    static String realizedEvent(List<Token> t, int i) {
        if (!t.get(i).isWord()) {
            return null;
        }
        LemmaLexicon.Match phrase = REALIZATIONS.at(t, i);
        if (phrase != null && phrase.end() > i + 1) {
            return phrase.entry().name().equals(ClaimKey.NONE) ? null : phrase.entry().name();
        }
        String lemma = t.get(i).verbLemma();
        if (i + 1 < t.size() && t.get(i + 1).isWord()) {
            LemmaLexicon.Entry two = REALIZATIONS.of(lemma + " " + t.get(i + 1).lower());
            if (two != null) {
                // "touched down" whatever the tagger made of the verb
                return two.name().equals(ClaimKey.NONE) ? null : two.name();
            }
            // "made a second U.S. landfall": modifiers between the verb and the noun of its phrase
            for (int j = i + 2; j < Math.min(t.size(), i + 6); j++) {
                Token w = t.get(j - 1);
                if (!(w.pos("DET") || w.pos("ADJ") || w.pos("PROPN") || w.is(".") || w.pos("NUM") && !w.isNumber())) {
                    break;
                }
                LemmaLexicon.Entry split = REALIZATIONS.of(lemma + " " + t.get(j).lower());
                if (split != null && split.has("placed")) {
                    return split.name();
                }
            }
        }
        LemmaLexicon.Entry e = phrase != null ? phrase.entry() : REALIZATIONS.of(lemma);
        return e == null ? null : e.name();
    }

    private static boolean anyOf(boolean[] marks, TimeRules.TimeMention m) {
        for (int i = m.start(); i < m.end(); i++) {
            if (marks[i]) {
                return true;
            }
        }
        return false;
    }

    private static void frame(SentenceContext c, TimeRules.TimeMention m) {
        List<Token> t = c.t;
        if (m.start() > 0 && WordClasses.is(t.get(m.start() - 1), "date-bounds")) {
            return; // "had burned 10,000 acres by Friday": a bound on the time, not the day it happened
        }
        int from = c.clauseStart(m.start());
        int verb = -1;
        if (from > 0 && c.verbAt[from - 1] >= 0 && c.verbs.get(c.verbAt[from - 1]).cls() == EventVerbs.Cls.REPORT
                && passive(t, from - 1)) {
            from = c.clauseStart(from - 1); // "the fire was first reported at 12:22 a.m. on Tuesday"
        }
        int reach = m.start() - 11;
        for (int k = m.start() - 1; k >= from && k >= reach; k--) {
            Token w = t.get(k);
            if (w.pos("VERB") || FigureFrames.verbPredicate(w) != null && !w.pos("NOUN") || placedVerb(t, k)) {
                verb = k;
                break;
            }
            int open = k == m.start() - 1 || k == m.start() - 2 ? apposition(c.tagged(), k, from) : -1;
            if (open >= 0) {
                reach -= k - open; // "came ashore near Georgetown, South Carolina, at 2:05 p.m.": past the apposition
                k = open;
                continue;
            }
            if (w.pos("CCONJ") || w.pos("SCONJ") || clauseMark(t, k)) {
                break; // "..., and on Thursday depositors tried": the date opens the next clause, its verb follows
            }
        }
        boolean opening = verb < 0;
        if (opening) {
            verb = followingVerb(c, m);
            if (verb < 0) {
                return;
            }
            from = m.start();
        }
        Token v = t.get(verb);
        String lemma = v.verbLemma();
        EventVerbs.Verb listed = c.verbAt[verb] >= 0 ? c.verbs.get(c.verbAt[verb]) : null;
        if (listed != null && listed.cls() == EventVerbs.Cls.REPORT && passive(t, verb) && firstNews(t, verb)) {
            // "the fire was first reported at 12:22 a.m. on Tuesday": the story's event, reported as it began
            int subject = subjectNoun(c, c.clauseStart(verb), verb);
            if (subject >= 0 && c.headAt[subject] >= 0 && c.heads.get(c.headAt[subject]).event()
                    && nounName(c, subject).equals(c.state.mainEvent)) {
                String event = nounName(c, subject);
                emitEventDate(c, m, event, verb);
            }
            return;
        }
        String realized = realizedMainEvent(c, verb);
        if (realized != null) {
            if (!Modalities.irrealis(c, from, verb) && !(placed(realized) && notYet(c, verb))) {
                emitEventDate(c, m, realized, verb);
            }
            return;
        }
        if (listed != null && (listed.cls() == EventVerbs.Cls.ACTOR || listed.cls() == EventVerbs.Cls.MEET
                || listed.cls() == EventVerbs.Cls.REPORT
                || listed.cls() == EventVerbs.Cls.CRAFT && DateClaims.craftOwner(c, listed) != null)) {
            return; // the date rule's: a movement or a meeting needs a named actor; "said on Monday" dates the report
        }
        if (listed != null && listed.cls() == EventVerbs.Cls.CRAFT) {
            listed = null; // "launched 30 drones on Sunday": what was launched, by the verb's predicate class
        }
        // a reporting or linking verb ("found on Monday", "was on Monday") says nothing of what happened that day
        LemmaLexicon.Match phrase = FigureFrames.PREDICATES.at(t, verb); // "take out" before "take"
        LemmaLexicon.Entry cls = listed != null ? null : phrase != null ? phrase.entry() : FigureFrames.PREDICATES.of(lemma);
        if (WordClasses.of("office-verbs").contains(lemma) && titleAfter(c, verb, m.start())) {
            cls = FigureFrames.PREDICATES.named(WordClasses.first("office-class")); // "became prime minister on Friday"
        }
        if (cls != null && (cls.has("report") || cls.has("light"))) {
            return;
        }
        // a verb of events.txt keys by its lemma there ("freed" is release), others by their predicate class or lemma
        String predicate = listed != null ? listed.lemma() : cls != null ? cls.name() : ClaimKey.slug(lemma);
        String owner = FigureFrames.subjectOwner(c, verb);
        int subject = subjectNoun(c, opening ? m.end() : from, verb);
        if (subject < 0 && from >= 2 && RELATIVES.contains(t.get(from - 1).lower()) && t.get(from - 2).nominal()) {
            subject = from - 2; // "the train crash that occurred on Friday": the relative's antecedent
        } else if (subject < 0 && from >= 3 && RELATIVES.contains(t.get(from - 1).lower()) && t.get(from - 2).is(",")
                && t.get(from - 3).nominal() && EventVerbs.passive(t, verb) && ownAntecedent(t, from - 3)) {
            subject = from - 3; // "Silicon Valley Bank, which was closed by regulators on Friday": what was closed
        }
        if (subject > 0 && t.get(subject - 1).pos("PROPN") && !WordClasses.is(t.get(subject), "referential-nouns")) {
            owner = ClaimKey.NONE; // "California regulators closed the bank": a name before the subject noun modifies it
        }
        if (subject >= 0 && c.headAt[subject] >= 0 && c.heads.get(c.headAt[subject]).event()
                && nounName(c, subject).equals(c.state.mainEvent) && WordClasses.of("event-start-verbs").contains(v.verbLemma())) {
            // "the fire began on 8 August": the date of the story's event itself ("the fire was contained on
            // Wednesday" is a date of the fire's, keyed by its verb below)
            String event = nounName(c, subject);
            emitEventDate(c, m, event, verb);
            return;
        }
        if (Modalities.irrealis(c, from, verb)) {
            return; // "the plant could reopen on Monday": not what happened that day
        }
        // what it happened to: the verb's object ("divers recovered the wreckage"), else its subject ("the bridge
        // collapsed")
        if (indefiniteObject(c, verb, m.start())) {
            return; // "police arrested a suspect on Monday": one of several such acts, no fact of the story's
        }
        int objectEnd = opening ? clauseEndAfter(c, verb) : m.start();
        String thing = objectNoun(c, verb, objectEnd);
        if (WordClasses.of("outcome-verbs").contains(lemma) && namesMainEvent(c, verb + 1, objectEnd)) {
            // "Milei won Argentina's presidential election on Sunday": a contest is won or lost on its own day
            emitEventDate(c, m, thing, verb);
            return;
        }
        int figure = objectFigure(c, verb, objectEnd);
        boolean act = figure >= 0;
        if (cls != null && cls.has("money") && !(act && !t.get(figure).isNumber())) {
            predicate = ClaimKey.slug(lemma); // "pulled 12 survivors on Monday": the class holds for money only
            cls = null;
        }
        if (act && cls != null && FigureFrames.asChange(cls, t, figure, figure + 1).has("change")) {
            return; // "shares fell 30% on Friday": a market's move of a day, no event of the story's
        }
        if (act) {
            // "depositors tried to withdraw $42 billion on Thursday", "Ukraine launched 30 drones on Sunday": the act
            // is the event; what it acted on is the figure's measure, whose it is a named actor's
            thing = figureMeasure(c, figure);
            String actor = c.subjectOwner(verb);
            owner = actor == null ? ClaimKey.NONE : actor;
            if (cls == null && listed == null && thing == null && owner.equals(ClaimKey.NONE)) {
                return; // "spent $5 million on Monday": an amount and an unlisted verb name no event
            }
        } else if (thing == null && subject >= 0) {
            thing = nounName(c, subject);
        }
        if (thing == null && owner.equals(ClaimKey.NONE) && !act) {
            return;
        }
        emit(c, m, ClaimKey.of(ClaimKind.DATE, owner, thing == null ? ClaimKey.NONE : thing, predicate),
                (owner.equals(ClaimKey.NONE) ? "" : SentenceContext.ownerName(owner))
                        + (thing == null ? "" : SentenceContext.headLabel(thing) + ": ") + predicate, verb);
    }

    /**
     * The verb of a clause that a date opens ("On Thursday, customers tried to withdraw $42 billion"): the first verb
     * after the date and the clause's subject, with no punctuation but the comma after the date between; the verb
     * after an attempt verb and "to" ("tried to withdraw") is the act. -1 when none.
     */
    private static int followingVerb(SentenceContext c, TimeRules.TimeMention m) {
        List<Token> t = c.t;
        int before = m.start() - 1;
        if (before >= 0 && t.get(before).pos("ADP")) {
            before--; // "On Thursday, ..."
        }
        if (before >= 0 && !t.get(before).is(",") && !t.get(before).pos("CCONJ")) {
            return -1; // not the opening of a clause: "on Friday, 10 March, after a run in which customers tried"
        }
        int k = m.end();
        if (k < t.size() && t.get(k).is(",")) {
            k++;
        }
        boolean subject = false;
        for (int limit = Math.min(t.size(), k + 12); k < limit; k++) {
            Token w = t.get(k);
            if (subject && w.is("(")) {
                int close = k + 1;
                while (close < limit && close <= k + 4 && !t.get(close).is(")")) {
                    close++;
                }
                if (close < limit && t.get(close).is(")")) {
                    k = close; // "the Double Asteroid Redirection Test (DART) spacecraft": a name's short form
                    continue;
                }
            }
            if (subject && w.is("'s")) {
                continue; // "NASA's spacecraft"
            }
            if (w.pos("VERB") && subject) {
                if (WordClasses.of("attempt-verbs").contains(w.verbLemma()) && k + 2 < t.size()
                        && t.get(k + 1).pos("PART") && t.get(k + 2).pos("VERB")) {
                    return k + 2;
                }
                return k;
            }
            if (w.nominal() || w.pos("PRON") && !RELATIVES.contains(w.lower())) {
                subject = true;
            } else if (!(w.pos("DET") || w.pos("ADJ") || w.pos("NUM") || w.pos("AUX") || w.pos("ADV")
                    || w.pos("CCONJ") && subject)) {
                return -1; // a preposition, a clause word or punctuation: not a subject and its verb
            }
        }
        return -1;
    }

    /**
     * "was first reported at 12:22 a.m.": the first news of the event (a first-word before the verb), not a report by
     * someone ("was reported by state media on Tuesday").
     */
    private static boolean firstNews(List<Token> t, int verb) {
        boolean first = verb > 0 && WordClasses.is(t.get(verb - 1), "first-words");
        boolean agent = verb + 1 < t.size() && WordClasses.is(t.get(verb + 1), "agent-links");
        return first && !agent;
    }

    /** A passive verb: "was reported", "were first reported". */
    private static boolean passive(List<Token> t, int verb) {
        for (int k = verb - 1; k >= 0 && k >= verb - 3; k--) {
            if (t.get(k).pos("AUX")) {
                return WordClasses.is(t.get(k), "passive-auxiliaries");
            }
            if (!t.get(k).pos("ADV")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The comma that opens an apposition closed by the comma at token {@code close} ("near Cayo Costa, a barrier
     * island west of Fort Myers, at 3:05 p.m."): words with no verb or clause word between two commas, the first one
     * right after a name. -1 when the comma closes no apposition.
     */
    private static int apposition(SentenceContext c, int close, int from) {
        List<Token> t = c.t;
        if (!t.get(close).is(",")) {
            return -1;
        }
        for (int k = close - 1; k > from && k >= close - 10; k--) {
            Token w = t.get(k);
            if (w.is(",")) {
                return k - 1 >= 0 && t.get(k - 1).capitalized() && k < close - 1 ? k : -1;
            }
            if (w.pos("VERB") || w.pos("AUX") || w.pos("SCONJ") || w.pos("CCONJ") || w.pos("PRON")
                    || w.kind() == Token.Kind.PUNCT && !w.is(".") || c.inTime(k)) {
                return -1;
            }
        }
        return -1;
    }

    /** Punctuation that ends a clause: not a currency sign or a percent sign, which belong to a figure. */
    private static boolean clauseMark(List<Token> t, int k) {
        Token w = t.get(k);
        return w.kind() == Token.Kind.PUNCT && !w.is("%") && Units.currencyBefore(t, k + 1) == null;
    }

    /** The end of the verb's object: the next punctuation, time or clause word after it. */
    private static int clauseEndAfter(SentenceContext c, int verb) {
        int k = verb + 1;
        while (k < c.t.size() && !clauseMark(c.t, k) && !c.inTime(k) && !c.t.get(k).pos("SCONJ")
                && !c.t.get(k).pos("CCONJ")) {
            k++;
        }
        return k;
    }

    /** Whether the verb's object is a figure ("withdraw $42 billion", "fell 60%"): the verb names the act itself. */
    /** The verb's object figure's first token ("withdraw $42 billion": the "$"), or -1 when its object is none. */
    private static int objectFigure(SentenceContext c, int verb, int end) {
        for (int j = verb + 1; j < end && j <= verb + 3; j++) {
            Token w = c.t.get(j);
            if (c.inTime(j)) {
                return -1; // "collapsed at 1:28 a.m.": a time, not what was acted on
            }
            if (w.isNumber() || j + 1 < c.t.size() && Units.currencyBefore(c.t, j + 1) != null) {
                return j;
            }
            if (!w.pos("ADV") && !w.pos("ADP") || WordClasses.is(w, "range-links")) {
                return -1; // "withdraw about $42 billion", "rose by 60%"; not "moved from 10 to 12"
            }
        }
        return -1;
    }

    /** What a figure counts: the noun right after its number ("30 drones" is drone); null for an amount of money. */
    private static String figureMeasure(SentenceContext c, int figure) {
        int k = figure;
        while (k < c.t.size() && (c.t.get(k).isNumber() || c.t.get(k).pos("NUM") || c.t.get(k).kind() == Token.Kind.PUNCT)) {
            k++;
        }
        if (k < c.t.size() && c.t.get(k).pos("NOUN") && Units.at(c.t, k) == null
                && Units.currencyBefore(c.t, figure + 1) == null) {
            return ClaimKey.slug(c.t.get(k).nounLemma());
        }
        return null;
    }

    /** The token of the clause's subject noun, before its verb ("The bridge collapsed"); -1 when none. */
    private static int subjectNoun(SentenceContext c, int from, int verb) {
        for (int j = verb - 1; j >= from; j--) {
            Token w = c.t.get(j);
            if (w.pos("NOUN")) {
                int k = j - 1;
                while (k >= from && (c.inTime(k) || c.t.get(k).pos("DET") || c.t.get(k).pos("ADJ")
                        || c.t.get(k).pos("NUM") || c.t.get(k).pos("PROPN") || c.t.get(k).pos("NOUN"))) {
                    k--;
                }
                if (k >= from && c.t.get(k).pos("ADP")) {
                    j = k; // "survivors of the Feb. 6 earthquake gathered": the noun of a phrase after a preposition
                    continue;
                }
                return j;
            }
            if (w.verbal() && !w.pos("AUX") && j < verb - 1) {
                break;
            }
        }
        return -1;
    }

    private static String nounName(SentenceContext c, int j) {
        String parent = CompanyParents.parentAt(c, j);
        if (parent != null) {
            return parent; // "its Californian parent, which was closed": the parent the text named
        }
        return c.headAt[j] >= 0 ? c.headName(c.heads.get(c.headAt[j])) : ClaimKey.slug(c.t.get(j).nounLemma());
    }

    /** Whether the verb's object is indefinite ("a suspect", "another suspect", "a second one"). */
    private static boolean indefiniteObject(SentenceContext c, int verb, int date) {
        return verb + 1 < date && WordClasses.is(c.t.get(verb + 1), "indefinite-determiners");
    }

    /** Whether a title (titles.txt) follows the verb before the date: "became Britain's prime minister on Friday". */
    private static boolean titleAfter(SentenceContext c, int verb, int date) {
        for (int j = verb + 1; j < date; j++) {
            if (Gazetteer.titleEnd(c.t, j) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The verb's object noun before the date ("closed the deal on Thursday"), by name; null when none. */
    private static String objectNoun(SentenceContext c, int verb, int date) {
        for (int j = verb + 1; j < date; j++) {
            Token w = c.t.get(j);
            if (w.pos("ADP") || w.isNumber()) {
                return null; // "met for four hours", "arrived in Moscow": no direct object
            }
            if (w.nominal()) {
                int end = j; // "closed Silicon Valley Bank": a name's last word is what it is
                while (end + 1 < date && c.t.get(end + 1).nominal()) {
                    end++;
                }
                if (end + 1 < date && c.t.get(end + 1).kind() == Token.Kind.POSSESSIVE) {
                    j = end + 1;
                    continue; // "became Britain's prime minister": the possessor is not the object
                }
                Token head = c.t.get(end);
                return c.headAt[end] >= 0 ? c.headName(c.heads.get(c.headAt[end])) : ClaimKey.slug(head.nounLemma());
            }
        }
        return null;
    }

    /** The date of an event itself, keyed by the event alone ({@code date:-:crash}), read at token {@code at}. */
    private static void emitEventDate(SentenceContext c, TimeRules.TimeMention m, String event, int at) {
        emit(c, m, ClaimKey.of(ClaimKind.DATE, ClaimKey.NONE, event), event, at);
    }

    private static void emit(SentenceContext c, TimeRules.TimeMention m, ClaimKey key, String subject, int verb) {
        boolean future = EventVerbs.future(c.t, verb) || m.rel() == 1
                || m.type() == TimeRules.Type.DATE && EventVerbs.thirdPersonPresent(c.t.get(verb));
        String value;
        if (m.type() == TimeRules.Type.TIME) {
            int i = c.timeIndex(m);
            LocalDate day = c.daysOfTimes != null && i >= 0 ? c.daysOfTimes[i] : null;
            value = DateClaims.timeOnDay(c, m, key, day); // "collapsed at 1:28 a.m. on Tuesday"
            if (value == null) {
                return;
            }
        } else {
            LocalDate d = DateResolver.day(m, c.published(), future);
            value = d != null ? d.toString() : DateResolver.resolve(m, c.published(), future);
            if (value == null) {
                return;
            }
            if (d != null) {
                c.state.dayOfKey.putIfAbsent(key, d);
            }
        }
        int from = Math.min(verb, m.start());
        int to = Math.max(verb + 1, m.end());
        Candidate k = c.emit(ClaimKind.DATE, key, subject, c.t.get(verb).verbLemma(), value, from, to, false, false,
                c.baseConfidence() * 0.8);
        k.figure(c.figureTokens, m.start(), m.end());
        completeDate(c, k, m, verb);
        if (Modalities.oldDate(value, c.published())) {
            // "the 85 people killed in the Camp Fire in 2018": what a verb did years before is background
            k.modality = dev.crosscheck.claim.Modality.HISTORICAL;
        }
    }
}
