package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table in {@code document/normalization.tsv}: raw text in, normalized document text out. */
class NormalizationTest {

    static Stream<Arguments> rows() throws IOException {
        return TableFiles.rows("normalization.tsv").stream()
                .map(r -> Arguments.of(TableFiles.unescape(r[0]), TableFiles.unescape(r[1])));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("rows")
    void normalizes(String input, String expected) {
        ReadResult result = new DocumentReader().read("n.txt", input.getBytes(StandardCharsets.UTF_8),
                DocumentMetadata.none(Instant.parse("2024-01-01T00:00:00Z")));
        Document document = assertInstanceOf(ReadResult.Accepted.class, result).document();
        assertEquals(expected, document.text());
    }
}
