package dev.crosscheck.compare;

import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.data.DataFiles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a finding's explanation for people, e.g.
 * "UPI and ANI say 3 days (P3D); Northwind Wire says 2 days (P2D)."
 */
final class Explanations {

    /** Longer lists of sources are cut to this many names and "N others". */
    static final int MAX_NAMES = 6;
    /** Findings with more distinct values describe this many and count the rest. */
    static final int MAX_VALUES = 6;

    private Explanations() {
    }

    /** Words of measures that only grow as an event goes on: a lower later value of one was revised down. */
    private static final Set<String> CUMULATIVE = Set.copyOf(DataFiles.lines("/compare/cumulative-measures.txt"));

    /**
     * A finding's explanation.
     *
     * @param attribute what the finding measures ("deaths"), which decides whether a lower later value of a running
     *                  figure was revised down (a toll) or fell (customers without power)
     */
    static String explain(Verdict verdict, ClaimKind kind, String attribute, List<Report.Value> values,
                          SourceNames names, Map<String, LocalDate> published) {
        return switch (verdict) {
            case SINGLE_SOURCE -> {
                List<String> texts = new ArrayList<>();
                for (Report.Value v : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
                    texts.add(valueText(kind, v));
                }
                if (values.size() > MAX_VALUES) {
                    texts.add(values.size() - MAX_VALUES + " other values");
                }
                yield "Only " + names.name(values.get(0).sources().get(0)) + " says " + joinWords(texts, "and") + ".";
            }
            case AGREEMENT -> {
                if (values.size() == 1) {
                    List<String> sources = values.get(0).sources();
                    yield nameList(sources, names) + (sources.size() == 2 ? " both say " : " all say ")
                            + valueText(kind, values.get(0)) + ".";
                }
                yield statements(kind, values, names) + ". These values are compatible.";
            }
            case CONTRADICTION -> statements(kind, values, names) + ".";
            case DISPUTED -> authorities(kind, values, names)
                    + ". The authorities disagree; the outlets report them faithfully.";
            case EVOLVING -> evolving(kind, cumulative(attribute), values, names, published);
        };
    }

    private static String statements(ClaimKind kind, List<Report.Value> values, SourceNames names) {
        List<String> parts = new ArrayList<>(Math.min(values.size(), MAX_VALUES + 1));
        for (Report.Value v : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
            parts.add(nameList(v.sources(), names) + says(v.sources()) + valueText(kind, v)
                    + (v.attributedTo().isEmpty() ? "" : ", citing " + joinWords(v.attributedTo(), "and")));
        }
        return String.join("; ", parts) + otherValues(values.size());
    }

    /**
     * "USGS (reported by Harbor Wire and The Ledger) puts it at magnitude 6.8; Morocco's National Institute of
     * Geophysics (reported by Costa Diario) at magnitude 7": each authority once, in the order of its first value and
     * in its fullest wording, with every value it is reported giving (with their days when they differ) and who
     * reports them; values outlets give on their own account where they come.
     */
    private static String authorities(ClaimKind kind, List<Report.Value> values, SourceNames names) {
        Map<String, List<Report.Value>> byAuthority = new LinkedHashMap<>(); // by the first wording seen
        Map<String, String> fullest = new HashMap<>();
        List<Object> order = new ArrayList<>(); // an authority's first wording, or a value told on its own account
        for (Report.Value v : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
            if (v.attributedTo().isEmpty()) {
                order.add(v);
                continue;
            }
            String authority = joinWords(v.attributedTo(), "and");
            String known = null;
            for (String k : byAuthority.keySet()) {
                if (known == null && Judgement.sameAuthority(k, authority)) {
                    known = k;
                }
            }
            if (known == null) {
                known = authority;
                byAuthority.put(known, new ArrayList<>());
                fullest.put(known, authority);
                order.add(known);
            } else if (authority.length() > fullest.get(known).length()) {
                fullest.put(known, authority); // "Lee County Sheriff Carmine Marceno", not "Carmine Marceno"
            }
            byAuthority.get(known).add(v);
        }
        List<String> parts = new ArrayList<>();
        boolean first = true;
        for (Object o : order) {
            if (o instanceof Report.Value v) {
                parts.add(nameList(v.sources(), names) + says(v.sources()) + valueText(kind, v)
                        + " on " + (v.sources().size() == 1 ? "its" : "their") + " own account");
                continue;
            }
            String key = (String) o;
            Set<String> sources = new java.util.LinkedHashSet<>();
            List<String> texts = new ArrayList<>();
            List<Report.Value> told = new ArrayList<>(byAuthority.get(key));
            boolean dated = told.size() > 1 && told.stream().allMatch(v -> v.asOf() != null)
                    && told.stream().map(Report.Value::asOf).distinct().count() > 1;
            if (dated) {
                told.sort(Comparator.comparing(Report.Value::asOf));
            }
            for (Report.Value v : told) {
                sources.addAll(v.sources());
                texts.add(valueText(kind, v) + (dated ? " (" + ValueText.render(ClaimKind.DATE, v.asOf(), false)
                        + ")" : ""));
            }
            parts.add(fullest.get(key) + " (reported by " + nameList(new ArrayList<>(sources), names) + ")"
                    + (first ? " puts it at " : " at ") + joinWords(texts, "and"));
            first = false;
        }
        return capitalized(String.join("; ", parts) + otherValues(values.size()));
    }

    /** The text with its first letter a capital: an explanation is a sentence ("Police (reported by ...) ..."). */
    static String capitalized(String text) {
        return text.isEmpty() || !Character.isLowerCase(text.charAt(0)) ? text
                : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * "Rose from 2,012 (as of Sep 10, Harbor Wire) to 2,862 (Sep 12, The Ledger)", "revised down from 115 (...) to
     * 97 (...)": the series in the order of the time its values refer to, told by its turns. A long series names its
     * first value, every value where it turns and its last, and counts the values between: "rose from at least 6
     * (...) to 115 (...) through 9 other values, then was revised down to 97 (...)"; past {@value #MAX_VALUES} turns,
     * the first ones and the latest value ("..., then 3 more turns, most recently 33 (...)"). Values of no known time
     * take no part in the turns and are named after them. A series of values that are not numbers is listed.
     */
    private static String evolving(ClaimKind kind, boolean cumulative, List<Report.Value> values,
                                   SourceNames names, Map<String, LocalDate> published) {
        List<Report.Value> byTime = new ArrayList<>();
        List<Report.Value> undated = new ArrayList<>();
        for (Report.Value v : values) {
            (time(v, published) == null ? undated : byTime).add(v);
        }
        byTime.sort(Comparator.comparing((Report.Value v) -> time(v, published))); // stable: ties keep their order
        String rest = undated.isEmpty() ? "" : "; " + statements(kind, undated, names) + " on no known day";
        List<Double> levels = new ArrayList<>(byTime.size());
        for (Report.Value v : byTime) {
            levels.add(ClaimValues.parse(kind, v.value(), v.approximate()) instanceof ClaimValue.Numeric n
                    ? level(n) : null);
        }
        if (levels.contains(null) || byTime.size() < 2) {
            List<Report.Value> listed = new ArrayList<>(byTime);
            listed.addAll(undated);
            List<String> parts = new ArrayList<>();
            for (Report.Value v : listed.subList(0, Math.min(listed.size(), MAX_VALUES))) {
                parts.add(pointText(kind, v, names, published));
            }
            return parts.size() < 2 ? "A running figure: " + parts.get(0) + otherValues(listed.size()) + "."
                    : "A running figure: changed from " + parts.get(0) + " to "
                    + String.join(", then ", parts.subList(1, parts.size())) + otherValues(listed.size()) + ".";
        }
        // the turns: the first value, each value after which the series goes the other way, the last
        List<Integer> turns = new ArrayList<>();
        turns.add(0);
        int direction = 0;
        for (int i = 1; i < levels.size(); i++) {
            int step = Double.compare(levels.get(i), levels.get(i - 1));
            if (step != 0 && direction != 0 && step != direction) {
                turns.add(i - 1);
            }
            direction = step == 0 ? direction : step;
        }
        turns.add(levels.size() - 1);
        int legs = turns.size() - 1;
        int told = legs <= MAX_VALUES - 1 ? legs : MAX_VALUES - 2; // room kept for the latest value
        StringBuilder text = new StringBuilder("A running figure: ");
        boolean rose = false;
        for (int t = 1; t <= told; t++) {
            int from = turns.get(t - 1);
            int to = turns.get(t);
            int step = Double.compare(levels.get(to), levels.get(from));
            String fall = cumulative ? "revised down" : "fell";
            if (t == 1) {
                text.append(step > 0 ? "rose from " : step < 0 ? fall + " from " : "held from ")
                        .append(pointText(kind, byTime.get(from), names, published)).append(" to ");
            } else {
                text.append(", then ").append(step > 0 ? (rose ? "rose again to " : "rose to ")
                        : step < 0 ? (cumulative ? "was revised down to " : "fell to ") : "held at ");
            }
            rose |= step > 0;
            text.append(pointText(kind, byTime.get(to), names, published));
            int between = to - from - 1;
            if (between > 0) {
                text.append(" through ").append(between).append(between == 1 ? " other value" : " other values");
            }
        }
        if (told < legs) {
            int more = legs - told;
            text.append(", then ").append(more).append(more == 1 ? " more turn" : " more turns")
                    .append(", most recently ").append(pointText(kind, byTime.get(byTime.size() - 1), names,
                            published));
        }
        return text.append(rest).append(".").toString();
    }

    private static boolean cumulative(String attribute) {
        if (attribute != null) {
            for (String word : attribute.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (CUMULATIVE.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where a value stands in its series: a bound at its bound ("at least 93" at 93, "fewer than 5" at 4), a range
     * or a rounded figure at its middle.
     */
    static double level(ClaimValue.Numeric n) {
        if (Double.isInfinite(n.hi())) {
            return n.lo();
        }
        if (Double.isInfinite(n.lo()) || n instanceof ClaimValue.Count && n.lo() == 0 && n.hi() > 0) {
            return n.hi(); // an upper bound ("at most 5": a count from 0)
        }
        return (n.lo() + n.hi()) / 2;
    }

    /** "115 (August 21, 2023, The Continental Times, citing Maui police)": a value of a series, when and by whom. */
    private static String pointText(ClaimKind kind, Report.Value v, SourceNames names,
                                    Map<String, LocalDate> published) {
        String t = time(v, published);
        return valueText(kind, v) + " (" + (t == null ? "" : ValueText.render(ClaimKind.DATE, t, false) + ", ")
                + nameList(v.sources(), names)
                + (v.attributedTo().isEmpty() ? "" : ", citing " + joinWords(v.attributedTo(), "and")) + ")";
    }

    /** The time a value refers to: its asOf, else its earliest source's publication date. */
    private static String time(Report.Value v, Map<String, LocalDate> published) {
        if (v.asOf() != null) {
            return v.asOf();
        }
        LocalDate d = earliest(v, published);
        return d == null ? null : d.toString();
    }

    private static String otherValues(int count) {
        int rest = count - MAX_VALUES;
        return rest <= 0 ? "" : rest == 1 ? "; and 1 other value" : "; and " + rest + " other values";
    }

    private static String says(List<String> sources) {
        return sources.size() == 1 ? " says " : " say ";
    }

    /** The value in words, with its normalized form in parentheses where the two differ. */
    static String valueText(ClaimKind kind, Report.Value v) {
        String human = ValueText.render(kind, v.value(), v.approximate());
        boolean showForm = kind != ClaimKind.QUOTE && kind != ClaimKind.PARTICIPANTS && kind != ClaimKind.STATEMENT;
        return showForm && !sameFigure(human, v.value()) ? human + " (" + v.value() + ")" : human;
    }

    private static final Pattern FIGURE = Pattern.compile("\\d+(?:\\.\\d+)?(?:-\\d+(?:\\.\\d+)?)?");

    /**
     * Whether the words already show the normalized form's figure: "at least 6" shows ">=6", "2,207" shows "2207",
     * "59.9%" shows "59.9 %"; "$5.5 billion" does not show "5500000000 USD", nor "March 20, 2023" "2023-03-20".
     */
    private static boolean sameFigure(String human, String value) {
        if (human.equals(value)) {
            return true;
        }
        Matcher m = FIGURE.matcher(value);
        if (!m.find() || m.start() > 2) {
            return false;
        }
        String digits = m.group().replace("-", " to ");
        return human.replace(",", "").contains(digits)
                && (m.end() == value.length() || value.substring(m.end()).strip().length() <= 1
                || human.contains(value.substring(m.end()).strip()));
    }

    private static LocalDate earliest(Report.Value v, Map<String, LocalDate> published) {
        LocalDate best = null;
        for (String s : v.sources()) {
            LocalDate d = published.get(s);
            if (d != null && (best == null || d.isBefore(best))) {
                best = d;
            }
        }
        return best;
    }

    /** The sources' names in alphabetical order, cut after {@link #MAX_NAMES}. */
    static String nameList(List<String> sourceIds, SourceNames names) {
        List<String> all = new ArrayList<>(sourceIds.size());
        for (String id : sourceIds) {
            all.add(names.name(id));
        }
        all.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        List<String> shown = new ArrayList<>(all.subList(0, Math.min(all.size(), MAX_NAMES)));
        int rest = all.size() - shown.size();
        if (rest > 0) {
            shown.add(rest + (rest == 1 ? " other" : " others"));
        }
        return joinWords(shown, "and");
    }

    /** "A", "A and B", "A, B and C". */
    static String joinWords(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }
}
