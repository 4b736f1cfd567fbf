package dev.crosscheck.compare;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKey;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Modality;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aligns a story's claims across sources and judges each group: agreement, contradiction, evolving, single source.
 *
 * <p>Claims are grouped by (kind, key); a quantity group is further split by unit family, since kilometres and
 * percent are never compared. Within a group each source's values form a set, so a source never contradicts
 * itself: two sources conflict when no value of one is compatible with any value of the other (compatibility per
 * kind: {@link ClaimValue}); the verdicts are {@link Judgement}'s (package-info has the rules):
 * <ul>
 *   <li><b>contradiction</b>: two independent witnesses credit one authority, or none, with incompatible values;</li>
 *   <li><b>disputed</b>: named authorities give incompatible values, each faithfully reported;</li>
 *   <li><b>single-source</b>: one witness only (a wire story and its copies are one);</li>
 *   <li><b>evolving</b>: a running figure (any claim {@code running}) of a count, quantity or duration whose values
 *       change with the time they refer to, up or down; its values are listed in that order;</li>
 *   <li><b>agreement</b>: otherwise.</li>
 * </ul>
 *
 * <p>Confidence of a finding: the mean over its sources of each source's best claim confidence, times
 * {@code 1 - 2^-n} for {@code n} sources (one source 0.5, two 0.75, three 0.875, ...), rounded to three decimals.
 *
 * <p>Order: contradictions, disputes, evolving figures, agreements, single-source findings; within a verdict more
 * sources first; then by key and first value (for an evolving figure, its earliest).
 */
public final class StoryComparator {

    private final Clock clock;

    public StoryComparator() {
        this(Clock.systemUTC());
    }

    public StoryComparator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Report compare(String story, List<SourceInfo> sources, List<Claim> claims) {
        Map<String, SourceInfo> infos = new LinkedHashMap<>();
        for (SourceInfo s : sources) {
            infos.putIfAbsent(s.id(), s);
        }
        Map<String, Integer> claimCounts = new LinkedHashMap<>();
        Map<GroupKey, List<Claim>> groups = new LinkedHashMap<>();
        for (Claim c : claims) {
            claimCounts.merge(c.source(), 1, Integer::sum);
        }
        // (the event places are known once every source is read: keys are grouped after)
        List<Claim> pending = claims;
        SourceNames names = new SourceNames(infos.values(), claimCounts.keySet());
        Map<String, LocalDate> published = new HashMap<>();
        Map<String, LocalDate> statedDates = new HashMap<>(); // the dates the articles state, not their uploads'
        for (SourceInfo s : infos.values()) {
            LocalDate d = publishedDate(s.published());
            if (d != null) {
                published.put(s.id(), d);
                if (s.datedByArticle()) {
                    statedDates.put(s.id(), d);
                }
            }
        }
        Map<String, String> copyOf = WireCopies.find(infos.values(), published);
        Set<String> eventPlaces = new HashSet<>();
        for (SourceInfo s : infos.values()) {
            eventPlaces.addAll(s.eventPlaces());
        }

        for (Claim c : pending) {
            groups.computeIfAbsent(new GroupKey(c.kind(), groupKey(c.key(), eventPlaces), GroupKey.apartOf(c)),
                    k -> new ArrayList<>()).add(c);
        }
        List<Ranked> ranked = new ArrayList<>();
        // Many sources repeat the same values: each distinct (kind, value, approximate) is parsed once.
        Map<String, ClaimValue> parsed = new HashMap<>();
        joinOccurrences(groups, parsed);
        joinUnowned(groups, parsed);
        joinUnqualified(groups, parsed);
        for (Map.Entry<GroupKey, List<Claim>> group : groups.entrySet()) {
            ClaimKind kind = group.getKey().kind();
            Map<String, List<Parsed>> byFamily = new TreeMap<>();
            for (Claim c : group.getValue()) {
                ClaimValue v = parsedValue(c, parsed);
                byFamily.computeIfAbsent(v.family(), f -> new ArrayList<>()).add(new Parsed(c, v));
            }
            for (List<Parsed> members : byFamily.values()) {
                for (List<Parsed> part : scattered(kind, members)) {
                    ranked.add(judge(kind, group.getKey(), part, published, statedDates, names, copyOf));
                }
            }
        }
        ranked.sort(ORDER);

        List<Report.Finding> findings = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            findings.add(r.finding());
        }
        findings = PartsAndWholes.noted(findings, eventPlaces);
        List<Report.Source> reportSources = new ArrayList<>();
        for (SourceInfo s : infos.values()) {
            reportSources.add(new Report.Source(s.id(), s.title(), s.publisher(), s.published(), s.publishedFrom(),
                    claimCounts.getOrDefault(s.id(), 0), copyOf.get(s.id()), s.coverage(), s.warnings()));
        }
        // Sources that gave claims but were not described come last, by id.
        for (Map.Entry<String, Integer> e : new TreeMap<>(claimCounts).entrySet()) {
            if (!infos.containsKey(e.getKey())) {
                reportSources.add(new Report.Source(e.getKey(), null, null, null, null, e.getValue()));
            }
        }
        return new Report(Report.SCHEMA_VERSION, story, clock.instant().toString(), List.copyOf(reportSources),
                List.copyOf(findings), summarize(findings));
    }

    /** Counts the findings per verdict. */
    public static Report.Summary summarize(List<Report.Finding> findings) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Report.Finding f : findings) {
            counts.merge(Verdict.fromWireName(f.verdict()), 1, Integer::sum);
        }
        return new Report.Summary(counts.getOrDefault(Verdict.AGREEMENT, 0),
                counts.getOrDefault(Verdict.CONTRADICTION, 0), counts.getOrDefault(Verdict.DISPUTED, 0),
                counts.getOrDefault(Verdict.SINGLE_SOURCE, 0), counts.getOrDefault(Verdict.EVOLVING, 0));
    }

    // ---- judging one group -------------------------------------------------------------------------------

    /**
     * What claims are compared within: one kind, one key, and one way of being told: facts (asserted or negated,
     * {@code apart} null) apart from projections, hypotheses, history and generic statements (each its own).
     */
    private record GroupKey(ClaimKind kind, String key, Modality apart) {

        static Modality apartOf(Claim c) {
            return c.modality() == null || c.modality().factual() ? null : c.modality();
        }
    }

    private record Parsed(Claim claim, ClaimValue value) implements Judgement.ValuedClaim {
    }

    /** One source's distinct values in a group, with what the verdict and the confidence need of it. */
    private static final class SourceValues {
        final LocalDate published;
        /** Distinct value keys and their parsed values, in parallel; a source rarely has more than a few. */
        final List<String> keys = new ArrayList<>(1);
        final List<ClaimValue> values = new ArrayList<>(1);
        double confidence;

        SourceValues(LocalDate published) {
            this.published = published;
        }

        void add(String key, ClaimValue value) {
            if (!keys.contains(key)) {
                keys.add(key);
                values.add(value);
            }
        }

        String signature() {
            if (keys.size() == 1) {
                return keys.get(0);
            }
            List<String> sorted = new ArrayList<>(keys);
            sorted.sort(null);
            return String.join("\u0000", sorted);
        }
    }

    private record Ranked(Verdict verdict, int sourceCount, String family, Report.Finding finding) {
    }

    private static final Comparator<Ranked> ORDER = Comparator
            .comparing(Ranked::verdict)
            .thenComparing(Comparator.comparingInt(Ranked::sourceCount).reversed())
            .thenComparing(r -> r.finding().key())
            .thenComparing(r -> r.finding().values().get(0).value())
            .thenComparing(Ranked::family);

    private static Ranked judge(ClaimKind kind, GroupKey group, List<Parsed> members, Map<String, LocalDate> published,
                                Map<String, LocalDate> statedDates, SourceNames names, Map<String, String> copyOf) {
        Map<String, SourceValues> byWitness = new HashMap<>();
        boolean running = false;
        for (Parsed p : members) {
            Claim c = p.claim();
            String witness = copyOf.getOrDefault(c.source(), c.source());
            SourceValues sv = byWitness.computeIfAbsent(witness, s -> new SourceValues(published.get(s)));
            // One entry per distinct value; "about 12" and "12" are two values of the source.
            sv.add(valueKey(c), p.value());
            sv.confidence = Math.max(sv.confidence, c.confidence());
            running |= c.running();
        }
        boolean numericRunning = running && isNumeric(kind);
        // a running figure holds on the day its article states; an upload's time is no such day
        Judgement j = Judgement.of(kind, members, statedDates, copyOf, numericRunning);

        Verdict verdict;
        if (kind == ClaimKind.QUOTE) {
            verdict = byWitness.size() == 1 ? Verdict.SINGLE_SOURCE : Verdict.AGREEMENT;
        } else if (j.contradiction()) {
            verdict = byWitness.size() == 1 ? Verdict.SINGLE_SOURCE : Verdict.CONTRADICTION;
        } else if (j.disputed()) {
            verdict = Verdict.DISPUTED;
        } else if (byWitness.size() == 1) {
            verdict = Verdict.SINGLE_SOURCE;
        } else if (numericRunning && j.changed()) {
            verdict = Verdict.EVOLVING;
        } else {
            verdict = Verdict.AGREEMENT;
        }

        List<Report.Value> values = values(kind, members, published, running, verdict == Verdict.CONTRADICTION);
        if (verdict == Verdict.EVOLVING) {
            Set<String> replaced = new HashSet<>(); // values the text gives only as replaced ("up from 99")
            Set<String> current = new HashSet<>();
            for (Parsed p : members) {
                (p.claim().superseded() ? replaced : current).add(p.claim().value().strip());
            }
            replaced.removeAll(current);
            values = inTimeOrder(kind, values, replaced);
        }
        double confidence = confidence(byWitness.values());
        String attribute = mostCommon(members, false);
        String explanation = Explanations.explain(verdict, kind, attribute, values, names, published);
        String family = members.get(0).value().family();
        String subject = mostCommon(members, true);
        if (ClaimKey.occurrenceOf(group.key()) != null) {
            subject = subject + " on " + ClaimKey.occurrenceOf(group.key()); // "Demonstrated on 2019-06-09"
        }
        if (group.apart() != null) {
            subject = subject + " (" + group.apart().wireName() + ")";
        }
        String scope = ClaimKey.scopeOf(group.key()) == null ? null : mostCommonScope(members);
        if (scope != null) {
            // "For Syria: Harbor Wire says 5,800; ...", "For Florida, a running figure: ...", "For Olinda, only ..."
            boolean lead = explanation.startsWith("A running figure") || explanation.startsWith("Only ");
            explanation = "For " + scope + (lead ? ", " + Character.toLowerCase(explanation.charAt(0))
                    + explanation.substring(1) : ": " + explanation);
        }
        Report.Finding finding = new Report.Finding(verdict.wireName(), kind.wireName(), subject,
                group.apart() == null ? group.key() : group.key() + APART_MARK + group.apart().wireName(), attribute,
                scope, values, confidence, explanation);
        return new Ranked(verdict, byWitness.size(), family, finding);
    }

    /**
     * Joins a quantity, a date or a length nobody is named as having ("the mission cost about $75 million", "the
     * mission was launched on July 14", "his time cut 30 seconds off the record") to the group of the one owner the story names for the same measure or event whose values
     * all agree with it ("Chandrayaan-3 would cost about 615 crore rupees, roughly $75 million", "Chandrayaan-3 lifted
     * off on July 14"), whatever their times: one story's cost, price or value told with and without its name is one
     * figure. Never when its values differ from that owner's (a figure of nobody named contradicts nothing), and never
     * when two owners' figures match it (whose it is stays untold).
     */
    private static void joinUnowned(Map<GroupKey, List<Claim>> groups, Map<String, ClaimValue> parsed) {
        Map<GroupKey, List<GroupKey>> owned = new HashMap<>(); // unowned key -> owned keys of the same measure
        for (GroupKey g : groups.keySet()) {
            String[] parts = g.key().split(":", 3);
            if ((g.kind() == ClaimKind.QUANTITY || g.kind() == ClaimKind.DATE || g.kind() == ClaimKind.DURATION)
                    && parts.length == 3
                    && !parts[1].equals(ClaimKey.NONE)) {
                GroupKey unowned = new GroupKey(g.kind(), parts[0] + ":" + ClaimKey.NONE + ":" + parts[2], g.apart());
                if (groups.containsKey(unowned)) {
                    owned.computeIfAbsent(unowned, k -> new ArrayList<>()).add(g);
                }
            }
        }
        for (Map.Entry<GroupKey, List<GroupKey>> e : owned.entrySet()) {
            List<Claim> from = groups.get(e.getKey());
            List<GroupKey> matching = new ArrayList<>();
            for (GroupKey g : e.getValue()) {
                if (agreeing(from, groups.get(g), parsed)) {
                    matching.add(g);
                }
            }
            if (matching.size() == 1) {
                groups.get(matching.get(0)).addAll(from);
                groups.remove(e.getKey());
            } // beside two named owners whose figures it matches, whose it is stays untold
        }
    }

    /**
     * Figures of one-off occurrences told apart by their day ({@code ...:demonstrated@2019-06-09}, see ClaimKey): when
     * the story dates one occurrence only and nothing else is told, its figures are the figure of any day. Figures told
     * without a day join the one day whose exact values are theirs (each exact value of one matched by one of the
     * other's; an open bound such as "thousands" tells nothing of which), else stay apart. Figures of two days are never compared: the march of June 9 is not the march
     * of June 16.
     */
    private static void joinOccurrences(Map<GroupKey, List<Claim>> groups, Map<String, ClaimValue> parsed) {
        Map<GroupKey, List<GroupKey>> days = new LinkedHashMap<>();
        for (GroupKey g : groups.keySet()) {
            if (ClaimKey.occurrenceOf(g.key()) != null) {
                days.computeIfAbsent(new GroupKey(g.kind(), ClaimKey.withoutOccurrence(g.key()), g.apart()),
                        k -> new ArrayList<>()).add(g);
            }
        }
        for (Map.Entry<GroupKey, List<GroupKey>> e : days.entrySet()) {
            GroupKey base = e.getKey();
            List<Claim> undated = groups.get(base);
            if (undated == null && e.getValue().size() == 1) {
                groups.put(base, groups.remove(e.getValue().get(0)));
                continue;
            }
            if (undated != null) {
                List<GroupKey> matching = new ArrayList<>();
                for (GroupKey g : e.getValue()) {
                    if (toldWithin(groups.get(g), undated, parsed) && toldWithin(undated, groups.get(g), parsed)) {
                        matching.add(g);
                    }
                }
                if (matching.size() == 1) {
                    groups.get(matching.get(0)).addAll(groups.remove(base));
                }
            }
        }
    }

    /**
     * Whether each exact value of one list (no open bound) is compatible with an exact value of the other, and there is
     * one: the figures of a day that figures of no day all tell too.
     */
    private static boolean toldWithin(List<Claim> a, List<Claim> b, Map<String, ClaimValue> parsed) {
        boolean any = false;
        for (Claim x : a) {
            if (openBound(x.value())) {
                continue;
            }
            any = true;
            boolean found = false;
            for (Claim y : b) {
                ClaimValue vx = parsedValue(x, parsed);
                ClaimValue vy = parsedValue(y, parsed);
                if (!openBound(y.value()) && vx.family().equals(vy.family()) && vx.compatibleWith(vy)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return any;
    }

    private static boolean openBound(String value) {
        return value.startsWith(">") || value.startsWith("<");
    }

    /**
     * Joins a duration told without the part that tells it apart ("landed 40 days after it was launched") to the one
     * duration of its key told with it ("reached the Moon 40 days later": launch-to-arrival:moon) whose values all
     * agree; beside two such, or a disagreeing one, it stays apart.
     */
    private static void joinUnqualified(Map<GroupKey, List<Claim>> groups, Map<String, ClaimValue> parsed) {
        Map<GroupKey, List<GroupKey>> qualified = new HashMap<>();
        for (GroupKey g : groups.keySet()) {
            int last = g.key().lastIndexOf(':');
            if (g.kind() != ClaimKind.DURATION || last < 0 || g.key().indexOf(ClaimKey.SCOPE) >= 0) {
                continue;
            }
            GroupKey bare = new GroupKey(g.kind(), g.key().substring(0, last), g.apart());
            if (bare.key().split(":").length >= 3 && groups.containsKey(bare)) {
                qualified.computeIfAbsent(bare, k -> new ArrayList<>()).add(g);
            }
        }
        for (Map.Entry<GroupKey, List<GroupKey>> e : qualified.entrySet()) {
            List<Claim> from = groups.get(e.getKey());
            List<GroupKey> matching = new ArrayList<>();
            for (GroupKey g : e.getValue()) {
                if (agreeing(from, groups.get(g), parsed)) {
                    matching.add(g);
                }
            }
            if (e.getValue().size() == 1 && matching.size() == 1) {
                groups.get(matching.get(0)).addAll(from);
                groups.remove(e.getKey());
            }
        }
    }

    /** Whether every value of one list agrees with every value of the other. */
    private static boolean agreeing(List<Claim> a, List<Claim> b, Map<String, ClaimValue> parsed) {
        for (Claim x : a) {
            for (Claim y : b) {
                ClaimValue vx = parsedValue(x, parsed);
                ClaimValue vy = parsedValue(y, parsed);
                if (vx.family().equals(vy.family()) && !vx.compatibleWith(vy)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ClaimValue parsedValue(Claim c, Map<String, ClaimValue> parsed) {
        return parsed.computeIfAbsent(c.kind().ordinal() + (c.approximate() ? "~" : ":") + c.value(),
                k -> ClaimValues.parse(c.kind(), c.value(), c.approximate()));
    }

    /**
     * The key claims are grouped by: the claim's key, without its scope when the scope is a place where the story's
     * main event happened ("36 deaths in Lahaina" in a story of the Lahaina fire is the whole event's toll).
     */
    private static String groupKey(String key, Set<String> eventPlaces) {
        String scope = ClaimKey.scopeOf(key);
        return scope != null && eventPlaces.contains(scope) ? ClaimKey.withoutScope(key) : key;
    }

    /** Mutually incompatible clusters of values beyond which a group of claims is taken for several figures. */
    static final int MAX_CLUSTERS = 2;

    /**
     * A group of counts or quantities (not running figures) whose values fall into more than {@value #MAX_CLUSTERS}
     * mutually incompatible clusters is taken for several figures: outlets that misreport one figure give two values,
     * rarely three, while claims of different figures that share a key ("people demonstrated" at three marches, the
     * police count of another day) scatter. Values the outlets state on their own account that match no authority's
     * are then split into clusters of their own, each judged apart, so that no conflict between figures that may not be
     * one becomes a contradiction; the authorities' values and those that match them stay together (a dispute).
     */
    private static List<List<Parsed>> scattered(ClaimKind kind, List<Parsed> members) {
        if (!(kind == ClaimKind.COUNT || kind == ClaimKind.QUANTITY) || members.size() < 3) {
            return List.of(members);
        }
        List<Parsed> anchored = new ArrayList<>();
        for (Parsed p : members) {
            if (p.claim().running()) {
                return List.of(members);
            }
            if (p.claim().attribution() != null) {
                anchored.add(p);
            }
        }
        List<Parsed> explained = new ArrayList<>(anchored);
        List<List<Parsed>> clusters = new ArrayList<>();
        for (Parsed p : members) {
            if (p.claim().attribution() != null) {
                continue;
            }
            boolean matches = false;
            for (Parsed a : anchored) {
                matches |= p.value().compatibleWith(a.value());
            }
            if (matches) {
                explained.add(p);
                continue;
            }
            List<Parsed> home = null;
            for (List<Parsed> cluster : clusters) {
                if (p.value().compatibleWith(cluster.get(0).value())) {
                    home = cluster;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(p);
        }
        int total = clusters.size() + (explained.isEmpty() ? 0 : 1);
        if (total <= MAX_CLUSTERS) {
            return List.of(members);
        }
        List<List<Parsed>> out = new ArrayList<>();
        if (!explained.isEmpty()) {
            out.add(explained);
        }
        out.addAll(clusters);
        return out;
    }

    /**
     * Marks the key of a finding of claims not told as facts, before their modality: "~projected" for what may be,
     * "~historical" for another time's figure, kept apart from what is.
     */
    static final String APART_MARK = "~";

    private static String valueKey(Claim c) {
        return c.value().strip() + (c.approximate() ? "~" : "");
    }

    /**
     * One member per distinct value set (and publication date, when {@code dated}): sources saying the same are
     * judged once, which keeps large stories with few distinct values cheap.
     */
    private static List<ValueSets.Member> distinct(Iterable<SourceValues> sources, boolean dated) {
        Map<String, ValueSets.Member> members = new HashMap<>();
        for (SourceValues sv : sources) {
            String signature = sv.signature();
            members.computeIfAbsent(dated ? sv.published + "\u0001" + signature : signature,
                    k -> new ValueSets.Member(dated ? sv.published : null, sv.values.toArray(new ClaimValue[0])));
        }
        return new ArrayList<>(members.values());
    }

    private static boolean isNumeric(ClaimKind kind) {
        return kind == ClaimKind.COUNT || kind == ClaimKind.QUANTITY || kind == ClaimKind.DURATION;
    }

    // ---- building the finding ----------------------------------------------------------------------------

    /**
     * One entry per distinct normalized value; most-cited value first, then by value. A date value also counts the
     * sources whose more precise date lies inside its period (a time on that day, a day of that month), with the
     * evidence of those claims: a source that gives the time of an event also says on which day it happened.
     */
    private static List<Report.Value> values(ClaimKind kind, List<Parsed> members, Map<String, LocalDate> published,
                                             boolean running, boolean contradiction) {
        Map<String, List<Parsed>> byValue = new LinkedHashMap<>();
        for (Parsed p : members) {
            byValue.computeIfAbsent(p.claim().value().strip(), v -> new ArrayList<>()).add(p);
        }
        if (contradiction) {
            foldBounds(byValue);
        }
        Map<String, List<Claim>> supporting = new LinkedHashMap<>();
        for (Map.Entry<String, List<Parsed>> e : byValue.entrySet()) {
            List<Claim> claims = new ArrayList<>(e.getValue().size());
            e.getValue().forEach(p -> claims.add(p.claim()));
            supporting.put(e.getKey(), claims);
        }
        if (kind == ClaimKind.DATE && byValue.size() <= MAX_NESTED_DATES) {
            addNestedDates(byValue, supporting);
        }

        record Entry(Report.Value value, int sources) {
        }
        List<Entry> entries = new ArrayList<>(byValue.size());
        for (Map.Entry<String, List<Parsed>> e : byValue.entrySet()) {
            boolean approximate = false;
            String display = null;
            for (Parsed p : e.getValue()) {
                approximate |= p.claim().approximate();
                if (display == null) {
                    display = p.claim().display();
                }
            }
            List<Claim> sorted = supporting.get(e.getKey());
            sorted.sort(Comparator.comparing(Claim::source).thenComparingInt(c -> c.evidence().start()));
            TreeSet<String> sources = new TreeSet<>();
            TreeSet<String> authorities = new TreeSet<>();
            String asOf = null;
            List<Claim> shown = strongest(sorted);
            List<Report.EvidenceRef> evidence = new ArrayList<>(shown.size());
            for (Claim c : shown) {
                evidence.add(new Report.EvidenceRef(c.source(), Objects.requireNonNullElse(c.evidence().quote(), ""),
                        offset(c.evidence().start()), offset(c.evidence().end()),
                        offset(c.evidence().sentenceStart()), c.attribution()));
            }
            for (Claim c : sorted) {
                sources.add(c.source());
                if (c.attribution() != null) {
                    authorities.add(c.attribution());
                }
                if (running) {
                    String t = Judgement.time(c, published);
                    if (t != null && (asOf == null || t.compareTo(asOf) < 0)) {
                        asOf = t;
                    }
                }
            }
            entries.add(new Entry(new Report.Value(e.getKey(), display, approximate,
                    Judgement.distinctAuthorities(authorities), asOf,
                    List.copyOf(sources), List.copyOf(evidence), sorted.size()), sources.size()));
        }
        entries.sort(Comparator.comparingInt(Entry::sources).reversed()
                .thenComparing(en -> en.value().value()));
        List<Report.Value> out = new ArrayList<>(entries.size());
        for (Entry en : entries) {
            out.add(en.value());
        }
        return List.copyOf(out);
    }

    /**
     * A running figure's values in the order of the time they refer to (their asOf; values of no time last); of one
     * time, a value the text gives as replaced first ("fell to 31, from 41"), then from the lowest up: the order its
     * series is told in.
     */
    private static List<Report.Value> inTimeOrder(ClaimKind kind, List<Report.Value> values, Set<String> replaced) {
        Map<Report.Value, Double> level = new java.util.IdentityHashMap<>();
        for (Report.Value v : values) {
            level.put(v, ClaimValues.parse(kind, v.value(), v.approximate()) instanceof ClaimValue.Numeric n
                    ? Explanations.level(n) : 0);
        }
        List<Report.Value> ordered = new ArrayList<>(values);
        ordered.sort(Comparator.comparing(Report.Value::asOf, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(v -> !replaced.contains(v.value()))
                .thenComparingDouble(level::get));
        return List.copyOf(ordered);
    }

    /** Sentences shown per value at most; the value counts them all ({@code evidenceTotal}). */
    static final int MAX_EVIDENCE = 5;

    /**
     * The sentences a value shows, of those ordered by source: the first of each source, then the second of each, and
     * so on, at most {@value #MAX_EVIDENCE}, kept in source order. A value a thousand outlets repeat stays a few
     * sentences long.
     */
    private static List<Claim> strongest(List<Claim> bySource) {
        if (bySource.size() <= MAX_EVIDENCE) {
            return bySource;
        }
        int[] rank = new int[bySource.size()]; // the sentence's place among its source's
        for (int i = 1; i < bySource.size(); i++) {
            rank[i] = bySource.get(i).source().equals(bySource.get(i - 1).source()) ? rank[i - 1] + 1 : 0;
        }
        boolean[] taken = new boolean[bySource.size()];
        int count = 0;
        for (int r = 0; count < MAX_EVIDENCE; r++) {
            for (int i = 0; i < bySource.size() && count < MAX_EVIDENCE; i++) {
                if (rank[i] == r) {
                    taken[i] = true;
                    count++;
                }
            }
        }
        List<Claim> out = new ArrayList<>(MAX_EVIDENCE);
        for (int i = 0; i < bySource.size(); i++) {
            if (taken[i]) {
                out.add(bySource.get(i));
            }
        }
        return out;
    }

    /** Distinct date values beyond this many are listed without nesting, to keep the work bounded. */
    private static final int MAX_NESTED_DATES = 200;

    private static void addNestedDates(Map<String, List<Parsed>> byValue, Map<String, List<Claim>> supporting) {
        for (Map.Entry<String, List<Parsed>> outer : byValue.entrySet()) {
            if (!(outer.getValue().get(0).value() instanceof ClaimValue.Date period) || period.timeOfDay()) {
                continue;
            }
            Set<String> own = new HashSet<>();
            outer.getValue().forEach(p -> own.add(p.claim().source()));
            for (Map.Entry<String, List<Parsed>> inner : byValue.entrySet()) {
                if (inner == outer || !(inner.getValue().get(0).value() instanceof ClaimValue.Date d)
                        || d.start() < period.start() || d.end() > period.end()
                        || (d.start() == period.start() && d.end() == period.end())) {
                    continue;
                }
                for (Parsed p : inner.getValue()) {
                    if (!own.contains(p.claim().source())) {
                        supporting.get(outer.getKey()).add(p.claim());
                    }
                }
            }
        }
    }

    /** A negative offset means "unknown" and is left out of the report. */
    private static Integer offset(int offset) {
        return offset < 0 ? null : offset;
    }

    private static double confidence(Iterable<SourceValues> sources) {
        double sum = 0;
        int n = 0;
        for (SourceValues sv : sources) {
            sum += sv.confidence;
            n++;
        }
        double c = sum / n * (1 - Math.pow(2, -n));
        return Math.round(c * 1000) / 1000.0;
    }

    /**
     * In a contradiction, a bound or a range that holds exactly one of the exact values set against each other ("more
     * than 2,200" beside 2,207 and 271) is no side of its own: its claims go with that value, whose side they take,
     * and their evidence still shows what they said.
     */
    private static void foldBounds(Map<String, List<Parsed>> byValue) {
        List<String> points = new ArrayList<>();
        for (Map.Entry<String, List<Parsed>> e : byValue.entrySet()) {
            if (e.getValue().get(0).value() instanceof ClaimValue.Numeric n && n.lo() == n.hi()) {
                points.add(e.getKey());
            }
        }
        if (points.size() < 2) {
            return;
        }
        for (String value : new ArrayList<>(byValue.keySet())) {
            if (points.contains(value) || !(byValue.get(value).get(0).value() instanceof ClaimValue.Numeric)) {
                continue;
            }
            ClaimValue bound = byValue.get(value).get(0).value();
            String holder = null;
            int held = 0;
            for (String point : points) {
                if (bound.compatibleWith(byValue.get(point).get(0).value())) {
                    holder = point;
                    held++;
                }
            }
            if (held == 1) {
                byValue.get(holder).addAll(byValue.remove(value));
            }
        }
    }

    /** The most common scope of the claims (they share a key, so it differs only in wording), or null. */
    private static String mostCommonScope(List<Parsed> members) {
        Map<String, Integer> counts = new HashMap<>();
        for (Parsed p : members) {
            if (p.claim().scope() != null) {
                counts.merge(p.claim().scope(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The most common subject (or non-null attribute) of the claims; ties go to the alphabetically first. */
    private static String mostCommon(List<Parsed> members, boolean subject) {
        Map<String, Integer> counts = new HashMap<>();
        for (Parsed p : members) {
            String s = subject ? p.claim().subject() : p.claim().attribute();
            if (s != null) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    static LocalDate publishedDate(String published) {
        if (published == null || published.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(published.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
