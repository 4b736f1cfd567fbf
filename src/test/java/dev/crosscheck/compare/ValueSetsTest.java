package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The interval sweep gives the same answers as comparing every pair of sources. */
class ValueSetsTest {

    private static ClaimValue.Numeric randomValue(Random rnd, boolean durations) {
        double lo = rnd.nextInt(40);
        double hi = switch (rnd.nextInt(4)) {
            case 0 -> Double.POSITIVE_INFINITY;          // a lower bound
            case 1 -> lo + rnd.nextInt(6);               // a range
            default -> lo;                               // a point
        };
        boolean approximate = rnd.nextInt(3) == 0;
        return durations ? new ClaimValue.Duration(lo * 3600, hi * 3600, approximate)
                : new ClaimValue.Count(lo, hi, approximate);
    }

    private static List<ValueSets.Member> randomMembers(Random rnd, boolean durations) {
        List<ValueSets.Member> members = new ArrayList<>();
        int n = 2 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            members.add(new ValueSets.Member(LocalDate.of(2024, 1, 1 + rnd.nextInt(4)),
                    new ClaimValue[] {randomValue(rnd, durations)}));
        }
        return members;
    }

    @RepeatedTest(400)
    void sweepMatchesPairwiseComparison(RepetitionInfo repetition) {
        Random rnd = new Random(repetition.getCurrentRepetition());
        List<ValueSets.Member> members = randomMembers(rnd, repetition.getCurrentRepetition() % 2 == 0);
        assertEquals(ValueSets.anyConflictPairwise(members), ValueSets.anyConflict(members), members::toString);
        List<ValueSets.Member> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(ValueSets.Member::published));
        assertEquals(ValueSets.growsPairwise(sorted), ValueSets.grows(members), members::toString);
    }
}
