package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table in {@code document/sentences.tsv}: a paragraph and its sentences. */
class SentenceSplitterTest {

    static Stream<Arguments> rows() throws IOException {
        return TableFiles.rows("sentences.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void splits(String paragraph, String expected) {
        List<String> sentences = new ArrayList<>();
        for (int[] span : SentenceSplitter.split(paragraph)) {
            sentences.add(paragraph.substring(span[0], span[1]));
        }
        assertEquals(expected, String.join(" | ", sentences));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void ruleSplitterAgreesOnPlainCases(String paragraph, String expected) {
        // The linear fallback for oversized paragraphs must at least never lose or duplicate text.
        StringBuilder joined = new StringBuilder();
        for (int[] span : SentenceSplitter.splitByRule(paragraph)) {
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(paragraph, span[0], span[1]);
        }
        assertEquals(paragraph, joined.toString().strip());
    }
}
