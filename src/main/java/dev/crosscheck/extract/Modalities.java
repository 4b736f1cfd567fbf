package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Modality;
import java.time.LocalDate;
import java.util.List;

/**
 * The modality enricher: whether a figure states what happened in the story's event.
 * <ul>
 *   <li><b>historical</b>: its clause names a year two or more years before publication ("the 1918 Cloquet fire,
 *       which killed 453 people": a relative clause inherits the year of the noun phrase it describes), or another
 *       named event than the story's ("Hurricane Katrina killed 1,800"), or a cue of modality-cues.txt ("the previous
 *       record"); the date of an event named by its kind alone ("the quake struck in 2015") two or more years
 *       before publication is another event of that kind;</li>
 *   <li><b>projected</b>, <b>hypothetical</b>, <b>generic</b>, <b>requested</b>: a cue of modality-cues.txt in the
 *       figure's clause before it ("the toll could reach 10,000", "if the dam fails", "quakes of magnitude 7 are
 *       considered major", "prosecutors sought 15 years") or, for cues marked [after], after it ("20,000 feared
 *       dead");</li>
 *   <li>a quantity in a passing state of an event ("weakened to a storm with winds of 70 mph") is no claim.</li>
 * </ul>
 * These apply to counts and quantities; durations and dates someone expects are read by their own rules (future
 * verbs resolve weekdays forward).
 */
final class Modalities {

    private static final PhraseMatcher<String> BEFORE = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> AFTER = new PhraseMatcher<>(false);
    /** Cue words that are also capitalized names ("May", "Will"): a cue only in lower case. */
    private static final java.util.Set<String> LOWER_ONLY = WordClasses.of("lower-only-cues");
    private static final java.util.Set<String> RELATIVES = WordClasses.of("relatives");
    private static final java.util.Set<String> SINCE = WordClasses.of("since-words");
    private static final String PAST_PERFECT = WordClasses.first("past-perfect-auxiliary");
    private static final java.util.Set<String> AUXILIARIES = WordClasses.of("perfect-auxiliaries");
    private static final java.util.Set<String> TIME_CONJUNCTIONS = WordClasses.of("time-conjunctions");

    static {
        for (Lexicon.Entry e : Lexicon.entries("modality-cues.txt")) {
            PhraseMatcher<String> into = "after".equals(e.flag()) ? AFTER : BEFORE;
            for (String cue : e.items()) {
                into.add(cue, e.head().strip());
            }
        }
    }

    private Modalities() {
    }

    static void enrich(SentenceContext c, Candidate k) {
        LocalDate published = c.published();
        List<Token> t = c.t;
        int from = c.clauseStart(k.figureFrom);
        if (k.kind == ClaimKind.DATE) {
            // "Hurricane Charley struck on Aug. 13, 2004": the date of another named event is background
            if (otherNamedEvent(c, from, beforeSubordinate(c, k.to, FigureFrames.clauseEnd(c, k.to)))
                    || eventOnly(k) && oldDate(k.value, published)) {
                k.modality = Modality.HISTORICAL;
            }
            return;
        }
        if (k.kind == ClaimKind.DURATION) {
            // "prosecutors sought 15 years": a duration someone asked for is not the outcome
            for (int i = from; i < k.figureFrom; i++) {
                if ("requested".equals(cueAt(BEFORE, t, i, k.figureFrom))) {
                    k.modality = Modality.REQUESTED;
                    return;
                }
            }
            return;
        }
        if (k.kind != ClaimKind.COUNT && k.kind != ClaimKind.QUANTITY) {
            return;
        }
        int to = FigureFrames.clauseEnd(c, k.to);
        int year = c.storyYear();
        if (c.state.pastListHeading >= 0) {
            k.modality = Modality.HISTORICAL; // "Organisers' figure: 500,000," under "July 2003: Protest against ...:"
            return;
        }
        if (year > 0 && (oldYear(c, from, to, k.figureTo, year, k) || relativeToOld(c, from, year, k))) {
            k.modality = Modality.HISTORICAL;
            return;
        }
        if (otherNamedEvent(c, from, to) || earlierThanTheSentence(c, k.figureFrom) || surpassed(c, k.figureFrom, k.figureTo)) {
            k.modality = Modality.HISTORICAL;
            return;
        }
        if (indefinitePresent(c, from, k.figureFrom)) {
            k.modality = Modality.GENERIC;
            return;
        }
        String cue = null;
        for (int i = from; i < k.figureFrom && cue == null; i++) {
            cue = cueAt(BEFORE, t, i, k.figureFrom);
            if (Modality.PROJECTED.wireName().equals(cue) && k.asOf != null && i + 1 < k.figureFrom
                    && WordClasses.is(t.get(i), "definite-futures") && t.get(i + 1).isWord()
                    && WordClasses.of("price-verbs").contains(t.get(i + 1).verbLemma())) {
                cue = null; // "said in 2020 that it would cost about 615 crore": the price estimated then, of its time
            }
        }
        for (int i = k.figureTo; i < to && cue == null; i++) {
            if (t.get(i).pos("CCONJ") && i + 1 < to && (t.get(i + 1).pos("DET") || t.get(i + 1).pos("PRON")
                    || t.get(i + 1).pos("PROPN") || t.get(i + 1).pos("SCONJ") || t.get(i + 1).pos("AUX"))) {
                break; // "pulled $42 billion and the bank expected more", "sold bonds at a loss of $1.8 billion and
                       // would try to raise": the next clause's cue is not this figure's
            }
            cue = cueAt(AFTER, t, i, to);
        }
        if (cue == null) {
            return;
        }
        switch (cue) {
            case "projected" -> k.modality = Modality.PROJECTED;
            case "hypothetical" -> k.modality = Modality.HYPOTHETICAL;
            case "generic" -> k.modality = Modality.GENERIC;
            case "historical" -> k.modality = Modality.HISTORICAL;
            case "requested" -> k.modality = Modality.REQUESTED;
            case "passing" -> {
                if (k.kind == ClaimKind.QUANTITY) {
                    k.modality = Modality.HYPOTHETICAL;
                    k.unreadReason = "passing state";
                }
            }
            default -> throw new IllegalStateException("modality-cues.txt: unknown modality " + cue);
        }
    }

    /**
     * The end of a date's clause before a subordinate clause ("raced into Lahaina on Tuesday ... as Hurricane Dora
     * passed to the south"): another event named there is a circumstance, not what the date is of.
     */
    private static int beforeSubordinate(SentenceContext c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (c.t.get(i).pos("SCONJ") || TIME_CONJUNCTIONS.contains(c.t.get(i).lower())) {
                return i;
            }
        }
        return to;
    }

    /**
     * Whether a projection or a supposition cue stands in tokens [from, to) ("could", "is expected to", "if"): what
     * follows is not what happened.
     */
    static boolean irrealis(SentenceContext c, int from, int to) {
        for (int i = from; i < to; i++) {
            String cue = cueAt(BEFORE, c.t, i, to);
            if ("projected".equals(cue) || "hypothetical".equals(cue)) {
                return true;
            }
        }
        return false;
    }

    private static String cueAt(PhraseMatcher<String> cues, List<Token> t, int i, int limit) {
        if (!t.get(i).isWord()) {
            return null;
        }
        PhraseMatcher.Match<String> m = cues.match(t, i);
        if (m == null || m.end() > limit) {
            return null;
        }
        Token first = t.get(i);
        if (LOWER_ONLY.contains(first.lower()) && first.capitalized()) {
            return null;
        }
        return m.value();
    }

    /**
     * A date of an event by its kind alone ({@code date:-:earthquake}, "the quake struck in 2015"): the story's event
     * when recent, another one of its kind when years old. Dates of named things ("the deal was signed in 2021") stay
     * claims whatever their year when the date rule's listed verbs give them; a date an ad hoc verb gives years
     * before publication is background (see EventDates).
     */
    private static boolean eventOnly(Candidate k) {
        return k.key.parts().size() == 2 && k.key.parts().get(0).equals(dev.crosscheck.claim.ClaimKey.NONE);
    }

    /** A date value ("2015", "2015-04-25", "2015-W17") of a year two or more years before publication. */
    static boolean oldDate(String value, LocalDate published) {
        if (published == null || value == null || value.length() < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(value.substring(0, 4)) <= published.getYear() - 2;
    }

    /** A year in tokens [from, to) two or more years before {@code year}. */
    private static boolean oldYear(SentenceContext c, int from, int to, int figureTo, int year, Candidate k) {
        for (int i = from; i < to; i++) {
            if (i >= figureTo && WordClasses.is(c.t.get(i), "comparison-links")) {
                break; // "59.9%, down from 67.3% in 2019", "fewer than it received in 2019": the year of what the
                       // figure is compared with
            }
            int y = TimeRules.year(c.t.get(i));
            if (y > 0 && y <= year - 2 && !(i > 0 && SINCE.contains(c.t.get(i - 1).lower()))) {
                if (k != null && estimateYear(c, i, k)) {
                    // "Sivan put the cost at Rs 615 crore in 2020": when the estimate was given, not a past event
                    estimatedIn(k, y, i);
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the year at token i is when a figure of no event was given: the figure is a quantity keyed by no verb of
     * its own (a cost, a value: "put the total cost at Rs 615 crore", "would cost about 615 crore") and the year goes
     * with the verb of saying ("said in 2020 that", "In 2020, Sivan put the cost at", "put it at Rs 615 crore in
     * 2020"). A count of what happened keeps its year: "officials said in 2015 that 9,000 had died" is background.
     */
    private static boolean estimateYear(SentenceContext c, int i, Candidate k) {
        if (k.kind != ClaimKind.QUANTITY) {
            return false;
        }
        String predicate = k.key.last();
        if (!predicate.equals(dev.crosscheck.claim.ClaimKey.NONE)) {
            LemmaLexicon.Entry cls = FigureFrames.PREDICATES.named(predicate);
            cls = cls != null ? cls : FigureFrames.PREDICATES.of(predicate);
            if (cls == null || !cls.has("report")) {
                return false; // "the 1934 quake killed 8,500": what happened that year
            }
        }
        if (i >= 2 && c.reportEnds[i - 1]) {
            return true; // "said in 2020 that"
        }
        int verb = -1;
        if (i < k.figureFrom) {
            for (int j = i + 1; j < k.figureFrom && verb < 0; j++) {
                verb = anyVerb(c, j) ? j : -1; // "In 2020, Sivan put the cost at": the first verb after the year
            }
        } else {
            for (int j = k.figureFrom - 1; j > Math.max(0, k.figureFrom - GOVERNING_VERB_REACH) && verb < 0; j--) {
                if (!c.t.get(j).isWord()) {
                    return false; // "counted, down from 67.3% in 2019": the figure's own verb is right before it
                }
                verb = anyVerb(c, j) ? j : -1; // "put it at Rs 615 crore in 2020": the verb of the figure
            }
            for (int j = k.figureTo; j < i; j++) {
                if (anyVerb(c, j)) {
                    return false; // "put it at X after the mission launched in 2019": another verb's year
                }
            }
        }
        return verb >= 0 && reportVerb(c, verb);
    }

    /**
     * Marks a figure as an estimate of the year written at token {@code at}: it refers to that year, and it is compared
     * as a running figure, with the values of its time only (a 2019 estimate and the final cost are two moments, not a
     * contradiction).
     */
    private static void estimatedIn(Candidate k, int year, int at) {
        k.asOf = String.valueOf(year);
        k.asOfFrom = at;
        k.asOfTo = at + 1;
        k.running = true;
    }

    /** The most tokens between a figure and the verb that gives it: "put the total cost at". */
    private static final int GOVERNING_VERB_REACH = 6;

    private static boolean anyVerb(SentenceContext c, int j) {
        return c.verbAt[j] >= 0 || c.t.get(j).pos("VERB");
    }

    /** A verb of saying: a reporting verb ("said") or a verb that reports a figure ("put ... at": predicates.txt). */
    private static boolean reportVerb(SentenceContext c, int j) {
        if (c.verbAt[j] >= 0) {
            return c.verbs.get(c.verbAt[j]).cls() == EventVerbs.Cls.REPORT;
        }
        LemmaLexicon.Entry cls = FigureFrames.PREDICATES.of(c.t.get(j).verbLemma());
        return cls != null && cls.has("report");
    }

    /**
     * A figure of a past perfect that describes something before the sentence's own event: "Truss lost the seat by 630
     * votes, a seat she had held with a majority of more than 26,000". The past perfect's subject is a pronoun or a
     * relative ("she had held", "which it had won"), and a verb in the past, not a citation, comes before it in the
     * sentence with no time conjunction between ("after it had burned 2,000 acres" is the event's own past). Reported
     * speech is not anterior ("officials said 93 people had died").
     */
    /** Words at most in a paragraph that lists a heading's figures ("Organisers' figure: 500,000,"). */
    private static final int LIST_ITEM_WORDS = 12;

    /**
     * Keeps {@code pastListHeading} for a sentence about to be read: a heading is a paragraph that opens with a year two
     * or more years before the story's and ends with a colon ("July 2003: Protest against the security law:"); the
     * list under it is the short one-sentence paragraphs that follow, and it ends at the first other paragraph.
     */
    static void followPastList(SentenceContext c) {
        DocumentState state = c.state;
        int paragraph = c.sentence.paragraph();
        if (state.pastListHeading >= 0 && paragraph > state.pastListHeading) {
            int words = 0;
            for (Token w : c.t) {
                words += w.isWord() || w.isNumber() ? 1 : 0;
            }
            if (words > LIST_ITEM_WORDS || paragraph == state.pastListItem) {
                state.pastListHeading = -1; // a longer paragraph, or one of two sentences: the list is over
            } else {
                state.pastListItem = paragraph;
            }
        }
        String text = c.sentence.text().strip();
        if (text.endsWith(":") && c.storyYear() > 0) {
            // the heading opens with the year: "July 2003: Protest against ...:", "2015:"
            for (int i = 0; i < Math.min(c.t.size(), HEADING_YEAR_WITHIN); i++) {
                int y = TimeRules.year(c.t.get(i));
                if (y > 0 && y <= c.storyYear() - 2) {
                    state.pastListHeading = paragraph;
                    state.pastListItem = -1;
                    return;
                }
            }
        }
    }

    /** How near its start a past list's heading names its year ("July 2003:", "In March 2011:"). */
    private static final int HEADING_YEAR_WITHIN = 3;

    /**
     * A known figure the story's is measured against: "it surpassed the 8,800 killed in a quake in 2015", "exceeding
     * the 1,800 who died in Katrina" (a verb of surpassing, then "the" and the figure).
     */
    private static boolean surpassed(SentenceContext c, int figure, int figureEnd) {
        if (figure < 2 || !WordClasses.is(c.t.get(figure - 1), "definite-determiners") || !c.t.get(figure - 2).isWord()
                || !WordClasses.of("surpass-verbs").contains(c.t.get(figure - 2).verbLemma())) {
            return false;
        }
        // the figure is described as another's: "the 8,800 killed in", "the 1,800 who died" ("surpassed the 50,000
        // mark" and "outnumbered the 300 police officers deployed" are the story's)
        for (int k = figureEnd; k < Math.min(c.t.size(), figureEnd + 2); k++) {
            Token w = c.t.get(k);
            if (RELATIVES.contains(w.lower()) || w.isWord() && FigureFrames.PREDICATES.of(w.verbLemma()) != null
                    && FigureFrames.PREDICATES.of(w.verbLemma()).has("person")) {
                return true;
            }
        }
        return false;
    }

    private static boolean earlierThanTheSentence(SentenceContext c, int figure) {
        List<Token> t = c.t;
        int had = -1;
        for (int i = figure - 1; i > 0 && i >= figure - 8; i--) {
            Token w = t.get(i);
            if (w.lower().equals(PAST_PERFECT) && i + 1 < t.size() && t.get(i + 1).pos("VERB")
                    && (t.get(i - 1).pos("PRON") || RELATIVES.contains(t.get(i - 1).lower()))) {
                had = i;
                break;
            }
        }
        if (had < 0) {
            return false;
        }
        LemmaLexicon.Entry perfect = FigureFrames.verbPredicate(t.get(had + 1));
        if (perfect != null && perfect.has("running")) {
            return false; // "arrested a man who had killed 12 people": the story's toll all the same
        }
        for (int i = had - 2; i >= Math.max(0, had - 2 * SentenceContext.WINDOW); i--) {
            Token w = t.get(i);
            if (TIME_CONJUNCTIONS.contains(w.lower()) || c.verbAt[i] >= 0
                    && c.verbs.get(c.verbAt[i]).cls() == EventVerbs.Cls.REPORT) {
                return false;
            }
            LemmaLexicon.Entry cls = FigureFrames.verbPredicate(w);
            if (cls != null && cls.has("report")) {
                return false;
            }
            if (w.pos("VERB") && !w.lower().equals(w.verbLemma()) && !WordClasses.endsWithAny(w, "participle-endings")
                    && !(i > 0 && AUXILIARIES.contains(t.get(i - 1).lower()))) {
                return true; // "lost": a simple past before the past perfect
            }
        }
        return false;
    }

    /** A relative clause ("…, which killed 453 people") of a clause that names an old year. */
    private static boolean relativeToOld(SentenceContext c, int from, int year, Candidate k) {
        if (from < 1) {
            return false;
        }
        Token b = c.t.get(from - 1);
        if (!RELATIVES.contains(b.lower())) {
            return false;
        }
        int y = from - 2 >= 0 && c.t.get(from - 2).is(",") ? from - 3 : from - 2;
        if (y >= 0 && TimeRules.year(c.t.get(y)) > 0 && TimeRules.year(c.t.get(y)) <= year - 2) {
            if (y >= 2 && c.reportEnds[y - 1] && estimateYear(c, y, k)) {
                estimatedIn(k, TimeRules.year(c.t.get(y)), y);
                return false; // "Sivan said in 2020 that it would cost": when the estimate was given
            }
            return true; // "the largest since 1989, when over a million people protested": what that old year saw
        }
        int before = c.clauseStart(from - 1);
        return oldYear(c, before, from - 1, from - 1, year, null);
    }

    /**
     * An explainer: the figure's clause says what any thing of a kind has, its subject an indefinite noun phrase, its
     * verb a present of having or being and the figure that of a noun ("a Category 4 hurricane has sustained winds of
     * 130 to 156 mph"). A perfect ("a quake has killed 2,000"), an event verb in a headline's present ("a quake kills
     * 2,300") or a figure without its noun ("a man is among 23 people killed") tells an event.
     */
    private static boolean indefinitePresent(SentenceContext c, int from, int figure) {
        List<Token> t = c.t;
        for (int s = from; s < figure; s++) {
            Token a = t.get(s);
            if (!WordClasses.is(a, "explainer-determiners")) {
                continue;
            }
            int v = s + 1;
            while (v < figure && v < s + 6 && (t.get(v).pos("NOUN") || t.get(v).pos("ADJ") || t.get(v).pos("PROPN")
                    || t.get(v).pos("NUM") || t.get(v).is("-"))) {
                v++;
            }
            if (v == s + 1 || v >= figure) {
                return false;
            }
            if (!WordClasses.is(t.get(v), "present-linking-verbs")) {
                return false; // "a quake kills 2,300": a headline's present tells an event
            }
            // what any such thing has: "has (sustained) winds of 130 to 156 mph"; "is among 23 people killed" is not
            int n = v + 1;
            if (n < figure && WordClasses.is(t.get(n), "participle-adjectives")) {
                n++;
            }
            int noun = n;
            while (noun < figure && noun < n + 3 && (t.get(noun).pos("NOUN") || t.get(noun).pos("ADJ"))) {
                noun++;
            }
            return noun > n && noun < figure && WordClasses.is(t.get(noun), "partitive-links") && noun + 1 <= figure;
        }
        return false;
    }

    /** An event named with a proper name other than the story's own ("Hurricane Katrina", "the Camp Fire"). */
    private static boolean otherNamedEvent(SentenceContext c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (c.headAt[i] < 0) {
                continue;
            }
            Heads.Head h = c.heads.get(c.headAt[i]);
            String name = eventName(c, h);
            if (name != null && h.event() && c.state.mainEventName != null && !name.equals(c.state.mainEventName)) {
                return true;
            }
            i = h.end() - 1;
        }
        return false;
    }

    /** The proper name of an event head ("Katrina" of "Hurricane Katrina", "camp" of "the Camp Fire"), or null. */
    static String eventName(SentenceContext c, Heads.Head h) {
        List<Token> t = c.t;
        if (!t.get(h.start()).capitalized()) {
            return null; // "the fire", "a quake": a name is written with capitals ("Hurricane Ian", "the Camp Fire")
        }
        for (int k = h.end(); k < Math.min(t.size(), h.end() + 3) && t.get(k).isWord() && t.get(k).capitalized(); k++) {
            if (WordClasses.is(t.get(k), "body-words")) {
                return null; // "the National Hurricane Center": a body's name, no event
            }
        }
        if (h.end() < t.size() && t.get(h.end()).isWord() && t.get(h.end()).capitalized()
                && !FigureFrames.commonWord(t.get(h.end()))) {
            return t.get(h.end()).lower();
        }
        if (h.start() > 0 && t.get(h.start() - 1).isWord() && t.get(h.start() - 1).capitalized()
                && !FigureFrames.commonWord(t.get(h.start() - 1)) && c.actorAt[h.start() - 1] < 0) {
            return t.get(h.start() - 1).lower();
        }
        return null;
    }
}
