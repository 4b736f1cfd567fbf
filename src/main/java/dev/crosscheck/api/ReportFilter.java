package dev.crosscheck.api;

import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.Verdict;
import java.util.List;

/** Narrows a report to the findings of one kind and/or verdict, with the summary recounted. */
final class ReportFilter {

    private ReportFilter() {
    }

    static Report filter(Report report, ClaimKind kind, Verdict verdict) {
        List<Report.Finding> findings = report.findings().stream()
                .filter(f -> kind == null || f.kind().equals(kind.wireName()))
                .filter(f -> verdict == null || f.verdict().equals(verdict.wireName()))
                .toList();
        return new Report(report.schemaVersion(), report.story(), report.generatedAt(), report.sources(), findings,
                summarize(findings));
    }

    static Report.Summary summarize(List<Report.Finding> findings) {
        int agreements = 0;
        int contradictions = 0;
        int single = 0;
        int evolving = 0;
        for (Report.Finding f : findings) {
            switch (Verdict.fromWireName(f.verdict())) {
                case AGREEMENT -> agreements++;
                case CONTRADICTION -> contradictions++;
                case SINGLE_SOURCE -> single++;
                case EVOLVING -> evolving++;
            }
        }
        return new Report.Summary(agreements, contradictions, single, evolving);
    }
}
