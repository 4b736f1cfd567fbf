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
            case CONTRADICTION, DISPUTED -> statements(kind, values, names) + ".";
            case EVOLVING -> {
                List<Report.Value> byDate = new ArrayList<>(values);
                byDate.sort(Comparator.comparing((Report.Value v) -> earliest(v, published),
                        Comparator.nullsLast(Comparator.naturalOrder())));
                List<String> parts = new ArrayList<>();
                for (Report.Value v : byDate.subList(0, Math.min(byDate.size(), MAX_VALUES))) {
                    LocalDate d = earliest(v, published);
                    parts.add(nameList(v.sources(), names) + (d == null ? "" : " (" + ValueText.render(
                            ClaimKind.DATE, d.toString(), false) + ")") + says(v.sources()) + valueText(kind, v));
                }
                yield String.join("; ", parts) + otherValues(byDate.size())
                        + ". A running figure that grew as reports came in.";
            }
        };
    }

    private static String statements(ClaimKind kind, List<Report.Value> values, SourceNames names) {
        List<String> parts = new ArrayList<>(Math.min(values.size(), MAX_VALUES + 1));
        for (Report.Value v : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
            parts.add(nameList(v.sources(), names) + says(v.sources()) + valueText(kind, v));
        }
        return String.join("; ", parts) + otherValues(values.size());
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
