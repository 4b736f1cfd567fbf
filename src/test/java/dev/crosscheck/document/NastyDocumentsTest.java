package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.extract.ClaimExtractor;
import dev.crosscheck.support.NastyDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each nasty document of {@code src/test/resources/dev/crosscheck/nasty/outcomes.tsv} gets its documented outcome from
 * the reader: the exact rejection reason, or an article holding the expected text (and not the unwanted one) whose
 * claims extract without error. The timeout only guards against a hang.
 */
class NastyDocumentsTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final DocumentMetadata METADATA = DocumentMetadata.none(Instant.parse("2024-05-06T07:08:09Z"));
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();

    static List<NastyDocuments.Case> cases() throws Exception {
        return NastyDocuments.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void getsItsDocumentedOutcome(NastyDocuments.Case c) throws Exception {
        byte[] content = c.content();
        ReadResult result = assertTimeoutPreemptively(HANG_GUARD,
                () -> new DocumentReader().read("nasty/" + c.name(), content, METADATA));
        if (!c.accepted()) {
            assertEquals(c.detail(), assertInstanceOf(ReadResult.Rejected.class, result, c.name()).reason());
            return;
        }
        Document d = assertInstanceOf(ReadResult.Accepted.class, result, c.name()).document();
        assertTrue(d.text().contains(c.detail()), () -> c.name() + " lacks '" + c.detail() + "': "
                + d.text().substring(0, Math.min(300, d.text().length())));
        if (c.mustNotHave() != null) {
            assertFalse(d.text().contains(c.mustNotHave()), c.name() + " holds '" + c.mustNotHave() + "'");
        }
        for (Sentence s : d.sentences()) {
            assertEquals(s.text(), d.text().substring(s.start(), s.end()));
        }
        List<Claim> claims = assertTimeoutPreemptively(HANG_GUARD, () -> EXTRACTOR.extract(d));
        for (Claim claim : claims) {
            assertTrue(d.text().startsWith(claim.evidence().quote(), claim.evidence().sentenceStart()), claim::toString);
        }
    }

    @org.junit.jupiter.api.Test
    void exactlyAtTheLimitIsRead() {
        byte[] atLimit = new byte[NastyDocuments.LIMIT];
        byte[] unit = "The council met on Monday. ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < atLimit.length; i++) {
            atLimit[i] = unit[i % unit.length];
        }
        ReadResult result = assertTimeoutPreemptively(HANG_GUARD,
                () -> new DocumentReader().read("nasty/at-limit.txt", atLimit, METADATA));
        assertInstanceOf(ReadResult.Accepted.class, result);
    }
}
