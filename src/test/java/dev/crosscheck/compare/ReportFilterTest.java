package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crosscheck.claim.ClaimKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportFilterTest {

    private final Report report = Fixtures.xiVisit();

    @Test
    void byKindRecomputesTheSummary() {
        Report dates = ReportFilter.filter(report, Set.of(ClaimKind.DATE), null);
        assertEquals(List.of("visit:departed", "visit:arrived"), dates.findings().stream().map(Report.Finding::key).toList());
        assertEquals(new Report.Summary(0, 1, 1, 0), dates.summary());
        assertSame(report.sources(), dates.sources());
    }

    @Test
    void byVerdict() {
        Report contradictions = ReportFilter.filter(report, null, "contradiction");
        assertEquals(new Report.Summary(0, 2, 0, 0), contradictions.summary());
        assertEquals(2, contradictions.findings().size());
    }

    @Test
    void byKindAndVerdictTogether() {
        Report r = ReportFilter.filter(report, EnumSet.of(ClaimKind.COUNT, ClaimKind.DURATION),
                EnumSet.of(Verdict.AGREEMENT, Verdict.EVOLVING));
        assertEquals(List.of("talks:toll", "plan:points", "agreements:signed"),
                r.findings().stream().map(Report.Finding::key).toList());
        assertEquals(new Report.Summary(2, 0, 0, 1), r.summary());
    }

    @Test
    void noFilterKeepsEverything() {
        assertEquals(report, ReportFilter.filter(report, Set.of(), null));
    }

    @Test
    void unknownNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReportFilter.filter(report, "weather", null));
        assertThrows(IllegalArgumentException.class, () -> ReportFilter.filter(report, null, "maybe"));
    }
}
