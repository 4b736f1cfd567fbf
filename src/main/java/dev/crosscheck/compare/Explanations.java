package dev.crosscheck.compare;

import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

    static String explain(Verdict verdict, ClaimKind kind, List<Report.Value> values, SourceNames names,
                          Map<String, LocalDate> published) {
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
            case EVOLVING -> evolving(kind, values, names, published);
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
     * "USGS (reported by Harbor Wire and The Ledger) puts it at 6.8 (6.8 magnitude); Morocco's institute (reported
     * by Costa Diario) at 7.0 (7 magnitude)": each authority's value and who reports it.
     */
    private static String authorities(ClaimKind kind, List<Report.Value> values, SourceNames names) {
        List<String> parts = new ArrayList<>();
        boolean first = true;
        for (Report.Value v : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
            if (v.attributedTo().isEmpty()) {
                parts.add(nameList(v.sources(), names) + says(v.sources()) + valueText(kind, v)
                        + " on " + (v.sources().size() == 1 ? "its" : "their") + " own account");
            } else {
                parts.add(joinWords(v.attributedTo(), "and") + " (reported by " + nameList(v.sources(), names) + ")"
                        + (first ? " puts it at " : " at ") + valueText(kind, v));
                first = false;
            }
        }
        return String.join("; ", parts) + otherValues(values.size());
    }

    /**
     * "Rose from 2,012 (as of Sep 10, Harbor Wire) to 2,862 (Sep 12, The Ledger)", "revised down from 115 (...) to
     * 97 (...)": the values in the order of the time they refer to.
     */
    private static String evolving(ClaimKind kind, List<Report.Value> values, SourceNames names,
                                   Map<String, LocalDate> published) {
        List<Report.Value> byTime = new ArrayList<>(values);
        byTime.sort(Comparator.comparing((Report.Value v) -> time(v, published),
                Comparator.nullsLast(Comparator.naturalOrder())));
        List<String> parts = new ArrayList<>();
        for (Report.Value v : byTime.subList(0, Math.min(byTime.size(), MAX_VALUES))) {
            String t = time(v, published);
            parts.add(valueText(kind, v) + " (" + (t == null ? "" : ValueText.render(ClaimKind.DATE, t, false) + ", ")
                    + nameList(v.sources(), names)
                    + (v.attributedTo().isEmpty() ? "" : ", citing " + joinWords(v.attributedTo(), "and")) + ")");
        }
        ClaimValue firstValue = ClaimValues.parse(kind, byTime.get(0).value(), byTime.get(0).approximate());
        Report.Value last = byTime.get(Math.min(byTime.size(), MAX_VALUES) - 1);
        ClaimValue lastValue = ClaimValues.parse(kind, last.value(), last.approximate());
        String verb = "changed from ";
        if (firstValue instanceof ClaimValue.Numeric f && lastValue instanceof ClaimValue.Numeric l) {
            verb = l.lo() >= f.lo() && l.hi() >= f.hi() ? "rose from " : l.hi() <= f.hi() && l.lo() <= f.lo()
                    ? "revised down from " : verb;
        }
        String head = parts.get(0);
        String tail = String.join(", then ", parts.subList(1, parts.size()));
        return "A running figure: " + verb + head + " to " + tail + otherValues(byTime.size()) + ".";
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
        return showForm && !human.equals(v.value()) ? human + " (" + v.value() + ")" : human;
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
