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

    @Test
    void escapesBlockMarkersAtTheStart() {
        assertEquals("\\# 1", ReportMarkdown.escape("# 1"));
        assertEquals("\\- item", ReportMarkdown.escape("- item"));
        assertEquals("2023\\. was a year", ReportMarkdown.escape("2023. was a year"));
        assertEquals("in 2023. it rained", ReportMarkdown.escape("in 2023. it rained"));
        assertEquals("a \\\\ b \\` c \\~ d \\& e", ReportMarkdown.escape("a \\ b ` c ~ d & e"));
    }
}
