package dev.crosscheck.compare;

import dev.crosscheck.claim.ClaimKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Narrows a report to some kinds and/or verdicts, as the API's query parameters ask; the summary is recomputed. */
public final class ReportFilter {

    private ReportFilter() {
    }

    /**
     * The findings of {@code report} whose kind is in {@code kinds} and whose verdict is in {@code verdicts}; a null
     * or empty set does not filter. Sources, story and generation time are kept.
     */
    public static Report filter(Report report, Set<ClaimKind> kinds, Set<Verdict> verdicts) {
        boolean anyKind = kinds == null || kinds.isEmpty();
        boolean anyVerdict = verdicts == null || verdicts.isEmpty();
        List<Report.Finding> kept = new ArrayList<>();
        for (Report.Finding f : report.findings()) {
            if ((anyKind || kinds.contains(ClaimKind.fromWireName(f.kind())))
                    && (anyVerdict || verdicts.contains(Verdict.fromWireName(f.verdict())))) {
                kept.add(f);
            }
        }
        return new Report(report.schemaVersion(), report.story(), report.generatedAt(), report.sources(),
                List.copyOf(kept), StoryComparator.summarize(kept));
    }

    /**
     * The same, from wire names ("count", "contradiction"); null means no filter. An unknown name throws
     * {@link IllegalArgumentException}, which the API reports as a bad request.
     */
    public static Report filter(Report report, String kind, String verdict) {
        return filter(report, kind == null ? null : Set.of(ClaimKind.fromWireName(kind)),
                verdict == null ? null : Set.of(Verdict.fromWireName(verdict)));
    }
}
