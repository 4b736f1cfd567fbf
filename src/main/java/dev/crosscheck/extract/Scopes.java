package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scope enricher: the place or group a figure covers when its clause narrows it. A figure for a part (a city, a
 * province, another country, a group of people) is never compared with the whole's, so the scope is part of the key.
 * <ul>
 *   <li>a place after "in", "inside", "within" or "among" in the figure's clause, nearest after the figure first
 *       ("19 homes in Kula and Olinda", "In Lyon, three officers were hurt", "the toll in Syria"), read through the
 *       places gazetteer (places.txt) or, for a place it does not know, as the run of proper nouns written there;</li>
 *   <li>a place in a possessive before the figure's noun phrase ("Syria's death toll");</li>
 *   <li>a group of people counted apart ("three officers", measures.txt [group]), set by the figure rule;</li>
 *   <li>"elsewhere" ("five died elsewhere in the country").</li>
 * </ul>
 * Words that say the figure covers the whole ("nationwide", "across the country", "in total") set no scope; neither
 * do "across" and "throughout", which name the whole a total covers.
 */
final class Scopes {

    /**
     * The places where a document's main event happened: the cities and towns its lead (the first three body
     * sentences, dateline included) names beside the main event ("LAHAINA, Hawaii - ... the wildfire that flattened
     * Lahaina"). A figure "in Lahaina" of that story is of the whole event. Regions and countries are never taken:
     * "37 seats in Scotland" stays a part of a national election.
     */
    static java.util.Set<String> eventPlaces(List<List<Token>> lead, String mainEvent) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (mainEvent == null) {
            return out;
        }
        for (List<Token> t : lead) {
            boolean names = false;
            for (Heads.Head h : Heads.find(t)) {
                names |= h.event() && h.name().equals(mainEvent);
            }
            if (!names) {
                continue;
            }
            for (int i = 0; i < t.size(); i++) {
                PhraseMatcher.Match<Place> m = t.get(i).isWord() ? PLACES.match(t, i) : null;
                if (m != null) {
                    if ("city".equals(m.value().type())) {
                        out.add(m.value().id());
                    }
                    i = m.end() - 1;
                }
            }
        }
        return out;
    }

    /**
     * The first country these sentences name, directly ("India lands a spacecraft") or through a place inside it
     * ("BENGALURU"), or null: the story's country, whose clock times are local (see TimeZones).
     */
    static String firstCountry(List<List<Token>> sentences) {
        for (List<Token> t : sentences) {
            for (int i = 0; i < Math.min(t.size(), ClaimExtractor.LEAD_WORDS); i++) {
                PhraseMatcher.Match<Place> m = t.get(i).isWord() ? PLACES.match(t, i) : null;
                if (m == null) {
                    continue;
                }
                String country = countryOf(m.value());
                if (country != null) {
                    return country;
                }
                i = m.end() - 1;
            }
        }
        return null;
    }

    /**
     * The country "the country" stands for, as a scope over tokens [start, end): the country the sentence names
     * nearest before it (a demonym, a capital, a leader: "Turkish President Erdogan said ... in the country"), else
     * after it, else the story's country (the first its headline and lead name); null when none is known.
     */
    private static Found referredCountry(SentenceContext c, int start, int end) {
        String best = null;
        for (int k = start - 1; k >= Math.max(0, start - COUNTRY_REACH) && best == null; k--) {
            best = countryAt(c, k);
        }
        for (int k = end; k < Math.min(c.t.size(), end + COUNTRY_REACH) && best == null; k++) {
            best = countryAt(c, k);
        }
        if (best == null) {
            best = c.state.storyCountry;
        }
        return best == null || BY_ID.get(best) == null ? null : new Found(start, end, BY_ID.get(best).name(), best);
    }

    /**
     * The region "the state", "his county" or "statewide" stands for, as a scope over tokens [start, end): the region
     * the sentence names nearest before it ("Florida's emergency management director said 21 people had died in the
     * state"), else after it, else the story's (the first its headline and lead name); for a state or a province
     * ({@code top}) the region right under a country that contains it. Null when none is known.
     */
    private static Found referredRegion(SentenceContext c, int start, int end, boolean top) {
        Place best = null;
        Found unlisted = null;
        for (int k = start - 1; k >= Math.max(0, start - COUNTRY_REACH) && best == null && unlisted == null; k--) {
            best = fits(regionAt(c.t, k), top);
            unlisted = best == null && !top ? unlistedRegion(c, k) : null;
        }
        for (int k = end; k < Math.min(c.t.size(), end + COUNTRY_REACH) && best == null && unlisted == null; k++) {
            best = fits(regionAt(c.t, k), top);
            unlisted = best == null && !top ? unlistedRegion(c, k) : null;
        }
        if (unlisted != null) {
            return new Found(start, end, unlisted.label(), unlisted.id());
        }
        if (best == null && c.state.storyRegion != null) {
            best = BY_ID.get(c.state.storyRegion);
            if (!top && container(best) != null && !"region".equals(container(best).type())) {
                return null; // "his county" in a story that names only a state
            }
        }
        while (top && best != null && container(best) != null && "region".equals(container(best).type())) {
            best = container(best);
        }
        return best == null ? null : new Found(start, end, best.name(), best.id());
    }

    /**
     * A region the gazetteer does not list, named at token k by a run of names that ends in a region word ("Ogden
     * County Sheriff Carl Mays"), or null.
     */
    private static Found unlistedRegion(SentenceContext c, int k) {
        List<Token> t = c.t;
        if (!FigureFrames.nameLike(c, k) || k > 0 && FigureFrames.nameLike(c, k - 1)) {
            return null;
        }
        for (int e = k + 1; e < t.size() && FigureFrames.nameLike(c, e); e++) {
            if (REGION_WORDS.contains(t.get(e).lower()) && t.get(e).capitalized()) {
                String name = Tokenizer.text(t, k, e + 1);
                return new Found(k, e + 1, name, ClaimKey.slug(name));
            }
        }
        return null;
    }

    /**
     * The region if it can be what the reference stands for: any region for a state ({@code top}: it is walked up to the
     * one under the country), only one inside another region for a county ("Florida" is no one's county).
     */
    private static Place fits(Place region, boolean top) {
        if (region == null || top) {
            return region;
        }
        Place around = container(region);
        return around != null && "region".equals(around.type()) ? region : null;
    }

    /** The region named at token k, or the region a city named there lies in; null for a country or nothing. */
    private static Place regionAt(List<Token> t, int k) {
        PhraseMatcher.Match<Place> m = t.get(k).isWord() && t.get(k).capitalized() ? PLACES.match(t, k) : null;
        if (m == null) {
            return null;
        }
        Place p = m.value();
        while (p != null && "city".equals(p.type())) {
            p = container(p);
        }
        return p != null && "region".equals(p.type()) ? p : null;
    }

    /**
     * The first region these sentences name, directly or through a city inside it ("FORT MYERS"), or null: the region
     * "the state" or "statewide" stands for when its sentence names none.
     */
    static String firstRegion(List<List<Token>> sentences) {
        for (List<Token> t : sentences) {
            for (int i = 0; i < Math.min(t.size(), ClaimExtractor.LEAD_WORDS); i++) {
                Place p = regionAt(t, i);
                if (p != null) {
                    return p.id();
                }
            }
        }
        return null;
    }

    /** How far from "the country" the country it stands for may be named in its sentence. */
    private static final int COUNTRY_REACH = 30;

    /** The country of the actor at token k (a country, a demonym, a capital, a leader), or null. */
    private static String countryAt(SentenceContext c, int k) {
        if (c.actorAt[k] < 0) {
            return null;
        }
        Gazetteer.Actor a = c.actors.get(c.actorAt[k]);
        Place p = a.country() == null ? null : BY_ID.get(a.country());
        return p != null && "country".equals(p.type()) ? p.id() : null;
    }

    /**
     * A place that opens the sentence before a comma ("In Syria, state media reported that ..."): the scope of every
     * figure of the sentence that names none of its own; null when the sentence opens otherwise.
     */
    private static Found opening(SentenceContext c) {
        List<Token> t = c.t;
        if (t.size() < 4 || !t.get(0).isWord() || !PREPOSITIONS.contains(t.get(0).lower())) {
            return null;
        }
        Found f = at(c, 0);
        if (f == null || f.end() >= t.size() || !t.get(f.end()).is(",")) {
            return null;
        }
        // "In Syria, state media reported ...": a country or a region whose figures follow; "In Geneva, the WHO said"
        // is where the speaker is
        for (String id : f.id().split("[+/]")) {
            Place p = BY_ID.get(id);
            if (p == null || !("country".equals(p.type()) || "region".equals(p.type()))) {
                return null;
            }
        }
        return f;
    }

    /** A place of the gazetteer: its id, type and the id of what contains it. */
    record Place(String id, String type, String parent, String name) {
    }

    private static final PhraseMatcher<Place> PLACES = new PhraseMatcher<>(true);
    private static final Map<String, Place> BY_ID = new HashMap<>();
    private static final Set<String> NOT_PLACES = new HashSet<>();
    private static final Set<String> PREPOSITIONS = WordClasses.of("scope-prepositions");
    private static final Set<String> STOPS = WordClasses.of("scope-stops");
    private static final Set<String> REGION_WORDS = WordClasses.of("region-words");

    static {
        for (Lexicon.Entry e : Lexicon.entries("places.txt")) {
            // "lyon [city] < france": the id, the type in brackets, what contains it after "<"
            String head = e.head();
            String parent = null;
            int lt = head.indexOf('<');
            if (lt >= 0) {
                parent = head.substring(lt + 1).strip();
                head = head.substring(0, lt).strip();
            }
            String type = e.flag();
            int br = head.indexOf('[');
            if (br >= 0 && head.endsWith("]")) {
                type = head.substring(br + 1, head.length() - 1).strip();
                head = head.substring(0, br).strip();
            }
            Place p = new Place(head, type, parent, e.items().get(0));
            String id = head;
            BY_ID.putIfAbsent(id, p);
            for (String alias : e.items()) {
                PLACES.add(alias, p);
            }
        }
        for (String line : Lexicon.lines("not-places.txt")) {
            NOT_PLACES.add(line.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private Scopes() {
    }

    /** A month, a weekday or another capitalized word that names no place (not-places.txt). */
    static boolean calendarWord(Token w) {
        return NOT_PLACES.contains(w.lower());
    }

    /** The place of the gazetteer with this id, or null. */
    static Place place(String id) {
        return BY_ID.get(id);
    }

    /** Whether place {@code inner} lies in place {@code outer} (or is it). */
    static boolean within(String inner, String outer) {
        for (Place p = BY_ID.get(inner); p != null; p = container(p)) {
            if (p.id().equals(outer)) {
                return true;
            }
        }
        return inner.equals(outer);
    }

    /** The region right under a country that is or contains region {@code id} ("lee-county": florida), or null. */
    static String topRegion(String id) {
        Place p = id == null ? null : BY_ID.get(id);
        while (p != null && container(p) != null && "region".equals(container(p).type())) {
            p = container(p);
        }
        return p == null || !"region".equals(p.type()) ? null : p.id();
    }

    /** The ids of a place and of the places around it, innermost first; empty for null or an unknown id. */
    static List<String> regionAndContainers(String id) {
        List<String> out = new ArrayList<>();
        for (Place p = id == null ? null : BY_ID.get(id); p != null; p = container(p)) {
            out.add(p.id());
        }
        return out;
    }

    /** The place that directly contains {@code p}, or null. */
    private static Place container(Place p) {
        return p.parent() == null ? null : BY_ID.get(p.parent());
    }

    /** The country a place is or lies in, or null. */
    private static String countryOf(Place place) {
        for (Place p = place; p != null; p = container(p)) {
            if ("country".equals(p.type())) {
                return p.id();
            }
        }
        return null;
    }

    /** A scope found in a sentence: its words, what a person would call it, and its key part. */
    private record Found(int start, int end, String label, String id) {
    }

    static void enrich(SentenceContext c, Candidate k) {
        if (!(k.kind == ClaimKind.COUNT || k.kind == ClaimKind.QUANTITY) || k.eventAttribute) {
            return;
        }
        int from = c.clauseStart(k.figureFrom);
        int to = FigureFrames.clauseEnd(c, k.to);
        Found best = partOfPlace(c, k);
        for (int i = k.from; i < k.figureFrom && best == null; i++) {
            best = at(c, i); // "losses in Florida at $28 billion": the place inside the figure's own words
        }
        // after the figure's words first: "19 homes in Kula and Olinda"; not past another figure ("Nineteen homes have
        // been destroyed - 16 in Kula and three in Olinda")
        for (int i = k.to; i < to && best == null; i++) {
            Token w = c.t.get(i);
            if (stops(w) || w.is("-") || i > k.to && NumberRules.startsNumber(c.t, i) && !w.pos("DET")) {
                break;
            }
            best = at(c, i);
        }
        for (int i = k.from - 1; i >= from && best == null; i--) {
            if (i > 0 && Attributions.sourceNoun(c.t, i)) {
                continue; // "Authorities in Hawaii have lowered the toll": where the source is, not what it counts
            }
            best = at(c, i);
        }
        if (best == null && k.people) {
            best = possessive(c, k.from);
        }
        if (best == null && k.people) {
            best = crossedPlace(c, Math.max(0, k.from - 15), k.from);
        }
        if (best == null && from > 0) {
            best = opening(c); // "In Syria, state media reported that at least 968 people were killed"
        }
        if (best != null && k.group != null && best.id().equals(ClaimKey.slug(k.group))) {
            best = null; // "among the officers": the group itself
        }
        if (best != null) {
            k.scopeLabel = k.group != null ? k.group + " in " + best.label() : best.label();
            k.scopeId = k.group != null ? best.id() + "/" + ClaimKey.slug(k.group) : best.id();
        } else if (k.group != null) {
            k.scopeLabel = k.group;
            k.scopeId = ClaimKey.slug(k.group);
        }
    }

    /**
     * The scope of a count of people that names none, from the authority it is attributed to when that authority
     * speaks for another place than the story's: another country ("Cuban state media reported two deaths" in a story
     * of a storm in the United States) or a region outside the story's own ("North Carolina officials reported four
     * deaths" in a Florida story). An authority of the story's country, of its region or of a region around or inside
     * it ("Maui County", "Hawaii's governor" of a Lahaina story) speaks for the whole event and sets none.
     */
    static void byAuthority(SentenceContext c, Candidate k) {
        if (k.scopeId != null || !k.people || k.group != null || k.attribution == null
                || c.state.storyCountry == null) {
            return;
        }
        List<Token> t = c.t;
        for (int i = 0; i < t.size(); i++) {
            Place p = null;
            int end = i + 1;
            if (c.actorAt[i] >= 0) {
                Gazetteer.Actor a = c.actors.get(c.actorAt[i]);
                p = a.isPerson() || a.country() == null ? null : BY_ID.get(a.country());
                end = a.end();
            }
            if (p == null && t.get(i).capitalized()) {
                PhraseMatcher.Match<Place> m = PLACES.match(t, i);
                p = m == null ? null : m.value();
                end = m == null ? end : m.end();
            }
            if (p == null || !k.attribution.contains(Tokenizer.text(t, i, end))) {
                continue;
            }
            if (foreign(c, p)) {
                k.scopeId = p.id();
                k.scopeLabel = p.name();
            }
            return;
        }
    }

    /** Whether place p lies outside the story's country, or outside (and around no part of) the story's region. */
    private static boolean foreign(SentenceContext c, Place p) {
        String country = countryOf(p);
        if (country == null) {
            return false;
        }
        if (!country.equals(c.state.storyCountry)) {
            return true;
        }
        String region = c.state.storyRegion;
        return "region".equals(p.type()) && region != null && !within(region, p.id()) && !within(p.id(), region);
    }

    /**
     * Where a placed event happened (a storm's landfall: event-realizations.txt [placed]), as the scope of its date: the
     * first place named after its verb in the story's country ("came ashore near Georgetown, about 60 miles north of
     * Charleston" in a story of the United States is South Carolina, not Guyana's capital), else the first place named
     * there, else the place that opens the sentence ("In Florida, where Ian made landfall on Wednesday"). A place in
     * the story's country is taken at the level of the region right under it (Cayo Costa is Florida), one abroad at
     * the level of its country.
     */
    static void placeEvent(SentenceContext c, Candidate k, int verb) {
        List<Token> t = c.t;
        Place first = null;
        Place home = null;
        for (int i = verb + 1; i < Math.min(t.size(), verb + PLACE_REACH) && home == null; i++) {
            Token w = t.get(i);
            if (w.is(";") || i > verb + 2 && (Attributions.sourceNoun(t, i) || w.pos("CCONJ") || w.pos("SCONJ")
                    || WordClasses.is(w, "direction-links"))) {
                break; // "made landfall in Cuba and then moved toward Florida": the place ends with its clause
            }
            Place p = null;
            int end = i + 1;
            PhraseMatcher.Match<Place> m = t.get(i).isWord() && t.get(i).capitalized() ? PLACES.match(t, i) : null;
            if (m != null) {
                p = m.value();
                end = m.end();
            } else if (c.actorAt[i] >= 0 && !c.actors.get(c.actorAt[i]).isPerson()
                    && c.actors.get(c.actorAt[i]).country() != null) {
                p = BY_ID.get(c.actors.get(c.actorAt[i]).country()); // "the western Cuban coast"
                end = c.actors.get(c.actorAt[i]).end();
            }
            if (p == null) {
                continue;
            }
            first = first == null || "country".equals(first.type()) && !"country".equals(p.type()) ? p : first;
            if (c.state.storyCountry != null && c.state.storyCountry.equals(countryOf(p)) && !"country".equals(p.type())) {
                home = p; // "a second U.S. landfall near Georgetown, South Carolina": the place within the country
            }
            i = end - 1;
        }
        Place chosen = home != null ? home : first;
        if (chosen == null) {
            Found opening = opening(c);
            chosen = opening == null || opening.id().contains("+") ? null : BY_ID.get(opening.id());
        }
        if (chosen == null) {
            for (Token w : t) {
                if (WordClasses.is(w, "repetition-words")) {
                    k.unreadReason = UNPLACED; // "made landfall again on Friday": which landfall is not told
                    return;
                }
            }
            String region = topRegion(c.state.storyRegion);
            if (region != null) {
                // "the storm made landfall on Wednesday", "came ashore near Port Lavaca" (a place the gazetteer does
                // not list) in a story of Florida: the story's region
                k.scopeId = region;
                k.scopeLabel = BY_ID.get(region).name();
            }
            return;
        }
        String country = countryOf(chosen);
        String region = topRegion(chosen.id());
        String id = country != null && !country.equals(c.state.storyCountry) ? country
                : region != null ? region : chosen.id();
        Place p = BY_ID.get(id);
        k.scopeId = id;
        k.scopeLabel = p != null ? p.name() : chosen.name();
    }

    /**
     * The event's own measures (a wind speed, a category) told with a placed event of the sentence ("came ashore near
     * Cayo Costa at 3:05 p.m. with 150 mph winds") are of that event: they take its place, so that the winds of two
     * landfalls are never compared.
     */
    static void ofPlacedEvent(List<Candidate> candidates) {
        Candidate placed = null;
        for (Candidate k : candidates) {
            if (k.kind == ClaimKind.DATE && k.scopeId != null && EventDates.placed(k.key.last())) {
                placed = k;
                break;
            }
        }
        if (placed == null) {
            return;
        }
        for (Candidate k : candidates) {
            if (k.kind == ClaimKind.QUANTITY && k.eventAttribute && k.scopeId == null) {
                k.scopeId = placed.scopeId;
                k.scopeLabel = placed.scopeLabel;
            }
        }
    }

    /** Why a repeated placed event's date that names no place is no claim: it cannot be told from the others. */
    static final String UNPLACED = "not placed";

    /** How many tokens after an event's verb the place it happened in may be named. */
    private static final int PLACE_REACH = 18;

    /** Tokens that end the stretch after a figure where its scope may stand. */
    private static boolean stops(Token w) {
        return w.is(",") || STOPS.contains(w.lower());
    }

    /** A scope phrase starting at token i: "in Lyon", "in the town of Lahaina", "among foreigners", "elsewhere". */
    private static Found at(SentenceContext c, int i) {
        List<Token> t = c.t;
        Token w = t.get(i);
        if (WordClasses.is(w, "scope-elsewhere")) {
            return new Found(i, i + 1, w.lower(), w.lower());
        }
        if (WordClasses.is(w, "region-wide-words")) {
            return referredRegion(c, i, i + 1, WordClasses.is(w, "top-region-wide-words")); // "23 statewide"
        }
        if (WordClasses.is(w, "scope-group-prepositions") && i + 1 < t.size()) {
            LemmaLexicon.Match g = FigureFrames.MEASURES.at(t, i + 1);
            if (g != null && g.entry().has("group")) {
                return new Found(i, g.end(), g.entry().name(), ClaimKey.slug(g.entry().name()));
            }
            return null;
        }
        if (!PREPOSITIONS.contains(w.lower()) || i + 1 >= t.size()) {
            return null;
        }
        if (i > 0 && c.headAt[i - 1] >= 0 && c.heads.get(c.headAt[i - 1]).event()) {
            return null; // "the earthquake in Nepal", "the fire in Lahaina": the place of the event, not a scope
        }
        int k = i + 1;
        String portion = null;
        // "in the town of Lahaina", "in government-controlled parts of Syria", "in the province of Al Haouz"
        for (int j = k; j < Math.min(t.size() - 1, k + 6); j++) {
            Token x = t.get(j);
            if (WordClasses.is(x, "partitive-links") && j > k) {
                if (WordClasses.is(t.get(j - 1), "portion-nouns") && !WordClasses.is(t.get(k), "whole-quantifiers")) {
                    // "in government-controlled parts of Syria": a part of the place, never compared with its whole
                    // ("in all parts of the country" is the whole)
                    int p = t.get(k).pos("DET") ? k + 1 : k;
                    portion = ClaimKey.slug(Tokenizer.text(t, p, j));
                }
                k = j + 1;
                break;
            }
            if (!(x.pos("DET") || x.is("-") || (x.pos("ADJ") || x.pos("NOUN") || x.pos("VERB")) && !x.capitalized())) {
                break;
            }
        }
        if (k < t.size() && (t.get(k).pos("DET") || WordClasses.is(t.get(k), "possessive-determiners"))) {
            k++;
        }
        while (k + 1 < t.size() && k < i + 3 && !t.get(k).capitalized() && (t.get(k).pos("ADJ") || t.get(k).pos("VERB"))
                && t.get(k + 1).capitalized() && PLACES.match(t, k + 1) != null) {
            k++; // "in neighboring Charlotte County", "in western Cuba"
        }
        if (k < t.size() && k == i + 2 && WordClasses.is(t.get(k), "region-references")
                && (WordClasses.is(t.get(k - 1), "definite-determiners")
                        || WordClasses.is(t.get(k - 1), "possessive-determiners"))
                && !(k + 1 < t.size() && (t.get(k + 1).kind() == Token.Kind.POSSESSIVE || t.get(k + 1).nominal()
                        || WordClasses.is(t.get(k + 1), "partitive-links")))) {
            // "had died in the state", "16 deaths in his county"
            return referredRegion(c, i, k + 1, WordClasses.is(t.get(k), "top-region-references"));
        }
        if (k < t.size() && k > i + 1 && WordClasses.is(t.get(k), "country-references")
                && WordClasses.is(t.get(k - 1), "definite-determiners")
                && !(k + 1 < t.size() && (t.get(k + 1).kind() == Token.Kind.POSSESSIVE
                        || WordClasses.is(t.get(k + 1), "partitive-links")))) {
            Found country = referredCountry(c, i, k + 1); // "8,574 people in the country have died"
            return country == null || portion == null || portion.isEmpty() ? country
                    : new Found(i, k + 1, Tokenizer.text(t, i + 1, k + 1), country.id() + "/" + portion);
        }
        // "in Morocco's Al Haouz province": the place is the one after the possessive
        Found first = k < t.size() ? place(c, k) : null;
        if (first != null && first.end() < t.size() && t.get(first.end()).kind() == Token.Kind.POSSESSIVE) {
            k = first.end() + 1;
        }
        List<String> labels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int end = k;
        while (k < t.size()) {
            Found one = place(c, k);
            if (one == null || one.end() < t.size() && t.get(one.end()).kind() == Token.Kind.POSSESSIVE) {
                break;
            }
            labels.add(one.label());
            ids.add(one.id());
            end = one.end();
            k = one.end();
            // "in Kula and Olinda", "in Kula, Olinda and Lahaina"; after a comma only a listed place goes on the list
            // ("in Lee County, Sheriff Carmine Marceno said" names a person)
            if (k + 1 < t.size() && (t.get(k).pos("CCONJ") && place(c, k + 1) != null
                    || t.get(k).is(",") && PLACES.match(t, k + 1) != null)) {
                k++;
                continue;
            }
            break;
        }
        if (ids.isEmpty()) {
            return null;
        }
        int after = end;
        while (after < t.size() && after < end + 3 && t.get(after).pos("NOUN") && c.headAt[after] < 0) {
            after++;
        }
        if (after < t.size() && c.headAt[after] >= 0 && c.heads.get(c.headAt[after]).event()) {
            return null; // "in the Odisha train crash": the place names the event, it narrows no figure
        }
        ids.sort(null);
        if (portion != null && !portion.isEmpty()) {
            return new Found(i, end, Tokenizer.text(t, i + 1, end), String.join("+", ids) + "/" + portion);
        }
        return new Found(i, end, String.join(" and ", labels), String.join("+", ids));
    }

    /**
     * "Ian crossed western Cuba as a hurricane, killing two people": the place a verb of passing (crossing-verbs) went
     * through before the people counted after it. Only places of the gazetteer count.
     */
    private static Found crossedPlace(SentenceContext c, int from, int to) {
        List<Token> t = c.t;
        for (int i = to - 1; i >= from; i--) {
            Token v = t.get(i);
            // the model reads some past forms as nouns: "the storm tore/NOUN through Florida"; tags first, the lemma
            // (a model call) only for a candidate verb
            boolean verb = v.pos("VERB") || v.pos("NOUN") && i > 0 && t.get(i - 1).nominal() && i + 1 < to
                    && WordClasses.is(t.get(i + 1), "crossing-links");
            if (!verb || !WordClasses.of("crossing-verbs").contains(v.verbLemma())) {
                continue;
            }
            int k = i + 1;
            while (k < to && (t.get(k).pos("ADJ") || t.get(k).pos("ADV") || WordClasses.is(t.get(k), "crossing-links")
                    || t.get(k).pos("DET"))) {
                k++; // "crossed western Cuba", "tore through"
            }
            PhraseMatcher.Match<Place> m = k < to ? PLACES.match(t, k) : null;
            if (m != null) {
                return new Found(k, m.end(), Tokenizer.text(t, k, m.end()), m.value().id());
            }
            return null;
        }
        return null;
    }

    /** One place at token k: from the gazetteer, else a run of capitalized proper nouns that names no other thing. */
    private static Found place(SentenceContext c, int k) {
        List<Token> t = c.t;
        PhraseMatcher.Match<Place> m = PLACES.match(t, k);
        int end;
        if (m != null) {
            end = m.end();
            if (end < t.size() && t.get(end).kind() == Token.Kind.POSSESSIVE) {
                return new Found(k, end, Tokenizer.text(t, k, end), m.value().id());
            }
            // "Lee County", "Al Haouz province": a type word after the name belongs to it
            if (end < t.size() && REGION_WORDS.contains(t.get(end).lower())) {
                end++;
            }
            return new Found(k, end, Tokenizer.text(t, k, end), m.value().id());
        }
        if (!FigureFrames.nameLike(c, k) || c.headAt[k] >= 0 || c.inTime(k)) {
            return null;
        }
        end = k;
        while (end < t.size() && FigureFrames.nameLike(c, end)) {
            end++;
        }
        if (end < t.size() && REGION_WORDS.contains(t.get(end).lower())) {
            end++;
        }
        // "in Maui's Upcountry region": a possessive place is skipped by the caller for the one after it
        return new Found(k, end, Tokenizer.text(t, k, end), ClaimKey.slug(Tokenizer.text(t, k, end)));
    }


    /**
     * A figure broken down right after it into parts of places ("Nineteen homes have been destroyed - 16 in Kula and
     * three in Olinda"): the whole covers the parts' places together ({@code kula+olinda}), as "19 homes in Kula and
     * Olinda" does. The parts must be counts of the same key whose values add up to the whole's.
     */
    static void wholesOfParts(List<Candidate> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            Candidate whole = candidates.get(i);
            if (whole.kind != ClaimKind.COUNT || whole.scopeId != null || whole.group != null) {
                continue;
            }
            java.math.BigInteger sum = java.math.BigInteger.ZERO;
            List<String> ids = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int j = i + 1; j < candidates.size(); j++) {
                Candidate part = candidates.get(j);
                if (part.kind != ClaimKind.COUNT || !part.key.equals(whole.key) || part.scopeId == null
                        || part.scopeId.contains("/") || !integer(part.value)) {
                    break;
                }
                sum = sum.add(new java.math.BigInteger(part.value));
                ids.add(part.scopeId);
                labels.add(part.scopeLabel);
            }
            if (ids.size() >= 2 && integer(whole.value) && sum.equals(new java.math.BigInteger(whole.value))) {
                whole.scopeId = String.join("+", ids);
                whole.scopeLabel = String.join(" and ", labels);
            }
        }
    }

    private static boolean integer(String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }

    /** "37 of Scotland's 57 seats": the place whose whole the figure is a part of, inside the figure's words. */
    private static Found partOfPlace(SentenceContext c, Candidate k) {
        List<Token> t = c.t;
        if (k.people) {
            return null; // "two million of Hong Kong's seven million people turned out": the place's people, the whole
        }
        for (int i = k.figureTo; i + 2 < k.to; i++) {
            if (WordClasses.is(t.get(i), "partitive-links")) {
                int s = i + 1;
                int p = s;
                while (p < k.to && t.get(p).kind() != Token.Kind.POSSESSIVE) {
                    p++;
                }
                PhraseMatcher.Match<Place> m = p < k.to ? PLACES.match(t, s) : null;
                return m != null && m.end() == p ? new Found(s, p, Tokenizer.text(t, s, p), m.value().id()) : null;
            }
        }
        return null;
    }

    /** "Syria's death toll", "Florida's toll": a place in a possessive before the figure's words. */
    private static Found possessive(SentenceContext c, int from) {
        List<Token> t = c.t;
        for (int k = from - 1; k >= Math.max(0, from - 5); k--) {
            if (t.get(k).kind() == Token.Kind.POSSESSIVE && k >= 2 && WordClasses.is(t.get(k - 1), "country-references")
                    && WordClasses.is(t.get(k - 2), "definite-determiners")) {
                return referredCountry(c, k - 2, k); // "the country's death toll passed 8,500"
            }
            if (t.get(k).kind() == Token.Kind.POSSESSIVE) {
                int s = k - 1;
                while (s - 1 >= 0 && t.get(s - 1).capitalized() && t.get(s - 1).isWord()) {
                    s--;
                }
                if (s < 0) {
                    return null;
                }
                PhraseMatcher.Match<Place> m = PLACES.match(t, s);
                return m != null && m.end() == k ? new Found(s, k, Tokenizer.text(t, s, k), m.value().id()) : null;
            }
            if (!(t.get(k).pos("NOUN") || t.get(k).pos("ADJ") || t.get(k).is("-"))) {
                return null;
            }
        }
        return null;
    }
}
