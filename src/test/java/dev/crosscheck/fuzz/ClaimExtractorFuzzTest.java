package dev.crosscheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.document.DocumentReader;
import dev.crosscheck.extract.ClaimExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of {@link ClaimExtractor} on what {@link DocumentReader} makes of any bytes, as the ingest
 * function runs them: extraction never throws, and every claim's evidence quotes the document's text at its offsets.
 * Corpus: {@code src/test/resources/dev/crosscheck/fuzz/ClaimExtractorFuzzTestInputs/extract/}.
 */
class ClaimExtractorFuzzTest {

    private static final DocumentReader READER = new DocumentReader();
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();
    private static final DocumentMetadata METADATA =
            new DocumentMetadata("2023-03-21", null, null, null, Instant.parse("2023-03-22T08:00:00Z"));

    @BeforeAll
    static void loadRules() {
        Document d = ReadOutcomes.check(READER.read("warm-up.txt",
                "Xi met Putin on Monday and signed 14 agreements.".getBytes(StandardCharsets.UTF_8), METADATA));
        EXTRACTOR.extract(d);
    }

    @FuzzTest
    void extract(byte[] content) {
        Document d = ReadOutcomes.check(READER.read("story/fuzz.txt", content, METADATA));
        if (d != null) {
            List<Claim> claims = EXTRACTOR.extract(d);
            ReadOutcomes.check(d, claims);
        }
    }
}
