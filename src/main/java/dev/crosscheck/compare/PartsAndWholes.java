package dev.crosscheck.compare;

import dev.crosscheck.claim.ClaimKey;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.extract.Places;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notes on a whole whose parts, as the story gives them, add up to more than it: "Syria 5,800 and Turkey 41,156,
 * against 46,000 for the whole". A note, not a verdict: one of the figures may be older, or counted otherwise, and
 * the reader decides.
 *
 * <p>The parts are the count findings of one measure (a key without its scope) whose scopes are places of the
 * gazetteer, none inside another (Lee County's count is left out beside Florida's), each told in one finding, at
 * least two, beside one finding of the whole. Each part counts with the least it is given, the whole with the most,
 * every value widened by its hedges and rounding: the note is made only when even so the parts exceed the whole. A running figure's values are compared day by day: the parts'
 * values of a day with the whole's of that day, every part told on it; a figure of no day only with others of no
 * day. Figures not told as facts (their own findings), groups of people (a scope that is no place), places joined
 * ("Kula and Olinda") and the places where the event happened, or around them, take no part.
 */
final class PartsAndWholes {

    private PartsAndWholes() {
    }

    /**
     * The findings, each whole whose parts exceed it with its note. A place where the story's main event happened,
     * or one around it ({@code eventPlaces}: its figures are the whole's), is no part.
     */
    static List<Report.Finding> noted(List<Report.Finding> findings, java.util.Set<String> eventPlaces) {
        Map<String, List<Integer>> byMeasure = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Report.Finding f = findings.get(i);
            if (ClaimKind.fromWireName(f.kind()) != ClaimKind.COUNT
                    || f.key().contains(StoryComparator.APART_MARK)) {
                continue;
            }
            byMeasure.computeIfAbsent(f.kind() + "\u0000" + ClaimKey.withoutScope(f.key()), k -> new ArrayList<>())
                    .add(i);
        }
        List<Report.Finding> out = new ArrayList<>(findings);
        for (List<Integer> members : byMeasure.values()) {
            if (members.size() < 3) {
                continue;
            }
            List<Report.Finding> parts = new ArrayList<>();
            for (int i : members) {
                String scope = ClaimKey.scopeOf(findings.get(i).key());
                if (Places.known(scope) && eventPlaces.stream().noneMatch(place -> Places.within(place, scope))) {
                    parts.add(findings.get(i));
                }
            }
            parts.removeIf(p -> parts.stream().anyMatch(o -> o != p && !ClaimKey.scopeOf(o.key())
                    .equals(ClaimKey.scopeOf(p.key())) && Places.within(ClaimKey.scopeOf(p.key()),
                    ClaimKey.scopeOf(o.key()))));
            // a place told in two findings (two different figures under one key) is no one part: it is left out,
            // which only lowers the sum; and a whole split into several figures is no one whole
            Map<String, Long> findingsPerScope = new java.util.HashMap<>();
            parts.forEach(p -> findingsPerScope.merge(ClaimKey.scopeOf(p.key()), 1L, Long::sum));
            parts.removeIf(p -> findingsPerScope.get(ClaimKey.scopeOf(p.key())) > 1);
            List<Integer> wholes = members.stream().filter(i -> ClaimKey.scopeOf(findings.get(i).key()) == null)
                    .toList();
            if (parts.size() < 2 || wholes.size() != 1) {
                continue;
            }
            Report.Finding whole = findings.get(wholes.get(0));
            String note = note(whole, parts);
            if (note != null) {
                out.set(wholes.get(0), whole.withNote(note));
            }
        }
        return out;
    }

    /** Of one day's values, the least (the one whose lower end is lowest) and the most (highest upper end). */
    private record Span(Report.Value least, double lo, Report.Value most, double hi) {
    }

    /** Each day the figures hold on ("" for figures of no day): the least and the most a finding gives that day. */
    private static Map<String, Span> byDay(Report.Finding f) {
        ClaimKind kind = ClaimKind.fromWireName(f.kind());
        Map<String, Span> days = new TreeMap<>();
        for (Report.Value v : f.values()) {
            if (!(ClaimValues.parse(kind, v.value(), v.approximate()) instanceof ClaimValue.Numeric n)) {
                return Map.of();
            }
            String day = v.asOf() == null ? "" : v.asOf().substring(0, Math.min(10, v.asOf().length()));
            Span s = days.get(day);
            days.put(day, new Span(s == null || n.lo() < s.lo() ? v : s.least(), s == null ? n.lo()
                    : Math.min(s.lo(), n.lo()), s == null || n.hi() > s.hi() ? v : s.most(), s == null ? n.hi()
                    : Math.max(s.hi(), n.hi())));
        }
        return days;
    }

    private static String note(Report.Finding whole, List<Report.Finding> parts) {
        Map<String, Span> wholeDays = byDay(whole);
        List<Map<String, Span>> partDays = new ArrayList<>();
        for (Report.Finding p : parts) {
            partDays.add(byDay(p));
        }
        for (Map.Entry<String, Span> day : wholeDays.entrySet()) {
            double least = 0;
            List<String> told = new ArrayList<>();
            boolean allTold = true;
            for (int k = 0; k < parts.size() && allTold; k++) {
                Span part = partDays.get(k).get(day.getKey());
                if (part == null) {
                    allTold = false;
                    continue;
                }
                least += Double.isInfinite(part.lo()) ? 0 : Math.max(part.lo(), 0);
                told.add(scopeName(parts.get(k)) + " " + text(part.least()));
            }
            Span w = day.getValue();
            if (allTold && !Double.isInfinite(w.hi()) && least > w.hi() * (1 + 1e-9)) {
                return "The parts the story gives add up to more than the whole" + (day.getKey().isEmpty() ? ""
                        : " on " + ValueText.render(ClaimKind.DATE, day.getKey(), false)) + ": "
                        + Explanations.joinWords(told, "and") + ", against " + text(w.most())
                        + " for the whole, even with each figure read at its most generous rounding. One of these "
                        + "figures may be older, counted differently, or wrong.";
            }
        }
        return null;
    }

    private static String text(Report.Value v) {
        return Explanations.valueText(ClaimKind.COUNT, v);
    }

    private static String scopeName(Report.Finding part) {
        return part.scope() != null ? part.scope() : ClaimKey.scopeOf(part.key());
    }

}
