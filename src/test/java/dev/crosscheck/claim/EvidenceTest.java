package dev.crosscheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cutting a long sentence around the claim: the claim's words stay inside the quote and the offsets stay valid. */
class EvidenceTest {

    @ParameterizedTest(name = "claim at {0} of a {1}-char sentence, cut to {2}")
    @CsvSource({
        // claim offset in sentence, sentence length, limit
        "0, 1000, 100",
        "990, 1000, 100",
        "500, 1000, 100",
        "40, 1000, 100",
        "500, 1000, 5",
    })
    void theClaimStaysInsideTheCutQuote(int at, int length, int limit) {
        StringBuilder sentence = new StringBuilder("a".repeat(length));
        int claimLength = Math.min(10, length - at);
        sentence.replace(at, at + claimLength, "X".repeat(claimLength));
        int sentenceStart = 300;
        Evidence e = new Evidence("d", sentence.toString(), sentenceStart + at, sentenceStart + at + claimLength,
                sentenceStart);

        Evidence cut = e.around(limit);

        assertTrue(cut.truncated());
        assertTrue(cut.quote().length() <= limit, cut.quote());
        assertEquals(e.start(), cut.start());
        assertEquals(e.end(), cut.end());
        int from = cut.start() - cut.sentenceStart();
        assertTrue(from >= 0 && from < cut.quote().length());
        assertEquals(sentence.substring(at, at + Math.min(claimLength, limit)),
                cut.quote().substring(from, Math.min(cut.quote().length(), cut.end() - cut.sentenceStart())));
        assertEquals(sentence.substring(cut.sentenceStart() - sentenceStart,
                cut.sentenceStart() - sentenceStart + cut.quote().length()), cut.quote());
    }

    @Test
    void aShortSentenceIsKeptAsItIs() {
        Evidence e = new Evidence("d", "The plan has 12 points.", 13, 15, 0);
        assertSame(e, e.around(100));
        assertFalse(e.truncated());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String sentence = "\uD83D\uDE00".repeat(100) + "12" + "\uD83D\uDE00".repeat(100);
        Evidence cut = new Evidence("d", sentence, 200, 202, 0).around(51);
        assertFalse(Character.isLowSurrogate(cut.quote().charAt(0)));
        assertFalse(Character.isHighSurrogate(cut.quote().charAt(cut.quote().length() - 1)));
        assertEquals("12", cut.quote().substring(cut.start() - cut.sentenceStart(), cut.end() - cut.sentenceStart()));
    }
}
