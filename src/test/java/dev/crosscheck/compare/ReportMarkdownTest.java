package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

    @Test
    void sectionsFollowTheVerdictOrder() {
        String md = ReportMarkdown.render(Fixtures.xiVisit());
        assertTrue(md.startsWith("# Cross-source report: xi-moscow-2023\n"), md);
        assertTrue(md.contains("| Xi arrives in Moscow | UPI | 2023-03-21 | 6 |"), md);
        int c = md.indexOf("## Contradictions");
        int e = md.indexOf("## Evolving figures");
        int a = md.indexOf("## Agreements");
        int s = md.indexOf("## Single-source claims");
        assertTrue(0 < c && c < e && e < a && a < s, md);
        assertTrue(md.contains("- **3 days**: ANI and UPI\n"
                + "  > The report said P3D on the matter. — ANI\n"
                + "  > The report said P3D on the matter. — UPI\n"), md);
    }

    @Test
    void emptySectionsAreLeftOut() {
        String md = ReportMarkdown.render(ReportFilter.filter(Fixtures.xiVisit(), null, "agreement"));
        assertFalse(md.contains("## Contradictions"));
        assertTrue(md.contains("## Agreements"));
    }

    @Test
    void articleTextCannotChangeTheLayout() {
        String sentence = "Officials said *12* [points](http://x) <b>were</b> agreed | signed\n# not a heading";
        Claim claim = new Claim(ClaimKind.COUNT, "k", "Plan_points", null, "12", "12", false, false, 0.9,
                new Evidence("a", sentence, 0, 2, 0));
        String md = ReportMarkdown.render(new StoryComparator(Fixtures.CLOCK).compare("s", List.of(), List.of(claim)));
        assertTrue(md.contains("  > Officials said \\*12\\* \\[points\\](http://x) \\<b\\>were\\</b\\> agreed "
                + "\\| signed # not a heading — a\n"), md);
        assertTrue(md.contains("### Plan\\_points\n"), md);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "China's plan: points                  | points       | count        | China's plan: points",
        "China's plan: Points                  | points       | count        | China's plan: Points",
        "China's plan                          | points       | count        | China's plan: points",
        "earthquake                            | magnitude    | quantity     | earthquake: magnitude",
        "Talks: checkpoints                    | points       | count        | Talks: checkpoints: points",
        "China's visit                         | length       | duration     | China's visit: length",
        "China's plan                          | release      | date         | China's plan: release",
        "China's arrival                       | arrive       | date         | China's arrival",
        "China's departure                     | depart       | date         | China's departure",
        "China's meeting with Dmitry Medvedev  | meet         | date         | China's meeting with Dmitry Medvedev",
        "Call for halt                         | call-for     | statement    | Call for halt",
        "Meeting of Vladimir Putin and Xi      | participants | participants | Meeting of Vladimir Putin and Xi",
        "Quote of Dmitry Peskov                | quote        | quote        | Quote of Dmitry Peskov",
        "Country's election                    | count        | count        | Country's election",
        "Country's election                    | votes        | count        | Country's election: votes",
        "visit                                 | NULL         | date         | visit",
        "visit                                 | ' '          | date         | visit",
    })
    void headingsNameTheAttributeOnlyWhenItAddsSomething(String subject, String attribute, String kind,
                                                         String heading) {
        assertEquals(heading, ReportMarkdown.heading(subject, attribute, kind));
    }

    @Test
    void aSubjectEndingWithItsAttributeIsNotRepeatedInTheRenderedHeading() {
        Claim claim = new Claim(ClaimKind.COUNT, "k", "China's plan: points", "points", "12", "12", false, false, 0.9,
                new Evidence("a", "A 12-point plan.", 0, 2, 0));
        String md = ReportMarkdown.render(new StoryComparator(Fixtures.CLOCK).compare("s", List.of(), List.of(claim)));
        assertTrue(md.contains("### China's plan: points\n"), md);
        assertFalse(md.contains("points: points"), md);
    }

    private static Claim toll(String source, String day, String value, String scope) {
        Claim c = Fixtures.claim(source, ClaimKind.COUNT, "count:-:-:person:deaths" + (scope == null ? ""
                : "|" + scope), value, false, true);
        return new Claim(c.kind(), c.key(), "Deaths", "deaths", value, value, false, true, 0.8, c.evidence(),
                scope == null ? null : scope.substring(0, 1).toUpperCase() + scope.substring(1), null, day, null,
                false);
    }

    @Test
    void aRunningFigureIsListedInTimeOrderWithItsTurnsAndAWholeItsPartsExceedIsNoted() {
        List<SourceInfo> sources = List.of(new SourceInfo("a", null, "Ay", "2023-02-07", "metadata"),
                new SourceInfo("b", null, "Bee", "2023-02-09", "metadata"));
        String md = ReportMarkdown.render(new StoryComparator(Fixtures.CLOCK).compare("s", sources, List.of(
                toll("b", "2023-02-09", "17000", null), toll("a", "2023-02-07", "5000", null),
                toll("b", "2023-02-09", "14000", "turkey"), toll("b", "2023-02-09", "4100", "syria"),
                toll("a", "2023-02-07", "3400", "turkey"))));
        assertTrue(md.contains("- **5,000**: Ay, as of February 7, 2023\n"), md);
        assertTrue(md.contains("- \u2191 **17,000**: Bee, as of February 9, 2023\n"), md);
        assertTrue(md.contains("**Note:** The parts the story gives add up to more than the whole on February 9, "
                + "2023: Turkey 14,000 and Syria 4,100, against 17,000 for the whole, even with each figure read at "
                + "its most generous rounding."), md);
        assertEquals(1, md.split("\\*\\*Note:\\*\\*", -1).length - 1, "the whole only: " + md);
    }

    @Test
    void escapesBlockMarkersAtTheStart() {
        assertEquals("\\# 1", ReportMarkdown.escape("# 1"));
        assertEquals("\\- item", ReportMarkdown.escape("- item"));
        assertEquals("2023\\. was a year", ReportMarkdown.escape("2023. was a year"));
        assertEquals("in 2023. it rained", ReportMarkdown.escape("in 2023. it rained"));
        assertEquals("a \\\\ b \\` c \\~ d \\& e", ReportMarkdown.escape("a \\ b ` c ~ d & e"));
    }
}
