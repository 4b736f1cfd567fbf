package dev.crosscheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules the date comparison with the peer scores by: what counts as a check, a match, and a precision. */
class PeerComparisonTest {

    @TempDir
    Path dir;

    @Test
    void everySourceOfADateExpectationWithAValueIsOneCheck() throws IOException {
        Path story = Files.createDirectories(dir.resolve("s"));
        Files.writeString(story.resolve("expected.json"), """
                {"story": "s", "expect": [
                  {"id": "c", "verdict": "contradiction", "kind": "date",
                   "values": {"2023-03-22": ["a.txt"], "2023-03-21": ["b.txt", "c.txt"]}},
                  {"id": "g", "verdict": "agreement", "kind": "date", "value": "2022-11",
                   "sources": ["a.txt", "b.txt"], "stretch": true},
                  {"id": "novalue", "verdict": "agreement", "kind": "date", "sources": ["a.txt", "b.txt"]},
                  {"id": "count", "verdict": "agreement", "kind": "count", "value": "12", "sources": ["a.txt"]}
                ], "forbid": []}
                """);
        List<PeerCorpus.DateCheck> checks = PeerCorpus.dateChecks(dir);
        assertEquals(List.of(
                new PeerCorpus.DateCheck("s", "c", "a.txt", "2023-03-22", false),
                new PeerCorpus.DateCheck("s", "c", "b.txt", "2023-03-21", false),
                new PeerCorpus.DateCheck("s", "c", "c.txt", "2023-03-21", false),
                new PeerCorpus.DateCheck("s", "g", "a.txt", "2022-11", true),
                new PeerCorpus.DateCheck("s", "g", "b.txt", "2022-11", true)), checks);
    }

    @Test
    void articlesCarryThePublicationDateOfTheirSidecar() throws IOException {
        Path story = Files.createDirectories(dir.resolve("s"));
        Files.writeString(story.resolve("a.txt"), "Text.");
        Files.writeString(story.resolve("a.meta.json"), "{\"published\": \"2015-04-27\", \"publisher\": \"P\"}");
        PeerCorpus.Article a = PeerCorpus.articles(dir).get(0);
        assertEquals("s", a.story());
        assertEquals("a.txt", a.name());
        assertEquals("2015-04-27", a.published());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "(DATE_TIME (EXPLICIT_TIME (HOURS_OF_DAY 11) (MINUTES_OF_HOUR 56) am))|time",
            "(DATE_TIME (RELATIVE_DATE (SEEK > by_day 0 (DAY_OF_WEEK 7))))|day",
            "(DATE_TIME (EXPLICIT_DATE (MONTH_OF_YEAR 3) (DAY_OF_MONTH 21)))|day",
            "(DATE_TIME (RELATIVE_DATE (SEEK > by_day 3 day)))|day",
            "(DATE_TIME (RELATIVE_DATE (SEEK < by_week 1 week)))|week",
            "(DATE_TIME (RELATIVE_DATE (SEEK < by_week 1 month)))|month",
            "(DATE_TIME (RELATIVE_DATE (SEEK > by_day 0 (MONTH_OF_YEAR 11))))|month",
            "(DATE_TIME (RELATIVE_DATE (SEEK < by_day 1 year)))|year",
    })
    void thePeersPrecisionIsReadFromItsSyntaxTree(String tree, String precision) {
        assertEquals(precision, NattyDates.precision(tree));
    }

    @Test
    void thePeersAnswersAreWrittenInTheNormalizedForms() {
        NattyDates natty = new NattyDates();
        assertTrue(natty.values("The plan was released last month.", "2023-03-23").contains("2023-02"));
        assertTrue(natty.values("The quake hit at 11:56 a.m.", "2015-04-25").contains("2015-04-25T11:56"));
        assertTrue(natty.values("He arrived on March 20.", "2023-03-23").contains("2023-03-20"));
    }

    @ParameterizedTest(name = "{0} within {1}: {2}")
    @CsvSource({
            "2015-04-25T08:00, 2015-04-25, true",
            "2015-04-25, 2015-04, true",
            "2015-04-25, 2015-04-25, true",
            "2015-04-25, 2015-04-2, false",
            "2015-04, 2015-04-25, false",
            "2023-W11-1, 2023-W11, false",
    })
    void theLenientScoreCreditsOnlyAFinerAnswerInsideTheExpectedPeriod(String given, String expected, boolean right) {
        assertEquals(right, DateAccuracy.atOrFiner(Set.of(given), expected));
    }

    @Test
    void theStrictScoreWantsTheValueAtItsPrecision() {
        PeerCorpus.DateCheck check = new PeerCorpus.DateCheck("s", "id", "a.txt", "2015-04-25", false);
        DateAccuracy.Outcome finer = new DateAccuracy.Outcome(check, Set.of("2015-04-25"), Set.of("2015-04-25T08:00"));
        assertTrue(finer.crosscheck());
        assertFalse(finer.peer());
        assertTrue(finer.peerLenient());
        DateAccuracy.Score score = DateAccuracy.score(List.of(finer));
        assertEquals(new DateAccuracy.Score(1, 1, 1, 0, 1, 0), score);
    }
}
