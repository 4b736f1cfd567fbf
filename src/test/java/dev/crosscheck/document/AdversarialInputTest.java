package dev.crosscheck.document;

import static dev.crosscheck.support.CpuGuard.withinCpu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input must neither hang nor crash the reader. The bound, on the reading thread's CPU time, is only a guard
 * against runaway work: each of these reads takes a small fraction of it.
 */
class AdversarialInputTest {

    private static final int MEGABYTE = 1 << 20;
    /** CPU time of the reading thread; elapsed time on a busy machine (load average 14) exceeded 3 s. */
    private static final Duration GUARD = Duration.ofSeconds(3);
    private static final DocumentMetadata METADATA = DocumentMetadata.none(Instant.parse("2024-01-01T00:00:00Z"));

    @BeforeAll
    static void warmUp() {
        // Load the sentence model, the word lists and the HTML and JSON parsers outside the timed reads.
        DocumentReader reader = new DocumentReader();
        reader.read("w.txt", "Warm up\n\nThe model is loaded. Once.".getBytes(StandardCharsets.UTF_8), METADATA);
        reader.read("w.md", "# Warm up\n\n**The** [model](x) is loaded.".getBytes(StandardCharsets.UTF_8), METADATA);
        reader.read("w.html", ("<html><head><title>Warm up</title><script type=\"application/ld+json\">{\"a\":1}</script>"
                + "</head><body><div class=\"comment\"><p>Furniture.</p></div><article><p>The parser is loaded.</p>"
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8), METADATA);
    }

    static Stream<Arguments> singleLines() {
        return Stream.of(
                Arguments.of("a.", "a. repeated"),
                Arguments.of("a. ", "a. with spaces repeated"),
                Arguments.of("1,", "1, repeated"),
                Arguments.of("(", "open brackets"),
                Arguments.of("[", "open square brackets"),
                Arguments.of("*_", "emphasis markers"),
                Arguments.of("**a", "unclosed strong emphasis"),
                Arguments.of("`", "backticks"),
                Arguments.of("``a", "unclosed code spans"),
                Arguments.of("|-", "table rule fragments"),
                Arguments.of("-", "dashes"),
                Arguments.of("<http:", "unclosed autolinks"),
                Arguments.of("[a](", "unclosed links"),
                Arguments.of("<a ", "unclosed tags"),
                Arguments.of("Photo by ", "caption markers"),
                Arguments.of("March 21 (", "dateline fragments"),
                Arguments.of("Mr. ", "abbreviations"),
                Arguments.of("U.S. ", "ambiguous abbreviations"),
                Arguments.of("\u201c\u2014\u00a0", "typographic characters"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("singleLines")
    void oneMegabyteSingleLineOfText(String unit, String label) {
        byte[] content = repeat(unit, MEGABYTE).getBytes(StandardCharsets.UTF_8);
        for (String id : new String[] {"adversarial.txt", "adversarial.md"}) {
            ReadResult result = withinCpu(GUARD, () -> new DocumentReader().read(id, content, METADATA),
                    () -> label + " as " + id);
            assertNotNull(result);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("singleLines")
    void oneMegabyteSingleLineAfterADateline(String unit, String label) {
        byte[] content = ("Headline\n\nMOSCOW, March 20 (Xinhua) - " + repeat(unit, MEGABYTE))
                .getBytes(StandardCharsets.UTF_8);
        ReadResult result = withinCpu(GUARD, () -> new DocumentReader().read("x.txt", content, METADATA),
                () -> label);
        assertInstanceOf(ReadResult.Accepted.class, result, label);
    }

    @Test
    void oneMegabyteOfOrdinarySentencesInOneParagraph() {
        byte[] content = repeat("The minister said the talks would resume on Monday. ", MEGABYTE)
                .getBytes(StandardCharsets.UTF_8);
        ReadResult result = withinCpu(GUARD, () -> new DocumentReader().read("x.txt", content, METADATA), () -> "x.txt");
        Document d = assertInstanceOf(ReadResult.Accepted.class, result).document();
        assertTrue(d.sentences().size() > 10_000);
    }

    @Test
    void tableRuleLookalikeLine() {
        byte[] content = ("|" + "-".repeat(MEGABYTE) + "x").getBytes(StandardCharsets.UTF_8);
        ReadResult result = withinCpu(GUARD, () -> new DocumentReader().read("t.md", content, METADATA), () -> "t.md");
        assertNotNull(result);
    }

    @Test
    void tenThousandNestedDivs() {
        StringBuilder html = new StringBuilder("<html><head><title>Nested</title></head><body>");
        html.append("<div class=\"comment\">".repeat(10_000));
        html.append("<p>The only sentence in the page.</p>");
        html.append("</div>".repeat(10_000));
        html.append("</body></html>");
        byte[] content = html.toString().getBytes(StandardCharsets.UTF_8);
        ReadResult result = withinCpu(GUARD, () -> new DocumentReader().read("deep.html", content, METADATA),
                () -> "deep.html");
        Document d = assertInstanceOf(ReadResult.Accepted.class, result).document();
        assertEquals("Nested\n\nThe only sentence in the page.", d.text());
    }

    @Test
    void unclosedTagsNestedDeeply() {
        String html = "<b><i><span><em>".repeat(20_000) + "text";
        byte[] content = html.getBytes(StandardCharsets.UTF_8);
        ReadResult result = withinCpu(GUARD, () -> new DocumentReader().read("deep.html", content, METADATA),
                () -> "deep.html");
        assertNotNull(result);
    }

    @Test
    void deeplyNestedJsonLd() {
        String jsonLd = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        String html = "<html><head><title>T</title><script type=\"application/ld+json\">" + jsonLd
                + "</script></head><body><p>Body text here.</p></body></html>";
        ReadResult result = withinCpu(GUARD,
                () -> new DocumentReader().read("j.html", html.getBytes(StandardCharsets.UTF_8), METADATA), () -> "j.html");
        assertInstanceOf(ReadResult.Accepted.class, result);
    }

    private static String repeat(String unit, int bytes) {
        return unit.repeat(Math.max(1, bytes / unit.getBytes(StandardCharsets.UTF_8).length));
    }
}
