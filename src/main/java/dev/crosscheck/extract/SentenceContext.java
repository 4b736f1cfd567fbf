package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.Section;
import dev.crosscheck.document.Sentence;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One sentence under extraction: its tokens and the actors, heads, event verbs and date expressions found in
 * it, the tokens already taken by a claim, and the rules that decide who owns a thing (shared by all dimensions).
 */
final class SentenceContext {

    private static final Set<String> STOPWORDS = new HashSet<>(Lexicon.lines("stopwords.txt"));
    private static final Set<String> GENERIC_NAMES = new HashSet<>(Lexicon.lines("name-generics.txt"));
    private static final PhraseMatcher<Boolean> REQUESTS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Boolean> PHASES = new PhraseMatcher<>(false);

    static {
        for (String line : Lexicon.lines("request-cues.txt")) {
            REQUESTS.add(line, Boolean.TRUE);
        }
        for (String line : Lexicon.lines("phase-cues.txt")) {
            PHASES.add(line, Boolean.TRUE);
        }
    }

    /** Owner of a thing with no single owner, or with none named. */
    static final String NOBODY = "-";
    /** How far (in tokens) rules look around a word; bounds the work per number on very long sentences. */
    static final int WINDOW = 30;

    private static final Set<String> STOP = new HashSet<>(Lexicon.lines("stopwords.txt"));
    private static final Set<String> POSSESSIVE_PRONOUNS = new HashSet<>();
    private static final Set<String> SUBJECT_PRONOUNS = new HashSet<>();
    private static final PhraseMatcher<Boolean> COLLECTIVE = new PhraseMatcher<>(false);
    private static final Set<String> BOUNDARIES = new HashSet<>(Lexicon.lines("clause-boundaries.txt"));

    static {
        for (Lexicon.Entry e : Lexicon.entries("pronouns.txt")) {
            (e.head().equals("possessive") ? POSSESSIVE_PRONOUNS : SUBJECT_PRONOUNS).addAll(e.items());
        }
        for (String line : Lexicon.lines("collective.txt")) {
            COLLECTIVE.add(line, Boolean.TRUE);
        }
    }

    final Document doc;
    final Sentence sentence;
    final DocumentState state;
    final List<Token> t;
    final List<Gazetteer.Actor> actors;
    final List<Heads.Head> heads;
    final List<EventVerbs.Verb> verbs;
    /** Whether most of the sentence's words are capitalized (a headline in title case): then no word is a name's. */
    final boolean titleCase;
    final List<TimeRules.TimeMention> times;
    final boolean[] used;
    /** The days the sentence names that may be a one-off occurrence's (Occurrences), by first token; once looked up. */
    java.util.Map<Integer, Occurrences.Day> occurrenceDays;
    /** Index into {@link #verbs} of the verb starting at each token, or -1. */
    final int[] verbAt;
    /** reportEnds[k]: a reporting verb ("said") ends right before token k. */
    final boolean[] reportEnds;
    /** Actor index covering each token, or -1. */
    final int[] actorAt;
    /** Head index covering each token, or -1. */
    final int[] headAt;

    SentenceContext(Document doc, Sentence sentence, DocumentState state) {
        this.doc = doc;
        this.sentence = sentence;
        this.state = state;
        this.t = Tokenizer.tokenize(sentence.text(), sentence.start());
        this.actors = withoutDateline(t, Gazetteer.find(t));
        this.heads = Heads.find(t);
        this.titleCase = EventVerbs.titleCase(t);
        this.verbs = EventVerbs.find(t, titleCase);
        this.times = TimeRules.find(t);
        this.used = new boolean[t.size()];
        this.figureTokens = new boolean[t.size()];
        this.reportEnds = new boolean[t.size() + 1];
        this.verbAt = new int[t.size()];
        java.util.Arrays.fill(verbAt, -1);
        for (int v = 0; v < verbs.size(); v++) {
            verbAt[verbs.get(v).start()] = v;
        }
        for (EventVerbs.Verb v : verbs) {
            if (v.cls() == EventVerbs.Cls.REPORT) {
                reportEnds[v.end()] = true;
            }
        }
        this.actorAt = new int[t.size()];
        this.headAt = new int[t.size()];
        java.util.Arrays.fill(actorAt, -1);
        java.util.Arrays.fill(headAt, -1);
        for (int a = 0; a < actors.size(); a++) {
            for (int k = actors.get(a).start(); k < actors.get(a).end(); k++) {
                actorAt[k] = a;
            }
        }
        for (int h = 0; h < heads.size(); h++) {
            for (int k = heads.get(h).start(); k < heads.get(h).end(); k++) {
                headAt[k] = h;
            }
        }
        for (TimeRules.TimeMention m : times) {
            for (int k = m.start(); k < m.end(); k++) {
                used[k] = true;
            }
        }
    }

    /**
     * Drops actors in a dateline ("MOSCOW, March 22 (Wire) -", "KATHMANDU -"): the place a report was filed from
     * is not an actor of the sentence.
     */
    private static List<Gazetteer.Actor> withoutDateline(List<Token> t, List<Gazetteer.Actor> actors) {
        int k = 0;
        while (k < t.size() && t.get(k).isWord() && t.get(k).text().length() > 1
                && t.get(k).text().equals(t.get(k).text().toUpperCase(Locale.ROOT))) {
            k++;
        }
        if (k == 0 || k >= t.size() || !(t.get(k).is(",") || t.get(k).is(":") || t.get(k).is("-"))) {
            return actors;
        }
        int end = k;
        List<Gazetteer.Actor> out = new java.util.ArrayList<>(actors.size());
        for (Gazetteer.Actor a : actors) {
            if (a.start() >= end) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The date relative dates resolve against; null when the document's date is only its upload time: "on Sunday" in
     * an article of unknown date names no day, and is left unread rather than dated by when it was uploaded.
     */
    LocalDate published() {
        return UPLOAD_TIME.equals(doc.publishedFrom()) ? null : doc.published();
    }

    /** The year the story is told in (see {@link DocumentState#storyYear}); 0 when unknown. */
    int storyYear() {
        return state.storyYear;
    }

    /** The {@code publishedFrom} of a document dated only by its upload. */
    static final String UPLOAD_TIME = Document.PUBLISHED_FROM_UPLOAD;

    double baseConfidence() {
        return sentence.section() == Section.CAPTION ? 0.6 : 0.9;
    }

    // ---- owners -------------------------------------------------------------------------------------------

    /** Sentinel returned by {@link #npOwner} for "his own plan": the owner is the sentence's actor. */
    private static final String PRONOUN = "\u0000pronoun";

    /**
     * The owner named inside the noun phrase of a head: a possessive or an adjective before it ("China's plan",
     * "the Chinese plan", "a Kyiv-proposed plan"); null when the phrase names none.
     */
    String npOwner(Heads.Head h) {
        Set<String> found = new TreeSet<>();
        for (int k = h.start() - 1; k >= Math.max(0, h.start() - 8); k--) {
            Token tk = t.get(k);
            if (actorAt[k] >= 0) {
                Gazetteer.Actor a = actors.get(actorAt[k]);
                found.add(a.country());
                k = a.start();
                continue;
            }
            if (tk.kind() == Token.Kind.POSSESSIVE || tk.is("-") || tk.isNumber()) {
                continue;
            }
            if (tk.kind() == Token.Kind.PUNCT || STOP.contains(tk.lower())) {
                break;
            }
            if (POSSESSIVE_PRONOUNS.contains(tk.lower())) {
                return found.isEmpty() ? PRONOUN : one(found);
            }
            // a finite verb ("Xi discussed peace proposals") ends the phrase; "Kyiv-proposed" does not
            if (tk.lower().endsWith("ed") && !tk.capitalized() && !(k > 0 && t.get(k - 1).is("-"))) {
                break;
            }
        }
        return found.isEmpty() ? null : one(found);
    }

    /** The owner named in the head's own noun phrase (a pronoun resolved to the clause's actor), or null. */
    String npOwnerOrNull(Heads.Head h) {
        String np = npOwner(h);
        if (PRONOUN.equals(np)) {
            String s = subjectOwner(h.start());
            if (s == null) {
                pronounResolved = state.lastSubject != null;
                return state.lastSubject;
            }
            return s;
        }
        return np;
    }

    /** Owner of a head: its own noun phrase, the agent of a passive verb right after it, else the clause's actor. */
    String ownerOf(Heads.Head h) {
        String np = npOwner(h);
        if (np != null && !np.equals(PRONOUN)) {
            return np;
        }
        if (np == null) {
            for (int k = h.end(); k < Math.min(t.size(), h.end() + 5); k++) {
                if (verbAt[k] >= 0 && EventVerbs.passive(t, k)) {
                    String agent = agent(verbs.get(verbAt[k]));
                    if (agent != null) {
                        return agent;
                    }
                }
            }
        }
        String s = subjectOwner(h.start());
        if (s == null && np != null) {
            pronounResolved = state.lastSubject != null;
            s = state.lastSubject;
        }
        return s == null ? NOBODY : s;
    }

    /** The actor after "by" following a passive verb: "was presented by Ukrainian President Zelenskyy". */
    String agent(EventVerbs.Verb v) {
        int k = v.end();
        if (k < t.size() && t.get(k).is("by")) {
            Set<String> g = groupAt(k + 1);
            return g.isEmpty() ? null : one(g);
        }
        return null;
    }

    /**
     * The owner of the clause's subject: the countries of the first actor group before token {@code ref}
     * (several joined by "and" make no single owner), or null when no actor precedes it. An actor in a possessive
     * ("Russia's position") modifies a noun and is not the subject.
     */
    String subjectOwner(int ref) {
        int from = clauseStart(ref);
        // "He met NATO's chief": a pronoun subject comes before any actor named later in the clause
        if (from < ref && SUBJECT_PRONOUNS.contains(t.get(from).lower()) && state.lastSubject != null) {
            pronounResolved = true;
            return state.lastSubject;
        }
        for (int k = from; k < ref; k++) {
            if (COLLECTIVE.match(t, k) != null) {
                return NOBODY;
            }
            if (t.get(k).is("according") && k + 1 < ref && t.get(k + 1).is("to")) {
                // "According to information from American delegations, the meeting lasted": the source, not the subject
                int comma = k + 2;
                while (comma < ref && !t.get(comma).is(",")) {
                    comma++;
                }
                if (comma < ref) {
                    k = comma;
                    continue;
                }
            }
            if (actorAt[k] >= 0) {
                Gazetteer.Actor a = actors.get(actorAt[k]);
                if (a.end() < t.size() && t.get(a.end()).kind() == Token.Kind.POSSESSIVE) {
                    k = a.end();
                    continue;
                }
                if (k > 0 && (t.get(k - 1).is("by") || t.get(k - 1).is("to") && k > 1 && t.get(k - 2).is("according")
                        || WordClasses.is(t.get(k - 1), "object-prepositions"))) {
                    // "From American delegations, the meeting lasted": a preposition's object, with the actors
                    // joined to it ("ended with Beijing and Moscow concluding")
                    int end = a.end();
                    while (end + 1 < ref && t.get(end).pos("CCONJ") && actorAt[end + 1] >= 0) {
                        end = actors.get(actorAt[end + 1]).end();
                    }
                    k = end - 1;
                    continue;
                }
                if (countrysBusiness(a, from)) {
                    return null; // "The US bank had $210bn": the country only tells whose bank it is
                }
                int start = FigureFrames.nameEndingIn(this, a, from);
                if (start < a.start()) {
                    // "SVB UK had £6.7bn", "Reform UK won 5 seats": a name that ends in a country's is another name
                    return ClaimKey.slug(Tokenizer.text(t, start, a.end()));
                }
                Set<String> g = groupAt(k);
                return g.isEmpty() ? null : one(g);
            }
        }
        for (int k = from; k < Math.min(ref, from + 3); k++) {
            if (SUBJECT_PRONOUNS.contains(t.get(k).lower()) || POSSESSIVE_PRONOUNS.contains(t.get(k).lower())) {
                pronounResolved = state.lastSubject != null;
                return state.lastSubject;
            }
        }
        return null;
    }

    /**
     * Whether actor a is the story's own country named before a business noun after "the" ("the US bank" in a story
     * of a US bank): the subject is the story's business, which the country only places; it owns none of its
     * figures. Another country's ("the Swiss bank" in the same story) still tells whose the figures are.
     */
    boolean countrysBusiness(Gazetteer.Actor a, int from) {
        return !a.isPerson() && a.country() != null && a.country().equals(state.storyCountry)
                && a.start() > from && a.end() < t.size()
                && WordClasses.is(t.get(a.start() - 1), "definite-determiners")
                && WordClasses.is(t.get(a.end()), "business-nouns");
    }

    /** Whether a request cue (request-cues.txt: "asked for", "sought", "demanded") stands in ref's clause before it. */
    boolean requested(int ref) {
        return cued(REQUESTS, ref);
    }

    /** Whether a phrase of {@code cues} stands in ref's clause before it. */
    private boolean cued(PhraseMatcher<Boolean> cues, int ref) {
        for (int k = clauseStart(ref); k < ref; k++) {
            PhraseMatcher.Match<Boolean> m = cues.match(t, k);
            if (m != null && m.end() <= ref) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word is a subject pronoun ("it", "they": pronouns.txt). */
    static boolean subjectPronoun(Token w) {
        return SUBJECT_PRONOUNS.contains(w.lower());
    }

    /** The first token of the clause that token ref is in (after the nearest boundary word or reporting verb). */
    int clauseStart(int ref) {
        int limit = Math.max(0, ref - WINDOW * 2);
        for (int k = ref - 1; k >= limit; k--) {
            if (BOUNDARIES.contains(t.get(k).lower())) {
                return k + 1;
            }
            if (reportEnds[k + 1]) {
                return k + 1;
            }
        }
        return limit;
    }

    /**
     * The name that is the subject of ref's clause: the first run of capitalized words in it, as its last word
     * ("Incumbent Ana Ferreira won" and "Ferreira won" are both {@code ferreira}), or as the whole run when that
     * word is generic (name-generics.txt: "the Socialist Party" is {@code socialist-party}); null when the clause
     * names nobody before ref.
     */
    String subjectName(int ref) {
        int from = clauseStart(ref);
        for (int k = from; k < ref; k++) {
            Token w = t.get(k);
            if (!w.isWord() || !w.capitalized() || STOPWORDS.contains(w.lower()) || headAt[k] >= 0
                    || POSSESSIVE_PRONOUNS.contains(w.lower()) || SUBJECT_PRONOUNS.contains(w.lower())) {
                continue; // a capitalized head noun opening the sentence ("Turnout was") is not a name
            }
            int e = k;
            while (e < ref && t.get(e).isWord() && t.get(e).capitalized()) {
                e++;
            }
            if (e < t.size() && t.get(e).kind() == Token.Kind.POSSESSIVE) {
                k = e;
                continue; // "Portugal's election": a modifier, not the subject
            }
            String last = t.get(e - 1).lower();
            if (!GENERIC_NAMES.contains(last)) {
                return last;
            }
            StringBuilder b = new StringBuilder();
            for (int j = k; j < e; j++) {
                b.append(j > k ? "-" : "").append(t.get(j).lower());
            }
            return b.toString();
        }
        // "Ferreira was re-elected after winning 53.2%": a participle clause shares the subject before it
        if (from > 0 && from < ref && t.get(from).lower().endsWith("ing") && BOUNDARIES.contains(t.get(from - 1).lower())) {
            return subjectName(from - 1);
        }
        return null;
    }

    /** Countries of the actor group starting at k: actors joined by titles, "and", commas and possessives. */
    Set<String> groupAt(int k) {
        Set<String> g = new TreeSet<>();
        int i = k;
        while (i < t.size() && i < k + WINDOW) {
            if (actorAt[i] >= 0) {
                Gazetteer.Actor a = actors.get(actorAt[i]);
                g.add(a.country());
                i = a.end();
                continue;
            }
            int te = Gazetteer.titleEnd(t, i);
            if (te > 0) {
                i = te;
                continue;
            }
            Token tk = t.get(i);
            if (tk.is("and") || tk.is(",") || tk.kind() == Token.Kind.POSSESSIVE || tk.is("-")) {
                if (i + 1 < t.size() && (actorAt[i + 1] >= 0 || Gazetteer.titleEnd(t, i + 1) > 0)) {
                    i++;
                    continue;
                }
            }
            // an unlisted name after a title ("Prime Minister Anna Smith")
            if (tk.capitalized() && tk.isWord() && i > k) {
                i++;
                continue;
            }
            break;
        }
        return g;
    }

    private static String one(Set<String> owners) {
        return owners.size() == 1 ? owners.iterator().next() : NOBODY;
    }

    /** The head nearest to token i within the window, before it when {@code before}, else after it. */
    Heads.Head nearestHead(int i, boolean before, boolean eventsOnly) {
        if (before) {
            for (int k = i - 1; k >= Math.max(0, i - WINDOW); k--) {
                if (headAt[k] >= 0 && (!eventsOnly || heads.get(headAt[k]).event())) {
                    return heads.get(headAt[k]);
                }
            }
        } else {
            for (int k = i; k < Math.min(t.size(), i + WINDOW); k++) {
                if (headAt[k] >= 0 && (!eventsOnly || heads.get(headAt[k]).event())) {
                    return heads.get(headAt[k]);
                }
            }
        }
        return null;
    }

    /** "earthquake", or "earthquake-2" for "the second earthquake". */
    String headName(Heads.Head h) {
        if (h.start() > 0) {
            String ord = Heads.ordinal(t.get(h.start() - 1).lower());
            if (ord != null) {
                return h.name() + "-" + ord;
            }
        }
        return h.name();
    }

    /** The first day-precision date in the sentence that is not a dateline, resolved; null if none. */
    LocalDate sentenceDay() {
        if (!dayKnown) {
            dayKnown = true;
            for (TimeRules.TimeMention m : times) {
                if (!m.dateline()) {
                    LocalDate d = DateResolver.day(m, published(), false);
                    if (d != null) {
                        day = d;
                        break;
                    }
                }
            }
        }
        return day;
    }

    /** Like {@link #sentenceDay()}, resolving weekdays and bare dates forward for a verb in the future. */
    LocalDate sentenceDay(boolean future) {
        for (TimeRules.TimeMention m : times) {
            if (!m.dateline()) {
                LocalDate d = DateResolver.day(m, published(), future);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The owner of the claim being built came from a pronoun resolved to an earlier sentence. */
    private boolean pronounResolved;

    /**
     * Per time mention, set by the date rule: the day written beside a time of day ("at 3:05 p.m. on Sept. 28"), and
     * whether a day mention is such a time's day (it dates nothing of its own). Null before the date rule ran.
     */
    LocalDate[] daysOfTimes;
    boolean[] daysJoined;
    /** Per time mention, the index of the day mention joined to it, or -1; and the end of that day's words. */
    int[] dayMentionOfTime;
    int[] dayEndOfTime;

    /** Each time mention's index among the sentence's (its first, as indexOf would find), made on first use. */
    private Map<TimeRules.TimeMention, Integer> timeIndexes;

    /**
     * The index of time mention m among the sentence's, or -1, looked up rather than searched: a search through them
     * all for every date frame would make a long sentence's dates quadratic.
     */
    int timeIndex(TimeRules.TimeMention m) {
        if (timeIndexes == null) {
            timeIndexes = new HashMap<>();
            for (int i = 0; i < times.size(); i++) {
                timeIndexes.putIfAbsent(times.get(i), i);
            }
        }
        return timeIndexes.getOrDefault(m, -1);
    }

    /** Gives a date frame of time mention m the tokens of the day written beside it, so they count as read. */
    void joinDay(Candidate k, TimeRules.TimeMention m) {
        int i = dayMentionOfTime == null ? -1 : timeIndex(m);
        int j = i >= 0 ? dayMentionOfTime[i] : -1;
        if (j >= 0) {
            k.dayFrom = times.get(j).start();
            k.dayTo = dayEndOfTime[i];
        }
    }

    private boolean dayKnown;
    private LocalDate day;
    private boolean tagged;

    /** The tokens that are the figures of claim frames made so far ("7.8 magnitude", "12 percent"), not their nouns. */
    final boolean[] figureTokens;

    /** The claim frames the rules made of this sentence, in the order they were made. */
    final List<Candidate> candidates = new java.util.ArrayList<>();
    private final java.util.Set<String> countMeasures = new java.util.HashSet<>();
    private int countMeasuresScanned;

    /**
     * What the count frames of this sentence so far measure (their key's third part), read once per frame however
     * often it is asked: a list of a hundred thousand items asks at every item.
     */
    java.util.Set<String> countMeasuresRead() {
        for (; countMeasuresScanned < candidates.size(); countMeasuresScanned++) {
            Candidate k = candidates.get(countMeasuresScanned);
            if (k.kind == ClaimKind.COUNT && k.key.parts().size() > 2) {
                countMeasures.add(k.key.parts().get(2));
            }
        }
        return countMeasures;
    }

    /** Key part for a head: a repeated event (talks, meetings) is told apart by the day in the sentence. */
    String headKey(Heads.Head h) {
        String name = headName(h);
        if (h.repeat()) {
            LocalDate d = sentenceDay();
            if (d != null) {
                return name + "@" + d;
            }
        }
        return name;
    }

    /** Whether token k is part of a date or time expression. */
    boolean inTime(int k) {
        if (timeTokens == null) {
            timeTokens = new boolean[t.size()];
            for (TimeRules.TimeMention m : times) {
                for (int i = m.start(); i < m.end(); i++) {
                    timeTokens[i] = true;
                }
            }
        }
        return timeTokens[k];
    }

    private boolean[] timeTokens;

    /** Tags the sentence's tokens with parts of speech (once); rules that read tags or lemmas call this first. */
    SentenceContext tagged() {
        if (!tagged) {
            tagged = true;
            Tagger.tag(t, anchors());
            TagRepairs.apply(t);
        }
        return this;
    }

    /**
     * Tags the words around token i too, when the rules read there and no figure, date or citation is near ("It's over.
     * The regulator has closed the bank." in a live blog's entry).
     */
    SentenceContext taggedAround(int i) {
        tagged();
        if (t.get(i).pos("X")) {
            boolean[] anchors = anchors();
            anchors[i] = true;
            Tagger.tag(t, anchors);
            TagRepairs.apply(t);
        }
        return this;
    }

    /** What the rules read: the words around figures, dates and citations. */
    private boolean[] anchors() {
        boolean[] anchors = new boolean[t.size()];
        for (int i = 0; i < t.size(); i++) {
            anchors[i] = t.get(i).isNumber() || inTime(i) || verbAt[i] >= 0 && verbs.get(verbAt[i]).cls() == EventVerbs.Cls.REPORT
                    || !used[i] && NumberRules.startsNumber(t, i) && NumberRules.parse(t, i) != null
                    // "The commission, which counts a death only after an autopsy, raised its total to 58": the
                    // subject before a relative clause is read with the verb after it
                    || i > 0 && t.get(i - 1).is(",") && WordClasses.is(t.get(i), "relatives")
                    // "the commission's first list of deaths ... has 23": whose data it is
                    || WordClasses.is(t.get(i), "data-nouns");
        }
        return anchors;
    }

    // ---- emitting -----------------------------------------------------------------------------------------

    /**
     * Makes a claim frame of tokens [from, to): the enrichers add its scope, attribution, time and modality, then the
     * resolver decides whether it is a claim. The tokens are taken (no later rule reads them again), except a date's:
     * a date claim spans its verb and its date, and the words between stay free for other claims.
     */
    Candidate emit(ClaimKind kind, ClaimKey key, String subject, String attribute, String value, int from, int to,
                   boolean approximate, boolean running, double confidence) {
        Candidate k = new Candidate(kind, key, DateClaims.cap(subject), attribute, value, from, to, approximate, running,
                confidence, pronounResolved);
        pronounResolved = false;
        candidates.add(k);
        if (kind != ClaimKind.DATE) {
            for (int i = from; i < to; i++) {
                used[i] = true;
            }
        }
        return k;
    }

    /** The claim of a resolved candidate, with its evidence; the confidence falls for hedges and resolved pronouns. */
    Claim claim(Candidate k) {
        int start = t.get(k.from).start();
        int end = t.get(k.to - 1).end();
        String display = doc.text() != null && end <= doc.text().length()
                ? doc.text().substring(start, end)
                : sentence.text().substring(start - sentence.start(), end - sentence.start());
        Evidence ev = new Evidence(doc.id(), sentence.text(), start, end, sentence.start());
        double conf = k.confidence * (k.approximate ? 0.9 : 1) * (k.pronounResolved ? 0.85 : 1);
        return new Claim(k.kind, k.key.format(), k.subject, k.attribute, k.value, display, k.approximate, k.running,
                Math.max(0, Math.min(1, conf)), ev, k.scopeLabel, k.attribution, k.asOf, k.modality, k.superseded);
    }

    static String ownerName(String owner) {
        if (owner == null || owner.equals(NOBODY)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String part : owner.split("-")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.append("'s ").toString();
    }

    static String headLabel(String head) {
        return head.replace('-', ' ');
    }
}
