package dev.crosscheck.compare;

import dev.crosscheck.data.DataFiles;
import dev.crosscheck.claim.ClaimKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a report as Markdown: a headline, the sources table, then one section per verdict with each finding's
 * values, sources and quoted evidence. Text from articles is escaped so that it cannot change the layout.
 */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder();
        List<SourceInfo> infos = new ArrayList<>();
        for (Report.Source src : report.sources()) {
            infos.add(new SourceInfo(src.id(), src.title(), src.publisher(), src.published(), src.publishedFrom()));
        }
        SourceNames names = new SourceNames(infos, List.of());
        Report.Summary s = report.summary();
        md.append("# Cross-source report: ").append(escape(report.story())).append("\n\n");
        md.append(s.contradictions()).append(" contradictions, ").append(s.disputed()).append(" disputed, ")
                .append(s.evolving()).append(" evolving, ").append(s.agreements()).append(" agreements, ")
                .append(s.singleSource()).append(" single-source");
        if (report.generatedAt() != null) {
            md.append(" (generated ").append(escape(report.generatedAt())).append(")");
        }
        md.append(".\n\n## Sources\n\n| Source | Publisher | Published | Claims | Figures read | Copy of |\n"
                + "|---|---|---|---|---|---|\n");
        for (Report.Source src : report.sources()) {
            String label = src.title() != null && !src.title().isBlank() ? src.title() : SourceNames.fileName(src.id());
            md.append("| ").append(escape(label)).append(" | ").append(escape(orDash(src.publisher())))
                    .append(" | ").append(escape(orDash(src.published()))).append(" | ").append(src.claims())
                    .append(" | ").append(src.coverage().claimed()).append(" of ").append(src.coverage().figures())
                    .append(" | ").append(src.copyOf() == null ? "-" : escape(names.name(src.copyOf())))
                    .append(" |\n");
        }
        boolean warned = false;
        for (Report.Source src : report.sources()) {
            for (String warning : src.warnings()) {
                md.append(warned ? "" : "\nMetadata warnings:\n\n").append("- ").append(escape(names.name(src.id())))
                        .append(": ").append(escape(warning)).append('\n');
                warned = true;
            }
        }
        section(md, report.findings(), names, Verdict.CONTRADICTION, "Contradictions");
        section(md, report.findings(), names, Verdict.DISPUTED, "Authorities disagree");
        section(md, report.findings(), names, Verdict.EVOLVING, "Evolving figures");
        section(md, report.findings(), names, Verdict.AGREEMENT, "Agreements");
        section(md, report.findings(), names, Verdict.SINGLE_SOURCE, "Single-source claims");
        unread(md, report.sources(), names);
        return md.toString();
    }

    /** What the report could not check: each source's figures that became no claim, with the reason. */
    private static void unread(StringBuilder md, List<Report.Source> sources, SourceNames names) {
        boolean first = true;
        for (Report.Source src : sources) {
            if (src.coverage().unread().isEmpty()) {
                continue;
            }
            if (first) {
                md.append("\n## Figures not checked\n");
                first = false;
            }
            md.append("\n### ").append(escape(names.name(src.id()))).append(" (")
                    .append(src.coverage().figures() - src.coverage().claimed()).append(" of ")
                    .append(src.coverage().figures()).append(")\n\n");
            for (dev.crosscheck.claim.Coverage.Unread u : src.coverage().unread()) {
                md.append("- **").append(escape(u.text())).append("**")
                        .append(u.reason() == null ? "" : " (" + escape(u.reason()) + ")").append(": ")
                        .append(escape(u.quote())).append("\n");
            }
        }
    }

    private static void section(StringBuilder md, List<Report.Finding> findings, SourceNames names, Verdict verdict,
                                String title) {
        boolean first = true;
        for (Report.Finding f : findings) {
            if (!f.verdict().equals(verdict.wireName())) {
                continue;
            }
            if (first) {
                md.append("\n## ").append(title).append("\n");
                first = false;
            }
            md.append("\n### ").append(escape(heading(f.subject(), f.attribute(), f.kind()))).append("\n\n");
            md.append("*").append(escape(f.kind())).append(f.scope() == null ? "" : ", in " + escape(f.scope()))
                    .append(", key ").append(escape(f.key()))
                    .append(", confidence ").append(f.confidence()).append("*\n\n");
            if (f.explanation() != null) {
                md.append(escape(f.explanation())).append("\n\n");
            }
            for (String note : f.notes()) {
                md.append("**Note:** ").append(escape(note)).append("\n\n");
            }
            ClaimKind kind = ClaimKind.fromWireName(f.kind());
            Report.Value previous = null;
            for (Report.Value v : f.values()) {
                md.append("- ");
                String turn = verdict == Verdict.EVOLVING && previous != null
                        ? ReportLabels.turn(f.kind(), previous, v) : null;
                if (turn != null) {
                    // in time order: which way the running figure went since the value before
                    md.append(turn.equals("up") ? "\u2191 " : turn.equals("down") ? "\u2193 " : "\u2192 ");
                }
                previous = v;
                md.append("**").append(escape(Explanations.valueText(kind, v))).append("**");
                if (v.display() != null && !v.display().isBlank() && !v.display().equals(v.value())) {
                    md.append(" (written \"").append(escape(v.display())).append("\")");
                }
                md.append(": ").append(escape(Explanations.nameList(v.sources(), names)));
                if (!v.attributedTo().isEmpty()) {
                    md.append(", citing ").append(escape(Explanations.joinWords(v.attributedTo(), "and")));
                }
                if (v.asOf() != null) {
                    md.append(", as of ").append(escape(ValueText.render(ClaimKind.DATE, v.asOf(), false)));
                }
                md.append("\n");
                for (Report.EvidenceRef e : v.evidence()) {
                    md.append("  > ").append(escape(e.quote())).append(" — ").append(escape(names.name(e.source())))
                            .append("\n");
                }
                int more = v.evidenceTotal() - v.evidence().size();
                if (more > 0) {
                    md.append("  > (").append(more).append(more == 1 ? " more sentence" : " more sentences")
                            .append(" give this value; the story's claims list them all)\n");
                }
            }
        }
    }

    /**
     * A finding's heading: its subject, then its attribute unless that only repeats what the heading already says:
     * the attribute is the finding's kind ("Meeting of A and B" is about participants, and the line under the
     * heading says so), or each of its words is a word of the subject up to an ending ("China's plan: points" with
     * attribute "points", "China's arrival" with "arrive"; endings in {@code compare/heading-suffixes.txt}).
     */
    static String heading(String subject, String attribute, String kind) {
        String s = subject == null ? "" : subject.strip();
        if (attribute == null || attribute.isBlank()) {
            return s;
        }
        String a = attribute.strip();
        if (s.isEmpty()) {
            return a;
        }
        if (a.equalsIgnoreCase(kind)) {
            return s;
        }
        Set<String> subjectStems = new HashSet<>();
        for (String word : WORD_SEPARATOR.split(s.toLowerCase(Locale.ROOT).replace("'s", " "))) {
            subjectStems.add(stem(word));
        }
        for (String word : WORD_SEPARATOR.split(a.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !subjectStems.contains(stem(word))) {
                return s + ": " + a;
            }
        }
        return s;
    }

    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final List<String> SUFFIXES = loadSuffixes("/compare/heading-suffixes.txt");

    private static String stem(String word) {
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static List<String> loadSuffixes(String resource) {
        List<String> suffixes = new ArrayList<>();
        for (String entry : DataFiles.lines(resource)) {
            suffixes.add(entry.toLowerCase(Locale.ROOT));
        }
        suffixes.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(suffixes);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /**
     * Escapes Markdown's inline special characters with a backslash, and a block marker at the start of the text
     * ("#", "-", "+", "1."), and folds line breaks into spaces, so that text from an article stays on its line and
     * renders as written.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blockMarker = (i == 0 && (c == '#' || c == '-' || c == '+' || c == '='))
                    || (i == digits && i > 0 && (c == '.' || c == ')'));
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&' -> out.append('\\').append(c);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (blockMarker) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
