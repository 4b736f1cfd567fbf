package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineTest {

    private static Claim date(String source, String key, String value) {
        return date(source, key, value, false);
    }

    private static Claim date(String source, String key, String value, boolean approximate) {
        String subject = key.replace('_', ' ');
        return new Claim(ClaimKind.DATE, key, subject, "date", value, "on " + value, approximate, false, 0.9,
                new Evidence(source, source + " says " + subject + " on " + value + ".", 10, 20, 0));
    }

    private static List<String> order(List<Timeline.Entry> entries) {
        return entries.stream().map(e -> e.key() + "@" + e.date()).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "2023, year",
        "2023-Q1, quarter",
        "2023-02, month",
        "2023-W11, week",
        "2023-03-20, day",
        "2023-03-20T04:17, time",
        "2023-03-20T04:17:30Z, time",
        "last spring, unknown",
        "2023-13, unknown",
        "2023-W60, unknown",
    })
    void knowsThePrecisionOfEachDateForm(String value, String precision) {
        assertEquals(precision, Timeline.precision(value).wireName());
    }

    @Test
    void ordersByTheStartOfThePeriodThenCoarserFirst() {
        List<Claim> claims = List.of(
                date("a", "talks", "2023-03-21"),
                date("a", "arrival", "2023-03-20T12:30"),
                date("b", "arrival", "2023-03-20"),
                date("b", "invitation", "2023-03"),
                date("c", "plan", "2023-02"),
                date("c", "week_of_talks", "2023-W12"),
                date("a", "year_of_treaty", "2023"),
                date("c", "first_of_march", "2023-03-01"));

        assertEquals(List.of(
                "year_of_treaty@2023",
                "plan@2023-02",
                "invitation@2023-03",
                "first_of_march@2023-03-01",
                "week_of_talks@2023-W12",
                "arrival@2023-03-20",
                "arrival@2023-03-20T12:30",
                "talks@2023-03-21"), order(Timeline.of(claims)));
    }

    @Test
    void theOrderDoesNotDependOnTheOrderClaimsWereRead() {
        List<Claim> claims = new ArrayList<>(List.of(
                date("a", "x", "2023-03-20"), date("b", "y", "2023-03-20"), date("c", "x", "2023-03"),
                date("a", "z", "2022"), date("b", "x", "2023-03-19"), date("c", "w", "soon")));
        List<String> expected = order(Timeline.of(claims));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(claims, random);
            assertEquals(expected, order(Timeline.of(claims)));
        }
    }

    @Test
    void oneEntryPerEventAndValueWithEverySourceThatReportsIt() {
        List<Timeline.Entry> entries = Timeline.of(List.of(
                date("upi.txt", "arrival", "2023-03-20"),
                date("ani.txt", "arrival", "2023-03-20", true),
                date("upi.txt", "arrival", "2023-03-20"),
                date("tass.txt", "arrival", "2023-03-21")));

        assertEquals(2, entries.size());
        Timeline.Entry first = entries.get(0);
        assertEquals("2023-03-20", first.date());
        assertEquals("day", first.precision());
        assertEquals("arrival", first.subject());
        assertEquals("date", first.attribute());
        assertEquals(List.of("upi.txt", "ani.txt"), first.sources());
        assertEquals(3, first.evidence().size());
        assertFalse(first.approximate(), "one source hedged, the other did not");
        assertTrue(first.evidence().get(1).approximate());
        assertEquals("ani.txt says arrival on 2023-03-20.", first.evidence().get(1).quote());
        assertEquals("on 2023-03-20", first.evidence().get(1).display());

        Timeline.Entry second = entries.get(1);
        assertEquals("2023-03-21", second.date());
        assertEquals(List.of("tass.txt"), second.sources());
    }

    @Test
    void onlyDateClaimsAndUnreadableDatesComeLast() {
        Claim count = new Claim(ClaimKind.COUNT, "points", "plan: points", "points", "12", "12", false, false, 0.9,
                new Evidence("a", "A 12-point plan.", 2, 4, 0));
        List<Timeline.Entry> entries = Timeline.of(List.of(
                date("a", "mystery", "some day"), count, date("b", "arrival", "2023-03-20")));

        assertEquals(List.of("arrival@2023-03-20", "mystery@some day"), order(entries));
        assertEquals("unknown", entries.get(1).precision());
    }

    @Test
    void noDatesNoEntries() {
        assertTrue(Timeline.of(List.of()).isEmpty());
    }
}
