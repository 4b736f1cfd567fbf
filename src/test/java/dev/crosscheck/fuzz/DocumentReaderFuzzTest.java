package dev.crosscheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.document.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of {@link DocumentReader}: any bytes under a {@code .txt}, {@code .md} or {@code .html}
 * name give an article whose sentences lie in its text, or a documented rejection; never an exception, never the
 * reader's catch-all. In a plain {@code mvn test} each target replays its corpus
 * ({@code src/test/resources/dev/crosscheck/fuzz/DocumentReaderFuzzTestInputs/METHOD/}); {@code mvn verify} also
 * fuzzes each for a short while, and {@code ./crosscheck fuzz} for longer (docs/reliability.md). The time bound of
 * one input (one second while fuzzing) is set by the fuzzing runs: replaying the corpus in a busy build only guards
 * against a hang.
 */
class DocumentReaderFuzzTest {

    private static final DocumentReader READER = new DocumentReader();
    private static final DocumentMetadata METADATA = DocumentMetadata.none(Instant.parse("2024-03-01T12:00:00Z"));

    @BeforeAll
    static void loadModels() {
        // The sentence model and word lists load on first use: not part of any one input's time.
        READER.read("warm-up.html", "<title>Warm up</title><p>The model is loaded.</p>"
                .getBytes(StandardCharsets.UTF_8), METADATA);
    }

    @FuzzTest
    void text(byte[] content) {
        ReadOutcomes.check(READER.read("story/fuzz.txt", content, METADATA));
    }

    @FuzzTest
    void markdown(byte[] content) {
        ReadOutcomes.check(READER.read("story/fuzz.md", content, METADATA));
    }

    @FuzzTest
    void html(byte[] content) {
        ReadOutcomes.check(READER.read("story/fuzz.html", content, METADATA));
    }
}
