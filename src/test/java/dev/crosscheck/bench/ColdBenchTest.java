package dev.crosscheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the Lambda benchmarks that decide what is run and what is reported. */
class ColdBenchTest {

    @Test
    void leavesOtherPartsToTheCallerWithoutRunningAnything() throws Exception {
        assertFalse(ColdBench.runSelected(new String[] {"--only", "extraction"}));
        assertFalse(ColdBench.runSelected(new String[] {"--quick", "--only", "comparison,extraction"}));
    }

    @Test
    void mediansAndPercentilesAreTakenFromTheSortedValues() {
        List<Double> odd = List.of(5.0, 1.0, 3.0);
        assertEquals(3.0, ColdBench.pct(odd, 50));
        assertEquals(2.5, ColdBench.pct(List.of(4.0, 1.0, 2.0, 3.0), 50));
        assertEquals(5.0, ColdBench.pct(odd, 100));
        List<Double> hundred = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertEquals(90.0, ColdBench.pct(hundred, 90));
        assertEquals(99.0, ColdBench.pct(hundred, 99));
    }
}
