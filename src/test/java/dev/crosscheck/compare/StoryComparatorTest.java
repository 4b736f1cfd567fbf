package dev.crosscheck.compare;

import static dev.crosscheck.compare.Fixtures.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations, ordering, values and sources of a report. */
class StoryComparatorTest {

    private final StoryComparator comparator = new StoryComparator(Fixtures.CLOCK);

    /** Sources known by their ids only: no title, publisher or date. */
    private static List<SourceInfo> undescribed(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new SourceInfo(id, null, null, null, null)).toList();
    }

    private static Report.Finding find(Report r, String key) {
        return r.findings().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void contradictionExplanationNamesPublishersAndValues() {
        Report.Finding f = find(Fixtures.xiVisit(), "visit:length");
        assertEquals("contradiction", f.verdict());
        assertEquals("ANI and UPI say 3 days; northwind.txt says 2 days.", f.explanation());
    }

    @Test
    void agreementAndSingleSourceExplanations() {
        Report r = Fixtures.xiVisit();
        assertEquals("ANI, northwind.txt and UPI all say 12.", find(r, "plan:points").explanation());
        assertEquals("northwind.txt says 14; ANI says more than 12. These values are compatible.",
                find(r, "agreements:signed").explanation());
        assertEquals("Only UPI says March 20, 2023 (2023-03-20).", find(r, "visit:arrived").explanation());
    }

    @Test
    void evolvingExplanationFollowsPublicationDates() {
        assertEquals("A running figure: rose from more than 1,000 (March 21, 2023, UPI) to more than 3,700 "
                        + "(March 23, 2023, ANI).",
                find(Fixtures.xiVisit(), "talks:toll").explanation());
    }

    /** A running figure's value, as of a day, credited to an authority (or none). */
    private static Claim point(String source, String attribute, String asOf, String value, String authority) {
        Claim c = claim(source, ClaimKind.COUNT, "count:-:-:person:" + attribute, value, false, true);
        return new Claim(c.kind(), c.key(), "Toll", attribute, c.value(), c.display(), false, true,
                c.confidence(), c.evidence(), null, authority, asOf, null, false);
    }

    @Test
    void aRunningFigureIsToldByItsTurnsInTheOrderOfItsTimes() {
        List<SourceInfo> sources = undescribed("a", "b", "c", "d");
        Report toll = comparator.compare("s", sources, List.of(
                point("a", "deaths", "2023-08-09", "6", "county"), point("b", "deaths", "2023-08-10", "53", "county"),
                point("c", "deaths", "2023-08-12", "93", "county"), point("a", "deaths", "2023-08-21", "115", "county"),
                point("d", "deaths", "2023-09-15", "97", "county")));
        Report.Finding f = toll.findings().get(0);
        assertEquals("evolving", f.verdict());
        assertEquals(List.of("6", "53", "93", "115", "97"), f.values().stream().map(Report.Value::value).toList(),
                "the values in the order of the days they hold on, not by how many sources give them");
        assertEquals("A running figure: rose from 6 (August 9, 2023, a, citing county) to 115 (August 21, 2023, a, "
                + "citing county) through 2 other values, then was revised down to 97 (September 15, 2023, d, citing "
                + "county).", f.explanation(), "a toll only grows: a lower later count is a revision");

        Report outages = comparator.compare("s", sources, List.of(
                point("a", "without power", "2022-09-28", "756450", null),
                point("b", "without power", "2022-09-29", "2610000", null),
                point("c", "without power", "2022-10-03", "628285", null)));
        assertEquals("A running figure: rose from 756,450 (September 28, 2022, a) to 2.61 million (2610000) "
                + "(September 29, 2022, b), then fell to 628,285 (October 3, 2022, c).",
                outages.findings().get(0).explanation(), "customers without power come back: the count fell");
    }

    @Test
    void aValueShowsAFewSentencesOneOfEachSourceFirstAndCountsThemAll() {
        List<Claim> many = new java.util.ArrayList<>();
        for (String s : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
            many.add(claim(s, ClaimKind.COUNT, "plan:points", "12"));
        }
        Report.Value v = comparator.compare("s", undescribed("a", "b", "c", "d", "e", "f", "g", "h"), many)
                .findings().get(0).values().get(0);
        assertEquals(8, v.sources().size());
        assertEquals(8, v.evidenceTotal());
        assertEquals(List.of("a", "b", "c", "d", "e"), v.evidence().stream().map(Report.EvidenceRef::source).toList());

        List<Claim> repeated = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (String s : List.of("a", "b")) {
                Claim c = claim(s, ClaimKind.COUNT, "plan:points", "12");
                repeated.add(c.withEvidence(new Evidence(s, c.evidence().quote(), 116 + 100 * i, 118 + 100 * i,
                        100 * i + 100)));
            }
        }
        Report.Value twice = comparator.compare("s", undescribed("a", "b"), repeated).findings().get(0).values()
                .get(0);
        assertEquals(8, twice.evidenceTotal());
        assertEquals(List.of("a", "a", "a", "b", "b"), twice.evidence().stream().map(Report.EvidenceRef::source)
                .toList(), "the first of each source, then the second of each, in source order");
    }

    private static Claim toll(String source, String value, String scope) {
        Claim c = claim(source, ClaimKind.COUNT, "count:-:-:person:deaths" + (scope == null ? "" : "|" + scope), value);
        return new Claim(c.kind(), c.key(), "Deaths", "deaths", value, value, false, false, 0.8, c.evidence(), scope,
                null, null, null, false);
    }

    @Test
    void aPartOfNoneCountsAsNoneAndThePlaceOfTheEventOrOneAroundItIsNoPart() {
        Report zero = comparator.compare("s", undescribed("a", "b"), List.of(toll("a", "100", null),
                toll("b", "100", null), toll("a", "92", "florida"), toll("a", "15", "cuba"),
                toll("a", "0", "north-carolina")));
        assertEquals(1, zero.findings().stream().mapToInt(f -> f.notes().size()).sum(),
                "92 and 15 exceed 100, whatever a third place's 0 adds: " + zero.findings());

        SourceInfo inFlorida = new SourceInfo("a", null, null, null, null, null, null, java.util.Set.of("florida"));
        Report around = comparator.compare("s", List.of(inFlorida, new SourceInfo("b", null, null, null, null)),
                List.of(toll("a", "92", "florida"), toll("b", "92", null), toll("a", "98", "united-states"),
                        toll("a", "3", "cuba")));
        assertEquals(0, around.findings().stream().mapToInt(f -> f.notes().size()).sum(),
                "the country around the event's state is no part of the event's toll: " + around.findings());
    }

    @Test
    void aScopedFindingsExplanationNamesItsScope() {
        Claim a = claim("a", ClaimKind.COUNT, "count:-:-:person:deaths|syria", "5800");
        Claim b = claim("b", ClaimKind.COUNT, "count:-:-:person:deaths|syria", "3500");
        List<Claim> scoped = java.util.stream.Stream.of(a, b).map(c -> new Claim(c.kind(), c.key(), "Deaths",
                "deaths", c.value(), c.display(), false, false, 0.8, c.evidence(), "Syria", null, null, null,
                false)).toList();
        Report.Finding f = comparator.compare("s", undescribed("a", "b"), scoped).findings().get(0);
        assertEquals("contradiction", f.verdict());
        assertEquals("Syria", f.scope());
        assertEquals("For Syria: b says 3,500; a says 5,800.", f.explanation());
    }

    @Test
    void aValueReplacedTheSameDayComesFirstAndAValueOfNoDayTakesNoPartInTheTurns() {
        List<SourceInfo> sources = undescribed("a", "b", "u");
        Claim earlier = point("b", "deaths", "2023-08-21", "115", "county");
        Claim replaced = new Claim(earlier.kind(), earlier.key(), earlier.subject(), earlier.attribute(), "115", "115",
                false, true, 0.8, earlier.evidence(), null, "county", "2023-08-21", null, true);
        Report.Finding f = comparator.compare("s", sources, List.of(point("a", "deaths", "2023-08-10", "80", "county"),
                replaced, point("b", "deaths", "2023-08-21", "97", "county"),
                point("u", "deaths", null, "20", null))).findings().get(0);
        assertEquals("evolving", f.verdict());
        assertEquals(List.of("80", "115", "97", "20"), f.values().stream().map(Report.Value::value).toList(),
                "115 'revised down to 97' the same day comes before 97; the value of no day comes last");
        assertEquals("A running figure: rose from 80 (August 10, 2023, a, citing county) to 115 (August 21, 2023, "
                + "b, citing county), then was revised down to 97 (August 21, 2023, b, citing county); u says 20 on "
                + "no known day.", f.explanation());
    }

    @Test
    void aLongSeriesIsToldByItsFirstTurnsAndItsLatestValue() {
        List<SourceInfo> sources = undescribed("a");
        List<Claim> claims = new java.util.ArrayList<>();
        int[] values = {10, 20, 15, 25, 18, 30, 22, 35, 33};
        for (int i = 0; i < values.length; i++) {
            claims.add(point("a", "customers", String.format("2023-08-%02d", 10 + i), Integer.toString(values[i]),
                    null));
        }
        Report.Finding f = comparator.compare("s", List.of(new SourceInfo("a", null, "Ay", null, null),
                new SourceInfo("b", null, "Bee", null, null)), claims.stream().map(c -> c.value().equals("33")
                ? c.withEvidence(new Evidence("b", c.evidence().quote(), c.evidence().start(), c.evidence().end(),
                c.evidence().sentenceStart())) : c).toList()).findings().get(0);
        assertEquals("evolving", f.verdict());
        assertTrue(f.explanation().startsWith("A running figure: rose from 10 (August 10, 2023, Ay) to 20 (August 11, "
                + "2023, Ay), then fell to 15 (August 12, 2023, Ay), then rose again to 25"), f.explanation());
        assertTrue(f.explanation().endsWith("more turns, most recently 33 (August 18, 2023, Bee)."), f.explanation());
    }

    @Test
    void anExplanationIsASentenceAndADisputeFollowsTheOrderOfItsValues() {
        List<SourceInfo> sources = undescribed("a", "b", "c");
        Report.Finding f = comparator.compare("s", sources, List.of(
                point("a", "missing", "2023-08-22", "850", "the mayor"),
                point("b", "missing", "2023-08-22", "850", "the mayor"),
                point("c", "missing", "2023-08-22", "850", "the mayor"),
                point("b", "missing", "2023-08-22", "1000", "Green"),
                point("c", "missing", "2023-08-22", "1000", "Governor Josh Green"))).findings().get(0);
        assertEquals("disputed", f.verdict());
        assertEquals("The mayor (reported by a, b and c) puts it at 850; Governor Josh Green (reported by b and c) at "
                + "1,000. The authorities disagree; the outlets report them faithfully.",
                f.explanation(), "each authority once, in its fullest wording, in the order of the values");
    }

    @Test
    void aDisputeNamesEachAuthorityOnceInItsFullestWordingWithItsValuesInTimeOrder() {
        List<SourceInfo> sources = undescribed("a", "b", "c");
        Report r = comparator.compare("s", sources, List.of(
                point("a", "deaths", "2022-09-30", "16", "Lee County Sheriff Carmine Marceno"),
                point("a", "deaths", "2022-09-30", "12", "Medical Examiners Commission"),
                point("b", "deaths", "2022-10-02", ">=42", "Carmine Marceno"),
                point("c", "deaths", "2022-10-07", "53", "Carmine Marceno")));
        Report.Finding f = r.findings().get(0);
        assertEquals("disputed", f.verdict());
        assertEquals("Medical Examiners Commission (reported by a) puts it at 12; Lee County Sheriff Carmine Marceno "
                + "(reported by a, b and c) at 16 (September 30, 2022), at least 42 (October 2, 2022) and 53 "
                + "(October 7, 2022). The authorities disagree; the outlets report them faithfully.", f.explanation());
    }

    @Test
    void aQuantityOfNobodyNamedJoinsTheOneNamedOwnersWhenItAgrees() {
        List<SourceInfo> sources = undescribed("a", "b", "c");
        Report joined = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.QUANTITY, "quantity:surya:-:cost:-", "4800000000 INR"),
                claim("b", ClaimKind.QUANTITY, "quantity:-:-:cost:-", "4800000000 INR")));
        assertEquals(1, joined.findings().size(), "the mission's cost told with and without its name is one figure");
        assertEquals("agreement", joined.findings().get(0).verdict());

        Report differing = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.QUANTITY, "quantity:surya:-:cost:-", "4800000000 INR"),
                claim("b", ClaimKind.QUANTITY, "quantity:-:-:cost:-", "2150000000 INR")));
        assertEquals(List.of("single-source", "single-source"),
                differing.findings().stream().map(Report.Finding::verdict).toList(),
                "a figure of nobody named contradicts no owner's");

        Report twoOwners = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.QUANTITY, "quantity:surya:-:cost:-", "4800000000 INR"),
                claim("c", ClaimKind.QUANTITY, "quantity:chandra:-:cost:-", "4800000000 INR"),
                claim("b", ClaimKind.QUANTITY, "quantity:-:-:cost:-", "4800000000 INR")));
        assertEquals(3, twoOwners.findings().size(), "with two owners' figures matching, whose it is stays untold");

        Report oneMatching = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.QUANTITY, "quantity:surya:-:cost:-", "4800000000 INR"),
                claim("c", ClaimKind.QUANTITY, "quantity:chandra:-:cost:-", "9780000000 INR"),
                claim("b", ClaimKind.QUANTITY, "quantity:-:-:cost:-", "4800000000 INR")));
        assertEquals(2, oneMatching.findings().size(), "the one owner whose figure it matches is whose it is");

        Report launch = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.DATE, "date:surya-2:launch", "2023-07-14"),
                claim("b", ClaimKind.DATE, "date:-:launch", "2023-07-14")));
        assertEquals(List.of("agreement"), launch.findings().stream().map(Report.Finding::verdict).toList(),
                "the mission launched on a day is the named craft's launch on that day");
    }

    @Test
    void aDurationWithoutWhereItEndedJoinsTheOneToANamedPlaceWhenItAgrees() {
        List<SourceInfo> sources = undescribed("a", "b", "c");
        Report joined = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.DURATION, "duration:-:launch-to-arrival:mars", "P200D"),
                claim("b", ClaimKind.DURATION, "duration:-:launch-to-arrival", "P200D")));
        assertEquals(List.of("agreement"), joined.findings().stream().map(Report.Finding::verdict).toList(),
                "the journey told with and without where it ended is one figure");

        Report twoPlaces = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.DURATION, "duration:-:launch-to-arrival:mars", "P200D"),
                claim("c", ClaimKind.DURATION, "duration:-:launch-to-arrival:earth", "PT16M"),
                claim("b", ClaimKind.DURATION, "duration:-:launch-to-arrival", "P200D")));
        assertEquals(List.of("single-source", "single-source", "single-source"),
                twoPlaces.findings().stream().map(Report.Finding::verdict).toList(),
                "beside journeys to two places, one told without its end stays apart, and the two never conflict");

        Report differing = comparator.compare("s", sources, List.of(
                claim("a", ClaimKind.DURATION, "duration:-:launch-to-arrival:mars", "P200D"),
                claim("b", ClaimKind.DURATION, "duration:-:launch-to-arrival", "PT16M")));
        assertEquals(List.of("single-source", "single-source"),
                differing.findings().stream().map(Report.Finding::verdict).toList(),
                "a journey told without its end contradicts no journey to a named place");
    }

    private static Claim crowd(String source, String day, String value, String authority) {
        String key = "count:-:-:person:demonstrated" + (day == null ? "" : "@" + day);
        Claim c = claim(source, ClaimKind.COUNT, key, value);
        return new Claim(c.kind(), c.key(), "Demonstrated", c.attribute(), c.value(), c.display(), false, false,
                c.confidence(), c.evidence(), null, authority, null, null);
    }

    @Test
    void crowdsOfTwoDaysAreTwoMarchesAndAFigureOfNoDayJoinsTheDayItTells() {
        List<SourceInfo> sources = undescribed("a", "b", "c");
        Report twoMarches = comparator.compare("s", sources, List.of(
                crowd("a", "2019-06-09", "240000", "police"), crowd("b", "2019-06-16", "338000", "police")));
        assertEquals(List.of("single-source", "single-source"),
                twoMarches.findings().stream().map(Report.Finding::verdict).toList(),
                "the police's counts of two marches never contradict each other");
        assertTrue(twoMarches.findings().stream().anyMatch(f -> f.subject().equals("Demonstrated on 2019-06-09")),
                "a finding names the day of its march");

        Report joined = comparator.compare("s", sources, List.of(
                crowd("a", "2019-06-09", "240000", "police"), crowd("b", "2019-06-16", "338000", "police"),
                crowd("b", "2019-06-16", "2000000", "organizers"),
                crowd("c", null, "2000000", "organizers"), crowd("c", null, "338000", "police"),
                crowd("c", null, ">=2000", null)));
        Report.Finding june16 = find(joined, "count:-:-:person:demonstrated@2019-06-16");
        assertEquals("disputed", june16.verdict(), "the undated report of the second march joins it: "
                + "organisers against police");
        assertEquals(3, june16.values().stream().filter(v -> v.sources().contains("c")).count(), "all of its figures");
        assertEquals("single-source", find(joined, "count:-:-:person:demonstrated@2019-06-09").verdict());

        Report partly = comparator.compare("s", sources, List.of(
                crowd("a", "2019-06-09", "240000", "police"), crowd("b", "2019-06-16", "338000", "police"),
                crowd("c", null, "2000000", "organizers"), crowd("c", null, "338000", "police")));
        assertEquals("single-source", find(partly, "count:-:-:person:demonstrated@2019-06-16").verdict(),
                "figures of no day that tell more than a day's stay apart: which march the 2 million is of is untold");

        Report oneDay = comparator.compare("s", sources, List.of(
                crowd("a", "2019-06-16", "338000", "police"), crowd("b", "2019-06-16", "338000", "police")));
        assertEquals("agreement", find(oneDay, "count:-:-:person:demonstrated").verdict(),
                "a story of one march keys its crowd without the day");
    }

    @Test
    void boundHoldingOneSideOfAContradictionIsThatSide() {
        List<SourceInfo> sources = undescribed("a", "b", "c", "d");
        Report r = comparator.compare("s", sources, List.of(claim("a", ClaimKind.COUNT, "k", "2207"),
                claim("b", ClaimKind.COUNT, "k", "2207"), claim("c", ClaimKind.COUNT, "k", "271"),
                claim("d", ClaimKind.COUNT, "k", ">2200")));
        Report.Finding f = r.findings().get(0);
        assertEquals("contradiction", f.verdict());
        assertEquals(List.of("2207", "271"), f.values().stream().map(Report.Value::value).toList());
        assertEquals(List.of("a", "b", "d"), f.values().get(0).sources());
        assertEquals(3, f.values().get(0).evidence().size(), "the bound's own words stay in the evidence");
    }

    @Test
    void sharedPublisherIsToldApartByFileName() {
        List<SourceInfo> sources = List.of(new SourceInfo("s/a.txt", null, "Reuters", null, null),
                new SourceInfo("s/b.txt", null, "Reuters", null, null));
        Report r = comparator.compare("s", sources, List.of(claim("s/a.txt", ClaimKind.COUNT, "k", "3"),
                claim("s/b.txt", ClaimKind.COUNT, "k", "4")));
        assertEquals("Reuters (a.txt) says 3; Reuters (b.txt) says 4.", r.findings().get(0).explanation());
    }

    @Test
    void longSourceListsAreCut() {
        List<Claim> claims = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            claims.add(claim("src" + i, ClaimKind.COUNT, "k", "7"));
        }
        Report r = comparator.compare("s", List.of(), claims);
        assertEquals("src0, src1, src2, src3, src4, src5 and 3 others all say 7.", r.findings().get(0).explanation());
    }

    @Test
    void findingsAreOrderedByVerdictThenSourcesThenKey() {
        Report r = Fixtures.xiVisit();
        List<String> order = r.findings().stream().map(f -> f.verdict() + " " + f.key()).toList();
        assertEquals(List.of(
                "contradiction visit:length",      // three sources
                "contradiction visit:departed",    // two
                "evolving talks:toll",
                "agreement plan:points",           // three sources
                "agreement agreements:signed",     // then two sources, by key
                "agreement ceasefire:call",
                "agreement meeting:xi-putin",
                "agreement quote:xi",
                "agreement trade:volume",
                "single-source visit:arrived"), order);
        assertEquals(new Report.Summary(6, 2, 1, 1), r.summary());
    }

    @Test
    void orderDoesNotDependOnInputOrder() {
        List<Claim> claims = List.of(claim("a", ClaimKind.COUNT, "z", "1"), claim("b", ClaimKind.COUNT, "z", "1"),
                claim("a", ClaimKind.COUNT, "m", "1"), claim("b", ClaimKind.COUNT, "m", "1"),
                claim("a", ClaimKind.DATE, "d", "2020-01-01"));
        List<Claim> reversed = new java.util.ArrayList<>(claims);
        java.util.Collections.reverse(reversed);
        assertEquals(comparator.compare("s", List.of(), claims), comparator.compare("s", List.of(), reversed));
    }

    @Test
    void valuesCarrySortedSourcesAndOneEvidencePerClaim() {
        Claim first = new Claim(ClaimKind.COUNT, "k", "Plan", "points", "12", "a dozen", false, false, 0.9,
                new Evidence("b", "It has a dozen points.", 209, 216, 200));
        Claim second = new Claim(ClaimKind.COUNT, "k", "Plan", "points", "12", "12", true, false, 0.7,
                new Evidence("b", "Again: 12 points.", 307, 309, 300));
        Claim third = new Claim(ClaimKind.COUNT, "k", "Peace plan", null, "12", "twelve", false, false, 0.8,
                new Evidence("a", "The twelve-point plan.", 4, 10, 0));
        Report.Finding f = comparator.compare("s", List.of(), List.of(first, second, third)).findings().get(0);
        assertEquals("Plan", f.subject());
        assertEquals("points", f.attribute());
        assertEquals(1, f.values().size());
        Report.Value v = f.values().get(0);
        assertEquals(List.of("a", "b"), v.sources());
        assertEquals("a dozen", v.display());
        assertTrue(v.approximate());
        assertEquals(List.of(new Report.EvidenceRef("a", "The twelve-point plan.", 4, 10, 0),
                new Report.EvidenceRef("b", "It has a dozen points.", 209, 216, 200),
                new Report.EvidenceRef("b", "Again: 12 points.", 307, 309, 300)), v.evidence());
        // mean of best confidence per source (0.8, 0.9) times 1 - 2^-2
        assertEquals(0.638, f.confidence(), 1e-9);
    }

    @Test
    void sourcesCountTheirClaimsAndGeneratedAtComesFromTheClock() {
        Report r = Fixtures.xiVisit();
        assertEquals(List.of(6, 8, 7), r.sources().stream().map(Report.Source::claims).toList());
        assertEquals("2024-05-06T07:08:09Z", r.generatedAt());
        Report extra = comparator.compare("s", List.of(new SourceInfo("known", null, null, null, null)),
                List.of(claim("unlisted/x.txt", ClaimKind.COUNT, "k", "1")));
        assertEquals(List.of(new Report.Source("known", null, null, null, null, 0),
                new Report.Source("unlisted/x.txt", null, null, null, null, 1)), extra.sources());
    }

    @Test
    void mixedUnitsBecomeSeparateFindingsUnderOneKey() {
        Report r = comparator.compare("s", List.of(), List.of(claim("a", ClaimKind.QUANTITY, "q", "15 km"),
                claim("b", ClaimKind.QUANTITY, "q", "80 km"), claim("c", ClaimKind.QUANTITY, "q", "9 mi"),
                claim("c", ClaimKind.QUANTITY, "q", "4 %")));
        assertEquals(2, r.findings().size());
        Report.Finding km = r.findings().get(0);
        assertEquals("contradiction", km.verdict());
        assertEquals(List.of("15 km", "80 km", "9 mi"), km.values().stream().map(Report.Value::value).toList());
        Report.Finding percent = r.findings().get(1);
        assertEquals("single-source", percent.verdict());
        assertEquals("q", percent.key());
    }

    @Test
    void unknownOffsetsAndQuotesStayWithinTheContract() {
        Claim claim = new Claim(ClaimKind.COUNT, "k", "Plan", null, "12", null, false, false, 0.5,
                new Evidence("a", null, -1, -1, -1));
        Report.Value v = comparator.compare("s", List.of(), List.of(claim)).findings().get(0).values().get(0);
        assertEquals(List.of(new Report.EvidenceRef("a", "", null, null, null)), v.evidence());
    }

    @Test
    void aDateCountsTheSourcesOfMorePreciseDatesInsideIt() {
        List<SourceInfo> sources = List.of(new SourceInfo("w", null, "Wire One", null, null),
                new SourceInfo("c", null, "Wire Two", null, null), new SourceInfo("m", null, "Wire Three", null, null));
        Report.Finding f = comparator.compare("s", sources, List.of(
                claim("w", ClaimKind.DATE, "quake", "2015-04-25T11:56"),
                claim("c", ClaimKind.DATE, "quake", "2015-04-25T11:56"),
                claim("m", ClaimKind.DATE, "quake", "2015-04-25"),
                claim("m", ClaimKind.DATE, "quake", "2015-04"))).findings().get(0);
        assertEquals("agreement", f.verdict());
        assertEquals(List.of("2015-04", "2015-04-25", "2015-04-25T11:56"),
                f.values().stream().map(Report.Value::value).toList());
        assertEquals(List.of("c", "m", "w"), f.values().get(0).sources());
        // m gives the month itself: its own claim, not its day, is the month's evidence
        assertEquals(3, f.values().get(0).evidence().size());
        assertEquals(List.of("c", "m", "w"), f.values().get(1).sources());
        assertEquals(List.of("c", "w"), f.values().get(2).sources());
        assertEquals(List.of("c", "w"), f.values().get(2).evidence().stream().map(Report.EvidenceRef::source).toList());
    }

    @Test
    void emptyInputGivesAnEmptyReport() {
        Report r = comparator.compare("s", List.of(), List.of());
        assertTrue(r.findings().isEmpty());
        assertEquals(new Report.Summary(0, 0, 0, 0), r.summary());
        assertNull(ReportFilter.filter(r, "count", null).findings().stream().findAny().orElse(null));
    }
}
