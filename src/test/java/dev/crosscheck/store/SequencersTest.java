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

    /**
     * Each row is a history of one document, oldest first: {@code E:HEX} its own event, {@code S:HEX} a re-reading
     * for its sidecar's event, {@code R} a re-reading without an event (reconciliation, or a sidecar changed while it
     * was read). Every step must order after the one before it, or a change would be refused as stale.
     */
    @ParameterizedTest
    @CsvSource({
        "E:0A R",
        "E:0A R R R",
        "E:0A R S:01",
        "E:0A R R S:01",
        "E:0A S:01 R R S:02",
        "E:0A S:05 R S:06 R E:0B",
        "E:0A R R E:0B",
        "E:0A R R E:0B S:01",
        "E:FF R E:100",
        "R R E:01",
    })
    void reReadingsOrderAfterWhatTheyFollowAndBeforeEveryLaterEvent(String history) {
        String current = null;
        String document = null;
        for (String step : history.split(" ")) {
            String next;
            if (step.startsWith("E:")) {
                document = Sequencers.normalize(step.substring(2));
                next = document;
            } else if (step.startsWith("S:")) {
                next = Sequencers.withSidecar(current, step.substring(2));
            } else {
                next = Sequencers.after(current);
            }
            if (current != null) {
                assertTrue(current.compareTo(next) < 0, step + " must order after " + current + " in " + history);
            }
            current = next;
        }
        assertTrue(document == null || current.startsWith(document));
    }

    @org.junit.jupiter.api.Test
    void aDerivedSequencerIsKeptAsStored() {
        String derived = Sequencers.after(Sequencers.normalize("0A"));
        org.junit.jupiter.api.Assertions.assertEquals(derived, Sequencers.normalize(derived));
    }
}
