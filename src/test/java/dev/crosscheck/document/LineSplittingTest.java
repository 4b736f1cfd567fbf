package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line break a text may use ends a line; a paragraph separator also ends the paragraph. */
class LineSplittingTest {

    static Stream<Arguments> breaks() {
        return Stream.of(
                Arguments.of("one", "one"),
                Arguments.of("", ""),
                Arguments.of("a\nb", "a|b"),
                Arguments.of("a\r\nb", "a|b"),
                Arguments.of("a\rb", "a|b"),
                Arguments.of("a\r\rb", "a||b"),
                Arguments.of("a\n\nb\n", "a||b|"),
                Arguments.of("a\u2028b\u000Bc\u000Cd\u0085e", "a|b|c|d|e"),
                Arguments.of("a\u2029b", "a||b"),
                Arguments.of("tab\there\u00a0kept", "tab\there\u00a0kept"),
                Arguments.of("\r", "|"));
    }

    @ParameterizedTest
    @MethodSource("breaks")
    void splitsAtEveryLineBreak(String text, String expected) {
        assertEquals(expected, String.join("|", PlainTextParser.splitLines(text)));
    }
}
