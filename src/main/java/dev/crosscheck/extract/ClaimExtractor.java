package dev.crosscheck.extract;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Coverage;
import dev.crosscheck.claim.Modality;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.Section;
import dev.crosscheck.document.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extracts every checkable claim of a document and says which of its figures it could not read. Thread-safe; word
 * lists, rules and models are loaded once.
 *
 * <p>Each body or caption sentence is read in three stages (a headline only for its counts and quantities: its
 * present tense tells no day; it also names the story's main event):
 * <ol>
 *   <li><b>rules</b> make claim frames ({@link Candidate}) per dimension, in order: dates of events, durations, figures
 *       (counts and quantities, {@link FigureFrames}), participants, quotes, statements. A rule takes the tokens it
 *       used, so a magnitude is not also a count;</li>
 *   <li><b>enrichers</b> add to every frame of every kind its scope ({@link Scopes}), attribution
 *       ({@link Attributions}), the time it refers to ({@link TimesReferred}) and its modality ({@link Modalities});</li>
 *   <li>the <b>resolver</b> makes a claim of each frame that states what happened (asserted or negated) or what is
 *       projected; a historical, hypothetical, generic or requested frame becomes an unread figure with that reason.
 *       In one sentence a second figure of the same key, authority and modality is a reference value ("won 49.5% of
 *       the vote, short of the 50% needed"), not a second version of the fact.</li>
 * </ol>
 * The figure finder ({@link FigureFinder}) then checks the sentence's figures against the claims: each is claimed, or
 * listed as unread with the reason of the frame it was part of, or "not understood".
 * Sentences are read in document order so that a later "the quake hit at 11:56 a.m." can take its day from an earlier
 * sentence, and "the agency said" names the authority cited before.
 */
public final class ClaimExtractor {

    /**
     * A document's claims, how much of it they cover, and the places where its main event happened (the ids of the
     * scopes that are the whole event's: "36 deaths in Lahaina" in a story of the Lahaina fire).
     */
    public record Extraction(List<Claim> claims, Coverage coverage, java.util.Set<String> eventPlaces) {
    }

    public List<Claim> extract(Document document) {
        return analyze(document).claims();
    }

    /**
     * Loads the part-of-speech and lemma models and runs them on a sentence, so that a snapshot taken after this (a
     * SnapStart checkpoint) or a warm-up leaves no model to read on the first article.
     */
    public static void prime() {
        Tagger.prime();
    }

    /** See {@link DocumentState#storyYear}. */
    static int storyYear(Document document) {
        if (document.published() == null) {
            return 0;
        }
        int cap = document.published().getYear();
        return SentenceContext.UPLOAD_TIME.equals(document.publishedFrom()) ? document.latestYearNamed(cap) : cap;
    }

    public Extraction analyze(Document document) {
        DocumentState state = new DocumentState();
        state.storyYear = storyYear(document);
        state.mainEvent = mainEvent(document);
        List<List<Token>> lead = lead(document);
        state.eventPlaces = Scopes.eventPlaces(lead, state.mainEvent);
        List<List<Token>> opening = headlineAndLead(document, lead);
        state.storyCountry = Scopes.firstCountry(opening);
        state.storyRegion = Scopes.firstRegion(opening);
        int clockLines = 0;
        for (Sentence s : document.sentences()) {
            clockLines += s.text() != null && Sentence.clockTimeOnly(s.text()) ? 1 : 0;
        }
        state.clockStamps = clockLines >= 2; // "18:04" over an entry, again and again: a live blog (not one clip's "02:31")
        CoverageBuilder coverage = new CoverageBuilder();
        for (Sentence s : document.sentences()) {
            if (s.text() == null || s.text().isBlank()) {
                continue;
            }
            SentenceContext c = new SentenceContext(document, s, state);
            CompanyParents.remember(c);
            if (s.section() == Section.HEADLINE) {
                headline(c, coverage);
                continue;
            }
            mainEventName(c);
            Modalities.followPastList(c);
            if (TimesReferred.entryStamp(c)) {
                // "Tue, Aug 15, 9:40 p.m. HST" over a live blog's entry: the time its figures refer to, read as such
                for (FigureFinder.Figure f : FigureFinder.find(c)) {
                    coverage.add(c, f, true, null);
                }
                continue;
            }
            DateClaims.apply(c);
            EventDates.apply(c);
            Durations.apply(c);
            Durations.spans(c);
            Durations.intervals(c);
            FigureFrames.apply(c);
            Participants.apply(c);
            Quotes.apply(c);
            Statements.apply(c);
            enrich(c);
            resolve(c, coverage);
            state.previousTokens = c.t; // what "it" in the next sentence may refer to
            remember(c);
            state.lastExclaimed = s.text().strip().endsWith("!");
            state.lastLead = breakingLead(s.text());
            state.lastParagraph = s.paragraph();
        }
        Occurrences.qualifyByDocument(state.claims); // "the protest was organised on June 9": its crowd's day
        return new Extraction(List.copyOf(state.claims), coverage.build(), java.util.Set.copyOf(state.eventPlaces));
    }

    /**
     * A headline's counts and quantities ("Maui fire toll climbs to 93"): the figure rule and the enrichers only, for a
     * headline's verbs are in the present whatever they tell, so it dates nothing; what it gives is claimed like the
     * body's, and its figures are listed in the coverage.
     */
    private static void headline(SentenceContext c, CoverageBuilder coverage) {
        FigureFrames.apply(c);
        c.candidates.removeIf(k -> k.kind != ClaimKind.COUNT && k.kind != ClaimKind.QUANTITY);
        enrich(c);
        boolean reported = false;
        for (EventVerbs.Verb v : c.verbs) {
            reported |= v.cls() == EventVerbs.Cls.REPORT;
        }
        for (Candidate k : c.candidates) {
            k.asOf = null; // a headline's present is no time, and its date is no figure read
            k.asOfFrom = -1;
            k.asOfTo = -1;
            if (!reported) {
                k.attribution = null; // "Odisha train accident: Death toll revised to 275": a kicker cites no one
            }
        }
        resolve(c, coverage);
    }

    /** The enrichers, over every frame of the sentence. */
    private static void enrich(SentenceContext c) {
        if (c.candidates.isEmpty()) {
            return;
        }
        // citations are read for figures (counts, quantities, durations); a sentence with only a date, a quote or a
        // statement is not tagged for them
        boolean figures = false;
        for (Candidate k : c.candidates) {
            figures |= k.kind == ClaimKind.COUNT || k.kind == ClaimKind.QUANTITY || k.kind == ClaimKind.DURATION;
        }
        Attributions.Citations citations = new Attributions.Citations(c,
                figures ? Attributions.find(c.tagged()) : List.of());
        TimesReferred.Times times = new TimesReferred.Times(c);
        for (Candidate k : c.candidates) {
            Scopes.enrich(c, k);
            Attributions.enrich(k, citations);
            Scopes.byAuthority(c, k);
            TimesReferred.enrich(c, k, times);
            Modalities.enrich(c, k);
        }
        Scopes.wholesOfParts(c.candidates);
        Scopes.ofPlacedEvent(c.candidates);
        for (Candidate k : c.candidates) {
            if (k.partOfCounted && k.scopeId == null) {
                k.unreadReason = REFERENCE_VALUE; // "99 died; a dozen of them were children": no part of the toll
            }
        }
        for (Candidate k : c.candidates) {
            if (k.scopeId != null) {
                k.key = k.key.withScope(k.scopeId);
            }
        }
    }

    /** Claims of the frames that state what happened or is projected; unread figures for the others. */
    private static void resolve(SentenceContext c, CoverageBuilder coverage) {
        List<FigureFinder.Figure> figures = FigureFinder.find(c);
        String[] reasons = new String[figures.size()];
        boolean[] claimed = new boolean[figures.size()];
        int[] figureAt = new int[c.t.size()];
        java.util.Arrays.fill(figureAt, -1);
        for (int f = 0; f < figures.size(); f++) {
            for (int k = figures.get(f).start(); k < figures.get(f).end(); k++) {
                figureAt[k] = f;
            }
        }
        Set<String> keysHere = new HashSet<>();
        Candidate[] quantityEndingAt = quantityEnds(c);
        Set<Candidate> conversions = conversions(c, quantityEndingAt);
        for (Candidate k : c.candidates) {
            String reason = null;
            Candidate restated = conversions.contains(k) ? quantityEndingAt[k.figureFrom - 1] : null;
            if (k.running && retracted(c, k)) {
                k.superseded = true; // "initially said 12 people died, but later raised the toll": an earlier point
            }
            Occurrences.qualify(c, k); // "at an earlier march, on June 9, ... 1.03 million": that march's crowd
            boolean otherCurrency = restated != null && Units.currency(unitOf(k.value))
                    && Units.currency(unitOf(restated.value));
            if (otherCurrency) {
                // "CHF 3 billion ($3.24 million)": the same amount in another currency is the amount's claim too, so
                // that outlets that give it only in that currency are compared with it (and a slip in it is seen)
                k.key = restated.key;
                k.subject = restated.subject;
                k.attribution = restated.attribution;
                k.modality = restated.modality;
                k.scopeId = restated.scopeId;
                k.scopeLabel = restated.scopeLabel;
            }
            if (restated != null && !otherCurrency) {
                reason = CONVERSION;
            } else if (!otherCurrency && k.unreadReason != null) {
                reason = k.unreadReason;
            } else if (!k.modality.factual() && !(k.modality == Modality.PROJECTED && projectable(k))) {
                reason = k.modality.wireName();
            } else if (!k.running && retracted(c, k)) {
                reason = RETRACTED;
            } else if (!otherCurrency && (k.kind == ClaimKind.COUNT || k.kind == ClaimKind.QUANTITY)
                    && !keysHere.add(k.key.format() + '\u0000' + k.attribution + '\u0000' + k.modality + k.superseded)) {
                reason = REFERENCE_VALUE;
            }
            if (reason == null) {
                c.state.add(c.claim(k));
            }
            mark(figureAt, k.figureFrom, k.figureTo, claimed, reasons, reason);
            if (reason == null && k.dayFrom >= 0) {
                mark(figureAt, k.dayFrom, k.dayTo, claimed, reasons, null); // the day of the date's time of day
            }
            if (reason == null && k.asOfFrom >= 0) {
                mark(figureAt, k.asOfFrom, k.asOfTo, claimed, reasons, null); // the date the figure refers to
            }
            if (reason == null && k.occurrenceFrom >= 0) {
                mark(figureAt, k.occurrenceFrom, k.occurrenceTo, claimed, reasons, null); // the day of its occurrence
            }
        }
        java.util.Map<Integer, Integer> reportDates = TimesReferred.reportDates(c);
        for (int f = 0; f < figures.size(); f++) {
            FigureFinder.Figure fig = figures.get(f);
            String reason = reasons[f] != null ? reasons[f]
                    : reportDates.getOrDefault(fig.start(), -1) == fig.end() ? REPORT_DATE
                    : !claimed[f] && bracketedAfterQuantity(c, fig, quantityEndingAt) ? CONVERSION : "not understood";
            coverage.add(c, fig, claimed[f], reason);
        }
    }

    /**
     * Why a figure in brackets after a quantity in other units of its dimension ("7 km (4.3 miles)") is no claim of its
     * own; an amount in another currency ("£6.7bn ($8.1bn)") is a claim of the same key instead.
     */
    static final String CONVERSION = "conversion";

    /**
     * Quantities that restate the quantity right before them in other units, in brackets and alone there: "at a depth
     * of 18 kilometres (11 miles)", "winds of 150mph (240km/h)", "CHF 3 billion ($3.24 billion)". The first is the
     * claim; the one in brackets says the same in other units (in another currency, it is claimed under the same key).
     */
    private static Set<Candidate> conversions(SentenceContext c, Candidate[] quantityEndingAt) {
        Set<Candidate> out = new HashSet<>();
        for (Candidate k : c.candidates) {
            boolean bracketed = k.figureFrom >= 2 && c.t.get(k.figureFrom - 1).is("(") && k.figureTo < c.t.size()
                    && c.t.get(k.figureTo).is(")");
            // "615 crore rupees, roughly $75 million.": an amount alone after a comma says the one before again
            boolean apposed = k.from >= 2 && FigureFrames.appositionEnds(c.t, k.from - 1, k.to);
            if (k.kind != ClaimKind.QUANTITY || !bracketed && !apposed) {
                continue;
            }
            Candidate before = quantityEndingAt[bracketed ? k.figureFrom - 1 : k.from - 1];
            if (before != null && before != k && !unitOf(before.value).equals(unitOf(k.value))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Per token, the quantity frame whose figure ends right before it ("18 kilometres" before "("), or null. */
    private static Candidate[] quantityEnds(SentenceContext c) {
        Candidate[] out = new Candidate[c.t.size() + 1];
        for (Candidate k : c.candidates) {
            if (k.kind == ClaimKind.QUANTITY && k.figureTo >= 0 && k.figureTo <= c.t.size()) {
                out[k.figureTo] = k;
            }
        }
        return out;
    }

    /** A figure alone in brackets right after a quantity's or a time's figure: "18 kilometres (11 miles)", "2.05pm (7.05pm BST)". */
    private static boolean bracketedAfterQuantity(SentenceContext c, FigureFinder.Figure fig,
                                                  Candidate[] quantityEndingAt) {
        int open = fig.start() - 1;
        if (open >= 1 && !c.t.get(open).is("(") && !c.t.get(open).isWord() && c.t.get(open - 1).is("(")) {
            open--; // "($8.1bn)": a currency sign before the number
        }
        if (open < 1 || !c.t.get(open).is("(")) {
            return false;
        }
        int close = fig.end();
        while (close < c.t.size() && close < fig.end() + 3 && c.t.get(close).isWord()) {
            close++; // the unit: "(11 miles)"
        }
        return close < c.t.size() && c.t.get(close).is(")") && (quantityEndingAt[open] != null || timeBefore(c, open));
    }

    /** Whether a date frame's time of day ends right before token {@code open}, or a zone's words after it do. */
    private static boolean timeBefore(SentenceContext c, int open) {
        for (Candidate k : c.candidates) {
            if (k.kind == ClaimKind.DATE && k.figureTo <= open && open - k.figureTo <= 2) {
                boolean words = true;
                for (int i = k.figureTo; i < open; i++) {
                    words &= c.t.get(i).isWord(); // "at 2.05pm local time (7.05pm BST)"
                }
                if (words) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The unit of a quantity's value ("11 mi" is mi). */
    private static String unitOf(String value) {
        int space = value == null ? -1 : value.lastIndexOf(' ');
        return space < 0 ? "" : value.substring(space + 1);
    }

    /** Why a figure that stands beside the one claimed, or is an unplaced part of it, is no claim of its own. */
    static final String REFERENCE_VALUE = "reference value";

    /** Why a date that only says when a source spoke ("officials said on Monday") is no claim. */
    static final String REPORT_DATE = "date of the report";
    /** A figure its speaker took back: "He initially said the meeting lasted four hours, but later said ...". */
    static final String RETRACTED = "retracted";

    /**
     * Whether the figure is what someone said at first and then corrected: a reporting verb of events.txt right after
     * a word of retraction-cues ("initially said", "had originally put") before the figure, and a correction after it
     * in its segment of the sentence, after a contrast (correction-contrasts, correction-cues: "but later said"). A
     * running figure's earlier value is a point of its series instead (superseded).
     */
    static boolean retracted(SentenceContext c, Candidate k) {
        List<Token> t = c.t;
        boolean cited = false;
        for (int i = k.figureFrom - 1; i >= Math.max(1, k.figureFrom - SentenceContext.WINDOW); i--) {
            if (c.verbAt[i] >= 0 && c.verbs.get(c.verbAt[i]).cls() == EventVerbs.Cls.REPORT
                    && c.verbs.get(c.verbAt[i]).start() == i) {
                cited = WordClasses.is(t.get(i - 1), "retraction-cues");
                break;
            }
        }
        if (!cited) {
            return false;
        }
        boolean contrast = false;
        for (int i = k.figureTo; i < t.size(); i++) {
            if (WordClasses.is(t.get(i), "correction-contrasts")) {
                contrast = true; // "..., but later said"
            } else if (WordClasses.is(t.get(i), "segment-ends")) {
                return false; // "Police initially said 300; organisers later said 2,000": another speaker's figure
            } else if (contrast && WordClasses.is(t.get(i), "correction-cues")) {
                return true;
            }
        }
        return false;
    }

    /** Marks the figures over tokens [from, to) claimed, or unread for the reason (the first reason stays). */
    private static void mark(int[] figureAt, int from, int to, boolean[] claimed, String[] reasons, String reason) {
        for (int k = Math.max(0, from); k < Math.min(figureAt.length, to); k++) {
            int f = figureAt[k];
            if (f < 0) {
                continue;
            }
            if (reason == null) {
                claimed[f] = true;
            } else if (reasons[f] == null) {
                reasons[f] = reason;
            }
        }
    }

    /** Counts and quantities may be projected claims; a projected date or duration is read by its own rules. */
    private static boolean projectable(Candidate k) {
        return k.kind == ClaimKind.COUNT || k.kind == ClaimKind.QUANTITY;
    }

    /**
     * The story's main event: the natural or physical event its lead names (the first body sentence that names one: a
     * headline about aftershocks still leads a story of the earthquake), else the one named most often; null when the
     * document names none.
     */
    private static String mainEvent(Document document) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Sentence s : document.sentences()) {
            if (s.text() == null || s.text().isBlank()) {
                continue;
            }
            List<Token> t = Tokenizer.tokenize(s.text(), s.start());
            String first = null;
            for (Heads.Head h : Heads.find(t)) {
                if (h.event()) {
                    if (s.section() != Section.HEADLINE) {
                        first = h.name();
                        break;
                    }
                    counts.merge(h.name(), 1, Integer::sum);
                }
            }
            if (s.section() != Section.HEADLINE) {
                if (first != null) {
                    return first; // the sentence's own event noun: "Idalia slammed into the coast as a hurricane"
                }
                // "Twelve days after it touched down near the Moon's south pole, ...": a verb in a past form that tells
                // an event happening names it as well as its noun does ("lands" may be a noun)
                for (int i = 0; i < Math.min(t.size(), LEAD_WORDS); i++) {
                    Token w = t.get(i);
                    if (w.isWord() && pastForm(w)) {
                        String event = EventDates.realizedEvent(t, i);
                        if (event != null) {
                            return event;
                        }
                    }
                }
            }
        }
        return counts.isEmpty() ? null : counts.keySet().iterator().next();
    }

    private static final java.util.Set<String> PAST_SUFFIXES = WordClasses.of("past-form-suffixes");
    /** Sentences that lead breaking news in a live blog's entry ("It's over."), as an exclamation does. */
    private static final java.util.Set<String> BREAKING_LEADS = new HashSet<>(Lexicon.lines("breaking-leads.txt"));

    /** A word in a verb's past form ("touched", "collided"), by its ending: the lead is read before it is tagged. */
    private static boolean pastForm(Token w) {
        for (String suffix : PAST_SUFFIXES) {
            if (w.lower().endsWith(suffix) && w.lower().length() > suffix.length() + 2) {
                return true;
            }
        }
        return false;
    }

    /** How far into a sentence a verb or a country still opens the story (a lead sentence is shorter). */
    static final int LEAD_WORDS = 80;

    /** The tokens of a document's headline and first three body sentences. */
    private static List<List<Token>> headlineAndLead(Document document, List<List<Token>> lead) {
        List<List<Token>> out = new ArrayList<>();
        for (Sentence s : document.sentences()) {
            if (s.section() == Section.HEADLINE && s.text() != null) {
                out.add(Tokenizer.tokenize(s.text(), s.start()));
            }
        }
        out.addAll(lead);
        return out;
    }

    /** The tokens of a document's first three body sentences. */
    private static List<List<dev.crosscheck.extract.Token>> lead(Document document) {
        List<List<Token>> out = new ArrayList<>();
        for (Sentence s : document.sentences()) {
            if (s.section() == Section.BODY && s.text() != null && !s.text().isBlank()) {
                out.add(Tokenizer.tokenize(s.text(), s.start()));
                if (out.size() == 3) {
                    break;
                }
            }
        }
        return out;
    }

    /** The proper name of the main event ("ian" of "Hurricane Ian"), from the first sentence that gives it. */
    private static void mainEventName(SentenceContext c) {
        if (c.state.mainEventName != null || c.state.mainEvent == null) {
            return;
        }
        for (Heads.Head h : c.heads) {
            if (h.event() && h.name().equals(c.state.mainEvent)) {
                String name = Modalities.eventName(c, h);
                if (name != null) {
                    c.state.mainEventName = name;
                    return;
                }
            }
        }
    }

    /** The actor and natural event this sentence leaves behind for pronouns and bare "the epicentre" later on. */
    /** Whether a sentence is a lead of breaking news ("It's over."): a short one of breaking-leads.txt. */
    private static boolean breakingLead(String text) {
        if (text.length() > MAX_LEAD_LENGTH) {
            return false;
        }
        String lead = text.strip().toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
        int end = lead.length();
        while (end > 0 && (lead.charAt(end - 1) == '.' || lead.charAt(end - 1) == '!' || lead.charAt(end - 1) == ':')) {
            end--;
        }
        return BREAKING_LEADS.contains(lead.substring(0, end));
    }

    /** The longest lead of breaking-leads.txt, with room for spaces and its closing mark. */
    private static final int MAX_LEAD_LENGTH = 40;

    private static void remember(SentenceContext c) {
        Attributions.rememberNames(c);
        String subject = c.subjectOwner(c.t.size());
        if (subject != null && !subject.equals(SentenceContext.NOBODY)) {
            c.state.lastSubject = subject;
        }
        for (Gazetteer.Actor a : c.actors) {
            if (a.isPerson()) {
                c.state.lastPerson.put(a.country(), a.person());
            }
        }
        for (Heads.Head h : c.heads) {
            if (h.event()) {
                c.state.lastEvent = c.headName(h);
            }
        }
    }

    /** The figures of a document, claimed or not, and the unread ones with their sentences. */
    private static final class CoverageBuilder {
        private int figures;
        private int claimed;
        private final List<Coverage.Unread> unread = new ArrayList<>();

        void add(SentenceContext c, FigureFinder.Figure f, boolean isClaimed, String reason) {
            figures++;
            if (isClaimed) {
                claimed++;
                return;
            }
            if (unread.size() >= Coverage.MAX_UNREAD) {
                return;
            }
            int start = c.t.get(f.start()).start();
            int end = c.t.get(f.end() - 1).end();
            String sentence = c.sentence.text();
            String text = sentence.substring(start - c.sentence.start(), end - c.sentence.start());
            unread.add(new Coverage.Unread(text, around(sentence, start - c.sentence.start(), end - c.sentence.start()),
                    reason));
        }

        /** The sentence, cut around the figure when it is longer than the coverage keeps. */
        private static String around(String sentence, int from, int to) {
            int max = Coverage.MAX_QUOTE_CHARS;
            if (sentence.length() <= max) {
                return sentence;
            }
            int room = Math.max(0, max - (to - from));
            int s = Math.max(0, from - room / 2);
            int e = Math.min(sentence.length(), s + max);
            s = Math.max(0, e - max);
            return sentence.substring(s, e);
        }

        Coverage build() {
            return new Coverage(figures, claimed, unread);
        }
    }
}
