package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The attribution enricher: the authority a sentence cites for a figure, so that two agencies that disagree are a
 * dispute between them and not two outlets contradicting each other.
 *
 * <p>Where a sentence cites someone: "according to X", "per X", "X said/told/reported/estimated/confirmed" and the
 * other reporting verbs of predicates.txt ([report]), inverted ("…, said X"), "X put the toll at", "X's figures",
 * "an assessment by X"; a pronoun subject ("he said") is the person cited last. A figure takes the citation nearest
 * to it within its segment of the sentence (segments end at ";" and at "while", "whereas", "but"), so "AFAD said
 * the quake measured 7.4, while the USGS put it at 7.8" credits each figure to its own agency; a figure in a relative
 * clause after the citation ("the quakes that destroyed some 3,471 buildings") describes a noun, and takes none before.
 *
 * <p>Normalization (authorities.txt): a known authority by its label whatever the wording ("the U.S. Geological
 * Survey" is USGS, "France's interior ministry" is Interior Ministry); a person by full name without titles
 * ("Governor Josh Green" is Josh Green, and a later "Green" too); anything else as written, without articles;
 * people and bodies that name no one ("officials", "experts") are no attribution; "the agency" is the authority
 * cited last.
 */
final class Attributions {

    private static final PhraseMatcher<String> AUTHORITIES = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> GENERIC = new PhraseMatcher<>(false);
    private static final java.util.Set<String> ANAPHORS = new java.util.HashSet<>();
    private static final PhraseMatcher<Boolean> TITLES = new PhraseMatcher<>(false);
    private static final PhraseMatcher<Boolean> CITING = new PhraseMatcher<>(false);
    private static final Set<String> DATA_NOUNS = WordClasses.of("data-nouns");
    private static final Set<String> STUDY_NOUNS = WordClasses.of("study-nouns");
    private static final Set<String> PRONOUNS = WordClasses.of("person-pronouns");
    private static final Set<String> SEGMENT_ENDS = WordClasses.of("segment-ends");
    private static final Set<String> AT_VERBS = WordClasses.of("at-report-verbs");
    private static final Set<String> INVERTED = WordClasses.of("inverted-report-verbs");

    static {
        for (Lexicon.Entry e : Lexicon.entries("authorities.txt")) {
            if ("generic".equals(e.flag())) {
                e.items().forEach(a -> GENERIC.add(a, e.head()));
            } else if ("anaphor".equals(e.flag())) {
                e.items().forEach(a -> ANAPHORS.add(a.toLowerCase(Locale.ROOT)));
            } else {
                e.items().forEach(a -> AUTHORITIES.add(a, e.head()));
            }
        }
        for (String line : Lexicon.lines("titles.txt")) {
            TITLES.add(line, Boolean.TRUE);
        }
        for (String line : Lexicon.lines("attribution-titles.txt")) {
            TITLES.add(line, Boolean.TRUE);
        }
        for (String phrase : WordClasses.of("citing-phrases")) {
            CITING.add(phrase, Boolean.TRUE);
        }
    }

    private Attributions() {
    }

    /** Whether a noun that names a source ends right before token i ("officials", "authorities", "police"). */
    static boolean sourceNoun(List<Token> t, int i) {
        return GENERIC.matchEndingAt(t, i, 2) != null || AUTHORITIES.matchEndingAt(t, i, 3) != null;
    }

    /** A citation in a sentence: where it stands (its verb or cue) and the authority, normalized. */
    record Mention(int anchor, String authority) {
    }

    /** The citations of a sentence, in order. */
    static List<Mention> find(SentenceContext c) {
        List<Token> t = c.t;
        int n = t.size();
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Token w = t.get(i);
            if (!w.isWord()) {
                continue;
            }
            PhraseMatcher.Match<Boolean> cue = CITING.match(t, i);
            if (cue != null && cue.end() < n && !(i > 0 && t.get(i - 1).isNumber())) { // not "99 per cent"
                // "according to X", "per X", "citing X"
                add(c, out, i, cue.end(), npEnd(t, cue.end()));
                i = cue.end() - 1;
                continue;
            }
            if (WordClasses.is(w, "author-links") && i > 0 && STUDY_NOUNS.contains(t.get(i - 1).lemma())) {
                add(c, out, i, i + 1, npEnd(t, i + 1));
                continue;
            }
            if (DATA_NOUNS.contains(w.lower()) && i > 1) {
                int p = i - 1;
                while (p > i - 3 && p > 1 && (t.get(p).pos("ADJ") || t.get(p).pos("NUM") && !t.get(p).isNumber())) {
                    p--; // "the commission's first list", "the ministry's latest figures"
                }
                if (t.get(p).kind() == Token.Kind.POSSESSIVE) {
                    int s = npStart(t, p);
                    add(c, out, i, s, p);
                    continue;
                }
            }
            if (!w.verbal() || WordClasses.endsWithAny(w, "participle-endings")) {
                continue; // "412 seats, counting the Speaker": a gerund cites no one
            }
            LemmaLexicon.Entry en = FigureFrames.PREDICATES.of(w.lemma());
            if (en == null || !en.has("report") || (AT_VERBS.contains(w.lemma()) && !atFollows(t, i))) {
                continue;
            }
            int v = i;
            while (v > 0 && c.inTime(v - 1)) {
                v--; // "Chief Secretary Pradeep Jena on Saturday confirmed": the day is no part of the name
            }
            if (v < i && v > 0 && t.get(v - 1).pos("ADP")) {
                v--;
            }
            int s = npStart(t, v);
            if (s < v) {
                add(c, out, i, s, v - auxBefore(t, v));
            } else if (i > 0 && PRONOUNS.contains(t.get(i - 1).lower())) {
                if (c.state.lastPersonCited != null) {
                    out.add(new Mention(i, c.state.lastPersonCited));
                }
            } else if (i + 1 < n && (i == 0 || t.get(i - 1).is(",") || t.get(i - 1).is("\"")
                    || t.get(i - 1).is("'")) && INVERTED.contains(w.lower()) && npEnd(t, i + 1) > i + 1
                    && speakerAt(t, i + 1)) {
                // inverted: "…, said Maui police chief John Pelletier"
                add(c, out, i, i + 1, npEnd(t, i + 1));
            } else if (i > 2 && t.get(i - 1).is(",")) {
                // a subject before a parenthetical: "Mayor Richard Bissen, in a video posted online, put the figure at"
                int open = -1;
                for (int k = i - 2; k >= Math.max(0, i - PARENTHETICAL_TOKENS); k--) {
                    if (t.get(k).is(",")) {
                        open = k;
                        break;
                    }
                }
                if (open > 0) {
                    int p = npStart(t, open);
                    if (p < open) {
                        add(c, out, i, p, open);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a speaker's name can start at token k after an inverted citing verb ("..., said Maui police chief John
     * Pelletier", "..., said the ministry"), not what was reported ("..., reported total deposits of").
     */
    private static boolean speakerAt(List<Token> t, int k) {
        int j = k;
        while (j < t.size() && j < k + 3 && (t.get(j).pos("DET") || t.get(j).pos("ADJ") && !t.get(j).capitalized())) {
            j++;
        }
        return j < t.size() && (t.get(j).isWord() && t.get(j).capitalized() || sourceNoun(t, j));
    }

    /** "put the toll at": put is a citation only with "at" after it. */
    private static boolean atFollows(List<Token> t, int i) {
        for (int k = i + 1; k < Math.min(t.size(), i + 7); k++) {
            if (WordClasses.is(t.get(k), "level-links")) {
                return true;
            }
        }
        return false;
    }

    /** Auxiliaries and adverbs between a subject and its verb ("had given", "also said"), counted back from i. */
    private static int auxBefore(List<Token> t, int i) {
        int k = i - 1;
        while (k >= 0 && (t.get(k).pos("AUX") || t.get(k).pos("ADV") || t.get(k).pos("PART"))) {
            k--;
        }
        return i - 1 - k;
    }

    /** The start of the noun phrase that ends right before token i (auxiliaries and adverbs skipped). */
    private static int npStart(List<Token> t, int i) {
        int k = i - 1;
        while (k >= 0 && k >= i - 4 && (t.get(k).pos("AUX") || t.get(k).pos("ADV") || t.get(k).pos("PART"))) {
            k--;
        }
        int end = k + 1;
        while (k >= 0 && end - k <= MAX_NAME_TOKENS && inName(t, k)) {
            k--;
        }
        int s = k + 1;
        return s < end && hasNoun(t, s, end) ? s : i;
    }

    private static boolean inName(List<Token> t, int k) {
        Token w = t.get(k);
        if (w.nominal() || w.pos("ADJ") || w.kind() == Token.Kind.POSSESSIVE || w.pos("DET") || w.is("-")
                || w.is("&")) {
            return true;
        }
        if (w.isWord() && w.capitalized() && k + 1 < t.size() && t.get(k + 1).pos("PROPN")) {
            return true; // "Lakeside Risk & Co.": a capitalized word the model misreads before a name is the name's
        }
        if (w.is(".") && k > 0 && k + 1 < t.size() && t.get(k - 1).capitalized() && t.get(k - 1).end() == w.start()) {
            return true; // "Karen Clark & Co. has put": the period of an abbreviated name
        }
        // "the Pacific Disaster Center and the Federal Emergency Management Agency", "Ministry of Health"
        if ((w.pos("CCONJ") || WordClasses.is(w, "name-links")) && k > 0 && k + 1 < t.size()
                && t.get(k + 1).capitalized() && (t.get(k - 1).capitalized() || t.get(k - 1).is("."))) {
            return true;
        }
        // "organisers of the protest": a source noun and what it is of
        return WordClasses.is(w, "partitive-links") && k > 0 && k + 1 < t.size() && sourceNoun(t, k)
                && (t.get(k + 1).pos("DET") || t.get(k + 1).nominal());
    }

    private static boolean hasNoun(List<Token> t, int s, int e) {
        for (int k = s; k < e; k++) {
            if (t.get(k).nominal() || t.get(k).pos("PRON") || t.get(k).isWord() && t.get(k).capitalized()) {
                return true; // the tagger reads some names as adjectives: "Northwind said"
            }
        }
        return false;
    }

    /** The end of a noun phrase starting at s: up to a comma, a clause word or the sentence's end (12 tokens at most). */
    private static int npEnd(List<Token> t, int s) {
        int k = s;
        while (k < t.size() && k < s + 12 && inName(t, k)) {
            k++;
        }
        return k;
    }

    /** Tokens of a parenthetical between a speaker and its verb at most ("X, which ..., reported"). */
    private static final int PARENTHETICAL_TOKENS = 25;

    /** Tokens of a cited name at most ("the Federal Emergency Management Agency and the Pacific Disaster Center"). */
    private static final int MAX_NAME_TOKENS = 12;

    private static void add(SentenceContext c, List<Mention> out, int anchor, int from, int to) {
        String authority = normalize(c, from, to);
        if (authority != null) {
            out.add(new Mention(anchor, authority));
        }
    }

    /** The authority named by tokens [from, to), normalized; null when they name no one in particular. */
    static String normalize(SentenceContext c, int from, int to) {
        List<Token> t = c.t;
        while (from < to && t.get(from).pos("DET")) {
            from++;
        }
        // "France's interior ministry": the country is the story's, the authority is the ministry
        if (from + 2 < to && t.get(from + 1).kind() == Token.Kind.POSSESSIVE && !t.get(from + 2).capitalized()
                && !DATA_NOUNS.contains(t.get(to - 1).lower()) && !STUDY_NOUNS.contains(t.get(to - 1).lemma())) {
            from += 2;
        }
        // "the county's latest update", "the ministry's figures": the authority is the possessor; not a named
        // possessor before a name ("Morocco's National Institute of Geophysics" is the institute, named as written)
        for (int k = from + 1; k < to; k++) {
            if (t.get(k).kind() == Token.Kind.POSSESSIVE) {
                if (k + 1 < to && t.get(k + 1).isWord() && t.get(k + 1).capitalized() && t.get(k - 1).capitalized()
                        && !Scopes.calendarWord(t.get(k + 1))) {
                    break;
                }
                to = k;
                break;
            }
        }
        if (from >= to) {
            return null;
        }
        // "according to estimates by protest organizers": the author of the study
        for (int k = from + 1; k + 1 < to; k++) {
            if (WordClasses.is(t.get(k), "author-links") && STUDY_NOUNS.contains(t.get(k - 1).lemma())) {
                return normalize(c, k + 1, to);
            }
        }
        PhraseMatcher.Match<String> known = AUTHORITIES.match(t, from);
        if (known != null && known.end() == to) {
            return remember(c, known.value());
        }
        // "organisers of the protest" are the organizers; "officials of the county" cite the county
        for (int k = from + 1; k + 1 < to; k++) {
            if (WordClasses.is(t.get(k), "partitive-links") && sourceNoun(t, k)) {
                PhraseMatcher.Match<String> head = AUTHORITIES.matchEndingAt(t, k, 3);
                return head != null ? remember(c, head.value()) : normalize(c, k + 1, to);
            }
        }
        // a person: the run of capitalized proper nouns at the end, titles before it dropped
        int nameEnd = to;
        int nameStart = nameEnd;
        while (nameStart - 1 >= from && t.get(nameStart - 1).capitalized() && t.get(nameStart - 1).isWord()) {
            nameStart--;
        }
        boolean titled = false;
        for (PhraseMatcher.Match<Boolean> title = TITLES.match(t, nameStart); title != null && title.end() < nameEnd;
                title = TITLES.match(t, nameStart)) {
            nameStart = title.end(); // "Governor Josh Green": the title is not the name
            titled = true;
        }
        titled |= nameStart > from && TITLES.matchEndingAt(t, nameStart, 3) != null;
        if (nameEnd - nameStart >= 2 && (titled || nameStart == from)) {
            String full = Tokenizer.text(t, nameStart, nameEnd);
            if (isPerson(c, nameStart, nameEnd, titled)) {
                c.state.fullNames.put(t.get(nameEnd - 1).lower(), full);
                c.state.lastPersonCited = full;
                return remember(c, full);
            }
        }
        if (nameEnd - nameStart == 1 && nameStart == from) {
            String full = c.state.fullNames.get(t.get(nameStart).lower());
            if (full != null) {
                c.state.lastPersonCited = full;
                return remember(c, full);
            }
        }
        // a known authority at the head of a longer phrase: "the Maui Police Department" is police
        for (int k = from; k < to; k++) {
            PhraseMatcher.Match<String> m = AUTHORITIES.match(t, k);
            if (m != null && m.end() == to && !(k > from && t.get(k - 1).capitalized() && !t.get(k).capitalized())) {
                return remember(c, m.value());
            }
        }
        PhraseMatcher.Match<String> generic = GENERIC.matchEndingAt(t, to, 3);
        if (generic != null) {
            // "county officials" names no one; "Maui County officials" names the county
            int e = generic.start();
            while (e > from && !t.get(e - 1).capitalized()) {
                e--;
            }
            if (e <= from) {
                return null;
            }
            to = e;
        }
        if (to - from == 1 && ANAPHORS.contains(t.get(from).lower()) && !t.get(from).capitalized()) {
            // "the county says": the authority cited before whose name has the word, else the word itself
            String noun = t.get(from).lemma();
            for (int i = c.state.authorities.size() - 1; i >= 0; i--) {
                String a = c.state.authorities.get(i);
                if (a.toLowerCase(Locale.ROOT).contains(noun)) {
                    return remember(c, a);
                }
            }
            return remember(c, noun);
        }
        if (to - from == 1 && t.get(from).pos("PRON")) {
            return null;
        }
        String written = Tokenizer.text(t, from, to);
        PhraseMatcher.Match<Boolean> role = TITLES.match(t, from);
        if (role != null && role.end() == to) {
            return remember(c, written.toLowerCase(Locale.ROOT)); // "the sheriff", "the governor": a role
        }
        if (!hasCapital(written) && !ANAPHORS.contains(t.get(to - 1).lemma())) {
            return null; // "the researchers", "many people": no name
        }
        return remember(c, written);
    }

    private static boolean isPerson(SentenceContext c, int from, int to, boolean titled) {
        if (titled) {
            return true;
        }
        for (int k = from; k < to; k++) {
            if (c.actorAt[k] >= 0 && c.actors.get(c.actorAt[k]).isPerson()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCapital(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String remember(SentenceContext c, String authority) {
        c.state.lastAuthority = authority;
        List<String> seen = c.state.authorities;
        seen.remove(authority);
        seen.add(authority);
        return authority;
    }

    /**
     * Remembers the full names written after a title in a sentence ("Governor Josh Green spoke"), so that a later
     * "Green said" is the same authority. Reads capitals only: no tags needed.
     */
    static void rememberNames(SentenceContext c) {
        List<Token> t = c.t;
        for (int i = 0; i < t.size(); i++) {
            PhraseMatcher.Match<Boolean> title = t.get(i).isWord() ? TITLES.match(t, i) : null;
            if (title == null) {
                continue;
            }
            int e = title.end();
            while (e < t.size() && t.get(e).isWord() && t.get(e).capitalized() && TITLES.match(t, e) == null) {
                e++;
            }
            if (e - title.end() >= 2) {
                c.state.fullNames.putIfAbsent(t.get(e - 1).lower(), Tokenizer.text(t, title.end(), e));
            }
            i = Math.max(i, e - 1);
        }
    }

    /** The citations of a sentence with the segment each token lies in, for nearest-citation look-ups. */
    static final class Citations {
        private final List<Mention> mentions;
        private final int[] anchors;
        private final int[] segment;
        private final List<Token> t;
        /** For each token, the last relative pronoun at or before it that opens a clause right before its verb; -1. */
        private int[] lastRelative;

        Citations(SentenceContext c, List<Mention> mentions) {
            this.mentions = mentions;
            this.t = c.t;
            this.anchors = new int[mentions.size()];
            for (int i = 0; i < anchors.length; i++) {
                anchors[i] = mentions.get(i).anchor();
            }
            this.segment = new int[c.t.size() + 1];
            int id = 0;
            for (int i = 0; i < c.t.size(); i++) {
                if (SEGMENT_ENDS.contains(c.t.get(i).lower())) {
                    id++;
                }
                segment[i] = id;
            }
            segment[c.t.size()] = id;
        }

        /** The authority of the citation nearest token {@code at} in its segment, or null. */
        String nearest(int at) {
            if (anchors.length == 0) {
                return null;
            }
            int pos = java.util.Arrays.binarySearch(anchors, at);
            if (pos >= 0) {
                return mentions.get(pos).authority();
            }
            int after = -pos - 1;
            int before = after - 1;
            Mention best = null;
            int bestDistance = Integer.MAX_VALUE;
            if (before >= 0 && segment[anchors[before]] == segment[at] && !relativeBetween(anchors[before], at)) {
                best = mentions.get(before);
                bestDistance = at - anchors[before];
            }
            if (after < anchors.length && segment[anchors[after]] == segment[at] && anchors[after] - at < bestDistance) {
                best = mentions.get(after);
            }
            return best == null ? null : best.authority();
        }

        /**
         * Whether a relative clause opens between a citation and a figure after it ("..., according to the minister,
         * and 11,119 were injured in the quakes that destroyed some 3,471 buildings"): the figure describes a noun in
         * the outlet's words, not what the authority reported. Only a relative right before its verb: "told reporters
         * that 300 died" and "said on Sunday that 6 people had died" open none.
         */
        private boolean relativeBetween(int citation, int figure) {
            if (lastRelative == null) {
                lastRelative = new int[t.size()];
                int last = -1;
                for (int k = 0; k < t.size(); k++) {
                    if (k > 0 && k + 1 < t.size() && WordClasses.is(t.get(k), "relatives") && t.get(k - 1).nominal()
                            && t.get(k + 1).pos("VERB")) {
                        last = k;
                    }
                    lastRelative[k] = last;
                }
            }
            int k = figure > 0 ? lastRelative[figure - 1] : -1;
            if (k < citation + 2 || figure - k > SentenceContext.WINDOW) {
                return false;
            }
            for (int v = k + 2; v < figure; v++) {
                if (t.get(v).pos("VERB") || t.get(v).pos("AUX")) {
                    return false; // "said the quake that struck Monday killed 300": the main clause's figure
                }
            }
            return true;
        }
    }

    /** Gives the candidate the citation nearest its figure within its segment of the sentence. */
    static void enrich(Candidate k, Citations citations) {
        if (k.attribution == null) {
            k.attribution = citations.nearest(k.figureFrom);
        }
    }
}
