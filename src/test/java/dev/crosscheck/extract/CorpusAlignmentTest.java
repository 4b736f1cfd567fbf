package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over reports of one story (the written stories of the test corpus beside the project, and reports
 * written here) and checks that the same fact gets the same key in every source and that different facts never do. Claims are found by what they say (kind, value, words of the sentence),
 * never by their key strings.
 */
class CorpusAlignmentTest {

    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();

    private static List<Claim> doc(String story, String name) {
        assumeTrue(java.nio.file.Files.isDirectory(TestDocuments.CORPUS), "test corpus not present");
        return EXTRACTOR.extract(TestDocuments.corpus(story, name));
    }

    /** The one claim of a kind and value whose sentence contains all the given words. */
    private static Claim find(List<Claim> claims, ClaimKind kind, String value, String... words) {
        Predicate<Claim> p = c -> c.kind() == kind && c.value().equals(value);
        List<Claim> hits = claims.stream().filter(p).filter(c -> {
            String q = c.evidence().quote().toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!q.contains(w.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertFalse(hits.isEmpty(), () -> "no " + kind + " " + value + " in " + claims);
        assertEquals(1, hits.stream().map(Claim::key).distinct().count(), () -> "ambiguous: " + hits);
        return hits.get(0);
    }

    private static void same(Claim... claims) {
        for (Claim c : claims) {
            assertEquals(claims[0].key(), c.key(), () -> "should align: " + claims[0] + " / " + c);
        }
    }

    /**
     * Two reports of a state visit written here with the constructions wire and agency copy use (the story's written
     * third report, northwind_wire, is read from the test corpus): a visit on Monday, "on Wednesday departed", "for
     * three days, beginning Monday", a plan "released last month", "more than a dozen agreements".
     */
    private static final String MONDAY_REPORT = """
            Xi lands in Moscow for talks with Putin
            Chinese President Xi Jinping arrived in Moscow on Monday and met with Russian President Vladimir Putin \
            for a long exchange on matters of common concern, according to Beijing's foreign ministry.
            Xi is visiting Moscow for three days, beginning Monday.
            The Chinese peace plan, unveiled on the anniversary of the Russian invasion, sets out 12 points, \
            including a ceasefire and a return to peace talks.
            On Tuesday, Xi also met with Russian Prime Minister Mikhail Mishustin and Foreign Minister Sergey Lavrov.
            The Chinese president arrived in Moscow on Monday and met with Putin again over dinner.
            """;

    private static final String WEDNESDAY_REPORT = """
            Xi leaves Russia without a breakthrough on Ukraine
            Chinese leader Xi Jinping on Wednesday departed Russia after pledging closer ties with President Vladimir \
            Putin, but the talks brought no breakthrough on the war.
            China released last month a 12-point statement of broad principles on the war that called for \
            respecting the sovereignty of all countries and ceasing hostilities.
            The 10-point peace plan was first presented by Ukrainian President Volodymyr Zelenskyy at a meeting of \
            the Group of 20 nations in November.
            Xi spent three days in Moscow this week.
            His visit ended with Beijing and Moscow concluding more than a dozen agreements on trade and technology, \
            according to a Kremlin list.
            """;

    @Test
    void stateVisitAlignments() {
        List<Claim> monday = EXTRACTOR.extract(TestDocuments.of("monday", MONDAY_REPORT, LocalDate.of(2023, 3, 21)));
        List<Claim> wednesday = EXTRACTOR.extract(TestDocuments.of("wednesday", WEDNESDAY_REPORT,
                LocalDate.of(2023, 3, 23)));
        List<Claim> nw = doc("xi-moscow-2023", "northwind_wire");

        Claim china12a = find(monday, ClaimKind.COUNT, "12", "chinese peace plan");
        Claim china12b = find(wednesday, ClaimKind.COUNT, "12", "statement of broad principles");
        Claim china12c = find(nw, ClaimKind.COUNT, "12", "position paper");
        same(china12a, china12b, china12c);
        Claim ukr10a = find(wednesday, ClaimKind.COUNT, "10", "zelenskyy");
        Claim ukr10b = find(nw, ClaimKind.COUNT, "10", "formula");
        same(ukr10a, ukr10b);
        assertNotEquals(china12a.key(), ukr10a.key(), "China's plan and Ukraine's plan are different things");

        same(find(monday, ClaimKind.DURATION, "P3D", "three days"),
                find(wednesday, ClaimKind.DURATION, "P3D", "three days"),
                find(nw, ClaimKind.DURATION, "P2D", "two-day visit"));

        same(find(wednesday, ClaimKind.DATE, "2023-03-22", "departed"),
                find(nw, ClaimKind.DATE, "2023-03-21", "left moscow"));
        same(find(wednesday, ClaimKind.DATE, "2022-11", "presented"), find(nw, ClaimKind.DATE, "2022-11", "presented"));
        same(find(wednesday, ClaimKind.COUNT, ">12", "agreements"), find(nw, ClaimKind.COUNT, "14", "agreements"));
        find(monday, ClaimKind.DATE, "2023-03-20", "arrived");
        // one claim per person met: the one for Mishustin aligns across sources
        Claim m1 = monday.stream().filter(c -> c.kind() == ClaimKind.DATE && c.key().contains("mishustin"))
                .findFirst().orElseThrow();
        Claim m2 = find(nw, ClaimKind.DATE, "2023-03-21", "mishustin");
        assertEquals("2023-03-21", m1.value());
        same(m1, m2);
        Claim rel1 = find(wednesday, ClaimKind.DATE, "2023-02", "released last month");
        Claim rel2 = find(nw, ClaimKind.DATE, "2023-02-24", "published on february 24");
        same(rel1, rel2);
        assertNotEquals(rel1.key(), find(wednesday, ClaimKind.DATE, "2022-11", "presented").key());
    }

    @Test
    void nepalQuakeAlignments() {
        String s = "nepal-quake-2015";
        List<Claim> wire = doc(s, "wire_saturday");
        List<Claim> china = doc(s, "china_center");
        List<Claim> monday = doc(s, "monday_update");

        Claim m78 = find(wire, ClaimKind.QUANTITY, "7.8 magnitude", "struck nepal");
        same(m78, find(monday, ClaimKind.QUANTITY, "7.8 magnitude", "number of people killed"),
                find(china, ClaimKind.QUANTITY, "8.1 magnitude", "measured"));
        Claim m67 = find(monday, ClaimKind.QUANTITY, "6.7 magnitude", "aftershock");
        assertNotEquals(m78.key(), m67.key(), "the aftershock is not the main quake");

        Claim d1 = find(wire, ClaimKind.DATE, "2015-04-25", "struck nepal");
        same(d1, find(china, ClaimKind.DATE, "2015-04-25", "saturday's earthquake"),
                find(monday, ClaimKind.DATE, "2015-04-25", "saturday's 7.8"));
        same(d1, find(wire, ClaimKind.DATE, "2015-04-25T11:56", "11:56"),
                find(china, ClaimKind.DATE, "2015-04-25T11:56", "11:56"));
        Claim after = find(monday, ClaimKind.DATE, "2015-04-26", "aftershock");
        assertNotEquals(d1.key(), after.key());

        Claim depth = find(wire, ClaimKind.QUANTITY, "15 km", "depth");
        Claim dist = find(wire, ClaimKind.QUANTITY, "80 km", "northwest");
        assertNotEquals(depth.key(), dist.key(), "a depth is not a distance");
        assertTrue(dist.approximate());

        Claim toll1 = find(wire, ClaimKind.COUNT, ">1000", "killed");
        Claim toll2 = find(monday, ClaimKind.COUNT, ">3700", "killed");
        same(toll1, toll2);
        assertTrue(toll1.running() && toll2.running(), "death tolls are running figures");
    }

    @Test
    void headlinesGiveNoDatesAndEvidenceLocatesTheWords() {
        assumeTrue(java.nio.file.Files.isDirectory(TestDocuments.CORPUS), "test corpus not present");
        var d = TestDocuments.corpus("nepal-quake-2015", "monday_update");
        int headlineEnd = d.sentences().get(0).end();
        for (Claim c : EXTRACTOR.extract(d)) {
            assertTrue(c.evidence().sentenceStart() >= headlineEnd || c.kind() == ClaimKind.COUNT
                    || c.kind() == ClaimKind.QUANTITY, () -> "a date or a statement from the headline: " + c);
            assertEquals(c.display(), d.text().substring(c.evidence().start(), c.evidence().end()));
            assertEquals(c.evidence().quote(), d.text().substring(c.evidence().sentenceStart(),
                    c.evidence().sentenceStart() + c.evidence().quote().length()));
            assertTrue(c.confidence() > 0 && c.confidence() <= 1);
            assertNotNull(c.subject());
        }
    }

    @Test
    void repeatedClaimsInOneSourceMerge() {
        List<Claim> monday = EXTRACTOR.extract(TestDocuments.of("monday", MONDAY_REPORT, LocalDate.of(2023, 3, 21)));
        long arrivals = monday.stream().filter(c -> c.kind() == ClaimKind.DATE && c.value().equals("2023-03-20")
                && Objects.equals(c.attribute(), "arrive")).count();
        assertEquals(1, arrivals, "the arrival is told twice in the article and must be one claim");
    }
}
