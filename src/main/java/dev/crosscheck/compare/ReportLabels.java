package dev.crosscheck.compare;

import dev.crosscheck.claim.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The words a report uses for people, for renderers outside this package: what each source is called, a finding's
 * heading, a value in words. The same wording as the report's explanations and its Markdown rendering.
 */
public final class ReportLabels {

    private final SourceNames names;

    private ReportLabels(SourceNames names) {
        this.names = names;
    }

    /** Labels for a report's sources; ids missing from {@code sources} are called by their file name. */
    public static ReportLabels of(List<Report.Source> sources) {
        List<SourceInfo> infos = new ArrayList<>(sources.size());
        for (Report.Source s : sources) {
            infos.add(new SourceInfo(s.id(), s.title(), s.publisher(), s.published(), s.publishedFrom()));
        }
        return new ReportLabels(new SourceNames(infos, List.of()));
    }

    /** What the report calls a source: its publisher, or its file name (with both when publishers repeat). */
    public String sourceName(String sourceId) {
        return names.name(sourceId);
    }

    /** The last path segment of a document id. */
    public static String fileName(String id) {
        return SourceNames.fileName(id);
    }

    /** A finding's heading: its subject, and its attribute unless that only repeats the subject or the kind. */
    public static String heading(Report.Finding finding) {
        return ReportMarkdown.heading(finding.subject(), finding.attribute(), finding.kind());
    }

    /** The heading of a finding or timeline entry from its parts. */
    public static String heading(String subject, String attribute, String kind) {
        return ReportMarkdown.heading(subject, attribute, kind);
    }

    /**
     * Which way a running figure went from one of its values to the next: "up", "down" or "same" (a bound stands at
     * its bound, a range at its middle); null when that is not known: a value of no known time, or not a number.
     */
    public static String turn(String kind, Report.Value before, Report.Value after) {
        ClaimKind k = ClaimKind.fromWireName(kind);
        if (before.asOf() != null && after.asOf() != null
                && ClaimValues.parse(k, before.value(), before.approximate()) instanceof ClaimValue.Numeric a
                && ClaimValues.parse(k, after.value(), after.approximate()) instanceof ClaimValue.Numeric b) {
            int step = Double.compare(Explanations.level(b), Explanations.level(a));
            return step > 0 ? "up" : step < 0 ? "down" : "same";
        }
        return null;
    }

    /** Items joined as a sentence joins them: "A", "A and B", "A, B and C". */
    public static String joinWords(List<String> items) {
        return Explanations.joinWords(items, "and");
    }

    /**
     * A value in words, with its normalized form in parentheses where the words do not show it ("5.5 billion USD
     * (5500000000 USD)").
     */
    public static String valueText(String kind, Report.Value value) {
        return Explanations.valueText(ClaimKind.fromWireName(kind), value);
    }

    /** A date value in words ("March 21, 2023"), as the report writes dates. */
    public static String dateText(String value, boolean approximate) {
        return ValueText.render(ClaimKind.DATE, value, approximate);
    }
}
