package dev.crosscheck.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequencersTest {

    @ParameterizedTest
    @CsvSource({
        "0055AED6DCD90281E5, 0055AED6DCD90281E6",
        "FF, 100",
        "9, 0A",
        "'', 1",
        "0065c4a1, 0065C4A2",
    })
    void laterSequencersOrderAfterEarlierOnes(String earlier, String later) {
        assertTrue(Sequencers.normalize(earlier).compareTo(Sequencers.normalize(later)) < 0);
    }

    @ParameterizedTest
    @CsvSource({"00FF, FF", "abc, ABC"})
    void equalSequencersAreEqual(String a, String b) {
        assertTrue(Sequencers.normalize(a).equals(Sequencers.normalize(b)));
    }

    @org.junit.jupiter.api.Test
    void anOverlongSequencerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Sequencers.normalize("1".repeat(33)));
    }
}
