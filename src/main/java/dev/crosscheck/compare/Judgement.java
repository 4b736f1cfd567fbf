package dev.crosscheck.compare;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the claims of one finding say about each other, by witness, authority and time: whether an outlet misreports
 * (contradiction), whether named authorities disagree (disputed), and whether a running figure changed over time.
 *
 * <ul>
 *   <li>A <b>witness</b> is a source, or the original of a source that republishes it (a wire copy is no second
 *       witness). A witness never contradicts itself.</li>
 *   <li>Values credited to one <b>authority</b> (two wordings of one authority, or a joint attribution that names it,
 *       count as one) must agree across witnesses: otherwise an outlet misreports it, a contradiction. A value an outlet
 *       states on its own account contradicts only when it is compatible with no value any other witness gives, from
 *       any authority: a figure that matches one authority's is that authority's, unnamed.</li>
 *   <li>Named authorities whose values are incompatible are <b>disputed</b>: the finding shows each authority's value,
 *       and it is no outlet's error.</li>
 *   <li>For a running figure, values are compared only with values that refer to the same day (the time a figure
 *       refers to, else its source's publication date): a value that differs on another day is the figure changing
 *       (<b>changed</b>), up or down, and so is a value of another report of the same day when neither says the time
 *       it refers to, or of another report whose day nobody knows (an undated page's toll is of its own moment); a
 *       value that differs at one time is still a contradiction or a dispute. Values told as fixed facts (not
 *       running, no time of their own) beside a running one are no moments of its series: outlets that give them
 *       differently still contradict each other ("the module cost Rs 250 crore" against "Rs 215 crore", though an
 *       estimate of 2020 is among the values), when every running value refers to a time before they were
 *       published. A
 *       value the text gives as replaced since ("down from the 115", "had given a figure of 89") comes before the
 *       values of its day.</li>
 * </ul>
 */
record Judgement(boolean contradiction, boolean disputed, boolean changed) {

    /** One claim's value, with its witness, the authorities it is credited to and the day it refers to. */
    private record Observation(String witness, Set<String> authorities, String day, ClaimValue value, String valueKey,
                               boolean dated) {
    }

    static Judgement of(ClaimKind kind, List<? extends ValuedClaim> members, Map<String, LocalDate> published,
                        Map<String, String> copyOf, boolean running) {
        List<Observation> all = new ArrayList<>(members.size());
        List<Observation> fixed = new ArrayList<>();
        String lastRunning = ""; // the latest time a running value refers to
        String firstFixed = null; // the earliest day a fixed value was published; "" when one's day is unknown
        for (ValuedClaim m : members) {
            Claim c = m.claim();
            String day = running ? time(c, published) : "";
            // a value the text gives as replaced since comes before the current values of its day
            String order = running ? (day == null ? "" : day) + (c.superseded() ? "a" : "b") : "";
            Observation o = new Observation(copyOf.getOrDefault(c.source(), c.source()), authorities(c.attribution()),
                    order, m.value(), c.value().strip() + (c.approximate() ? "~" : ""), c.asOf() != null);
            all.add(o);
            if (running && !c.running() && c.asOf() == null) {
                fixed.add(o);
                String t = time(c, published);
                firstFixed = t == null || "".equals(firstFixed) ? "" : firstFixed == null || t.compareTo(firstFixed) < 0 ? t : firstFixed;
            } else if (running && c.running()) {
                String t = time(c, published);
                lastRunning = t == null ? "\uffff" : t.compareTo(lastRunning) > 0 ? t : lastRunning;
            }
        }
        Map<String, List<Observation>> byDay = new LinkedHashMap<>();
        for (Observation o : all) {
            byDay.computeIfAbsent(o.day(), d -> new ArrayList<>()).add(o);
        }
        boolean contradiction = false;
        boolean disputed = false;
        for (List<Observation> day : byDay.values()) {
            boolean undated = day.get(0).day().length() <= 1; // no day known
            // a running figure of a report whose day nobody knows is of that report's moment only: two undated
            // reports of a toll are two moments, not one authority against another
            for (List<Observation> judged : !running ? List.of(day) : undated ? byWitness(day) : comparableOnOneDay(day)) {
                contradiction |= misreported(judged);
                disputed |= disputed(judged);
            }
        }
        // values told as fixed facts (no time of their own, no word of change: "the module cost Rs 250 crore") are of
        // no moment of the series a dated estimate or a running report starts: they must agree among themselves
        // ... when the series had ended before they were published: a running report among them ("has now
        // destroyed 1,200 homes") makes them moments of the figure too
        contradiction |= running && firstFixed != null && !firstFixed.isEmpty() && lastRunning.compareTo(firstFixed) < 0
                && misreported(fixed);
        boolean changed = false;
        if (running) {
            List<Observation> firsts = new ArrayList<>();
            outer:
            for (Observation o : distinctValues(all)) {
                for (Observation f : firsts) {
                    boolean later = o.day().compareTo(f.day()) > 0;
                    boolean apart = !o.day().equals(f.day())
                            || !o.witness().equals(f.witness()) && !(o.dated() && f.dated());
                    if (apart && !o.valueKey().equals(f.valueKey())
                            && (!o.value().compatibleWith(f.value())
                            || (later ? dominates(o.value(), f.value()) : dominates(f.value(), o.value())))) {
                        changed = true;
                        break outer;
                    }
                }
                firsts.add(o);
            }
        }
        return new Judgement(contradiction, disputed, changed);
    }

    /** Observations by witness, in the order first seen. */
    private static List<List<Observation>> byWitness(List<Observation> obs) {
        Map<String, List<Observation>> out = new LinkedHashMap<>();
        for (Observation o : obs) {
            out.computeIfAbsent(o.witness(), w -> new ArrayList<>()).add(o);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * A value above another: neither end lower, one end higher ("more than 3,700" over "more than 1,000"). A later
     * figure above an earlier one is growth; a later one below it but compatible ("more than 1,000" after "more than
     * 3,700") says less, not otherwise.
     */
    private static boolean dominates(ClaimValue a, ClaimValue b) {
        if (a instanceof ClaimValue.Quantity x && b instanceof ClaimValue.Quantity y && x.unit() != null
                && y.unit() != null && !x.unit().equals(y.unit()) && a.compatibleWith(b)) {
            return false; // "240 km/h" after "150 mph": the same value converted and rounded, no growth
        }
        return a instanceof ClaimValue.Numeric x && b instanceof ClaimValue.Numeric y && x.lo() >= y.lo()
                && x.hi() >= y.hi() && (x.lo() > y.lo() || x.hi() > y.hi());
    }

    /** The claims a judgement reads: a claim and its parsed value. */
    interface ValuedClaim {
        Claim claim();

        ClaimValue value();
    }

    /**
     * The time a claim's value refers to: its {@code asOf} (a day, a time of a day: "2023-08-12T14:05" for a live
     * blog's entry), else its source's publication date; null when neither is known.
     */
    static String time(Claim c, Map<String, LocalDate> published) {
        if (c.asOf() != null) {
            return c.asOf();
        }
        LocalDate d = published.get(c.source());
        return d == null ? null : d.toString();
    }

    /**
     * The authorities of an attribution: "Pacific Disaster Center and FEMA" names two, either of which identifies it;
     * none for a value the outlet states itself.
     */
    static Set<String> authorities(String attribution) {
        if (attribution == null || attribution.isBlank()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String part : attribution.split(" and ")) {
            if (!part.isBlank()) {
                out.add(part.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Whether two attributions name one authority: they share one, or one's name is part of the other's ("Northwind"
     * of "Northwind Systems", "Green" of "Josh Green"), word for word.
     */
    private static boolean sameAuthority(Set<String> a, Set<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y) || words(x).containsAll(words(y)) || words(y).containsAll(words(x))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> words(String name) {
        return List.of(name.split(" "));
    }

    /** Whether two attributions, as written, name one authority ({@link #sameAuthority}'s rule). */
    static boolean sameAuthority(String a, String b) {
        return sameAuthority(authorities(a), authorities(b));
    }

    /** Wordings of one value beyond this many are listed as they are, not merged: the merge compares them in pairs. */
    private static final int MAX_MERGED_WORDINGS = 64;

    /**
     * The authorities of a value as a reader should see them: wordings of one authority ("Gov. Josh Green" and "Josh
     * Green", by {@link #sameAuthority}'s word rule) told once, in the fullest wording.
     */
    static List<String> distinctAuthorities(java.util.Collection<String> attributions) {
        List<String> longestFirst = new ArrayList<>(new TreeSet<>(attributions));
        if (longestFirst.size() < 2 || longestFirst.size() > MAX_MERGED_WORDINGS) {
            return List.copyOf(longestFirst);
        }
        longestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed());
        List<String> kept = new ArrayList<>();
        List<Set<String>> keptNames = new ArrayList<>();
        for (String a : longestFirst) {
            Set<String> named = authorities(a);
            if (keptNames.stream().noneMatch(k -> sameAuthority(k, named))) {
                kept.add(a);
                keptNames.add(named);
            }
        }
        kept.sort(null);
        return List.copyOf(kept);
    }

    /**
     * Of a running figure's observations of one day, the sets that certainly refer to one moment: each witness's own
     * (one report of the state of things: a dispute between the authorities it cites), and those of all witnesses
     * that name the time they refer to. Two reports published the same day may have been written hours apart, as the
     * figure changed: they are a series, not a conflict, unless they say when they held.
     */
    private static List<List<Observation>> comparableOnOneDay(List<Observation> day) {
        List<Observation> dated = new ArrayList<>();
        for (Observation o : day) {
            if (o.dated()) {
                dated.add(o);
            }
        }
        List<List<Observation>> out = byWitness(day);
        out.add(dated);
        return out;
    }

    /** One observation per distinct (witness, authority, day, value): sources repeating one value are judged once. */
    private static List<Observation> distinctValues(List<Observation> observations) {
        Map<String, Observation> out = new LinkedHashMap<>();
        for (Observation o : observations) {
            out.putIfAbsent(o.witness() + '\u0000' + o.authorities() + '\u0000' + o.day() + '\u0000' + o.valueKey(), o);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Whether an outlet misreports, among observations of one day: two witnesses credit one authority with incompatible
     * values, or a witness's own values (no authority) are compatible with nothing any other witness gives.
     */
    private static boolean misreported(List<Observation> day) {
        List<Observation> obs = distinctValues(day);
        if (obs.size() < 2) {
            return false;
        }
        // by authority: witnesses that credit one authority must agree. Witnesses that give the very same values
        // cannot disagree with each other and disagree with others alike: one of each kind is compared.
        Map<String, List<Observation>> byWitness = new LinkedHashMap<>();
        for (Observation o : obs) {
            byWitness.computeIfAbsent(o.witness(), w -> new ArrayList<>()).add(o);
        }
        List<Observation> kinds = oneWitnessPerSetOfValues(obs, byWitness);
        for (int i = 0; i < kinds.size(); i++) {
            Observation a = kinds.get(i);
            if (a.authorities().isEmpty()) {
                continue;
            }
            for (int j = i + 1; j < kinds.size(); j++) {
                Observation b = kinds.get(j);
                if (!a.witness().equals(b.witness()) && sameAuthority(a.authorities(), b.authorities())
                        && !compatibleWitnesses(kinds, a, b)) {
                    return true;
                }
            }
        }
        // on an outlet's own account: a witness's own values (no authority cited) compatible with none of another
        // witness's values, unless each matches some authority's value (then it reports a dispute without naming it).
        // Each witness is judged by its most precise values: a day it also gives a time of adds nothing.
        List<Observation> attributed = new ArrayList<>();
        for (Observation o : obs) {
            if (!o.authorities().isEmpty()) {
                attributed.add(o);
            }
        }
        if (byWitness.size() < 2) {
            return false;
        }
        // Witnesses that give the same values are judged once: a story whose thousands of sources repeat one figure
        // compares a few sets of values, not every pair of witnesses.
        Map<String, List<Observation>> precise = new LinkedHashMap<>();
        for (List<Observation> values : byWitness.values()) {
            List<Observation> best = mostPrecise(values);
            precise.putIfAbsent(setOfValues(best), best);
        }
        for (Map.Entry<String, List<Observation>> w : precise.entrySet()) {
            List<Observation> own = new ArrayList<>();
            for (Observation o : w.getValue()) {
                if (o.authorities().isEmpty()) {
                    own.add(o);
                }
            }
            if (own.isEmpty() || matchAuthority(own, attributed)) {
                continue;
            }
            for (Map.Entry<String, List<Observation>> x : precise.entrySet()) {
                // another witness that gives the very same values agrees with it
                if (!x.getKey().equals(w.getKey()) && !anyCompatibleObservations(own, x.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a witness's observations say, whoever the witness: their authorities and values, in a fixed order. */
    private static String setOfValues(List<Observation> values) {
        List<String> keys = new ArrayList<>(values.size());
        for (Observation o : values) {
            keys.add(o.authorities() + "\u0000" + o.valueKey());
        }
        keys.sort(null);
        return String.join("\u0001", keys);
    }

    /** The observations of the first witness of each set of values (authority and value) the witnesses give. */
    private static List<Observation> oneWitnessPerSetOfValues(List<Observation> obs,
                                                             Map<String, List<Observation>> byWitness) {
        Map<String, List<Observation>> bySet = new LinkedHashMap<>();
        for (List<Observation> values : byWitness.values()) {
            bySet.putIfAbsent(setOfValues(values), values);
        }
        if (bySet.size() == byWitness.size()) {
            return obs;
        }
        List<Observation> out = new ArrayList<>();
        bySet.values().forEach(out::addAll);
        return out;
    }

    /** A witness's values without those another of its values lies inside ("Saturday" beside "5:40 a.m. Saturday"). */
    private static List<Observation> mostPrecise(List<Observation> values) {
        List<Observation> out = new ArrayList<>(values.size());
        for (Observation v : values) {
            boolean refined = false;
            for (Observation w : values) {
                if (w != v && w.value().compatibleWith(v.value()) && width(w.value()) < width(v.value())) {
                    refined = true;
                    break;
                }
            }
            if (!refined) {
                out.add(v);
            }
        }
        return out;
    }

    /** How much a value leaves open: the length of its period or interval; infinite when unknown. */
    private static double width(ClaimValue v) {
        if (v instanceof ClaimValue.Date d) {
            return d.end() - d.start();
        }
        if (v instanceof ClaimValue.Numeric n) {
            return n.hi() - n.lo();
        }
        return Double.POSITIVE_INFINITY;
    }

    private static boolean anyCompatibleObservations(List<Observation> a, List<Observation> b) {
        for (Observation x : a) {
            for (Observation y : b) {
                if (x.value().compatibleWith(y.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether every one of a witness's own values matches some authority's value. */
    private static boolean matchAuthority(List<Observation> values, List<Observation> attributed) {
        for (Observation v : values) {
            boolean found = false;
            for (Observation a : attributed) {
                if (v.value().compatibleWith(a.value())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Whether two witnesses that credit one authority have some compatible pair of values for it. */
    private static boolean compatibleWitnesses(List<Observation> obs, Observation a, Observation b) {
        for (Observation x : obs) {
            if (!x.witness().equals(a.witness()) || !sameAuthority(x.authorities(), a.authorities())) {
                continue;
            }
            for (Observation y : obs) {
                if (y.witness().equals(b.witness()) && sameAuthority(y.authorities(), b.authorities())
                        && x.value().compatibleWith(y.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether two named authorities give incompatible values, among observations of one day. */
    private static boolean disputed(List<Observation> day) {
        Map<Set<String>, List<ClaimValue>> byAuthority = new LinkedHashMap<>();
        for (Observation o : distinctValues(day)) {
            if (!o.authorities().isEmpty()) {
                byAuthority.computeIfAbsent(o.authorities(), a -> new ArrayList<>()).add(o.value());
            }
        }
        List<Map.Entry<Set<String>, List<ClaimValue>>> entries = new ArrayList<>(byAuthority.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (sameAuthority(entries.get(i).getKey(), entries.get(j).getKey())) {
                    continue;
                }
                if (!anyCompatible(entries.get(i).getValue(), entries.get(j).getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyCompatible(List<ClaimValue> a, List<ClaimValue> b) {
        for (ClaimValue x : a) {
            for (ClaimValue y : b) {
                if (x.compatibleWith(y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
