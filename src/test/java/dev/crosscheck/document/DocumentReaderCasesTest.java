package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table in {@code document/reader-cases.json}: an input (file name, content, metadata) and what reading it must
 * give. Only the expectations a case states are checked; a stated null must be null.
 */
class DocumentReaderCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = DocumentReaderCasesTest.class.getResourceAsStream("/document/reader-cases.json")) {
            JsonNode root = JSON.readTree(in);
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : root) {
                out.add(Arguments.of(c.get("name").asText(), c));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reads(String name, JsonNode c) {
        byte[] content = c.has("hex") ? HexFormat.of().parseHex(c.get("hex").asText().replace(" ", ""))
                : c.get("content").asText().getBytes(StandardCharsets.UTF_8);
        JsonNode m = c.path("metadata");
        DocumentMetadata metadata = new DocumentMetadata(text(m, "published"), text(m, "publisher"), text(m, "title"),
                text(m, "url"), m.has("uploadedAt") ? Instant.parse(m.get("uploadedAt").asText()) : null);
        DocumentReader reader = c.has("maxBytes") ? new DocumentReader(c.get("maxBytes").asLong()) : new DocumentReader();
        ReadResult result = reader.read(c.get("id").asText(), content, metadata);

        JsonNode expect = c.get("expect");
        if (expect.has("rejected")) {
            ReadResult.Rejected rejected = assertInstanceOf(ReadResult.Rejected.class, result, name);
            assertEquals(expect.get("rejected").asText(), rejected.reason(), name);
            return;
        }
        if (!(result instanceof ReadResult.Accepted accepted)) {
            fail(name + ": rejected: " + result);
            return;
        }
        Document d = accepted.document();
        checkOptional(expect, "text", d.text(), name);
        checkOptional(expect, "title", d.title(), name);
        checkOptional(expect, "publisher", d.publisher(), name);
        checkOptional(expect, "publisherFrom", d.publisherFrom(), name);
        checkOptional(expect, "published", d.published() == null ? null : d.published().toString(), name);
        checkOptional(expect, "publishedFrom", d.publishedFrom(), name);
        checkOptional(expect, "url", d.url(), name);
        if (expect.has("sentences")) {
            List<String> actual = new ArrayList<>();
            for (Sentence s : d.sentences()) {
                actual.add(s.section() + " " + s.paragraph() + " " + s.text());
            }
            List<String> expected = new ArrayList<>();
            expect.get("sentences").forEach(s -> expected.add(s.asText()));
            assertEquals(String.join("\n", expected), String.join("\n", actual), name + ": sentences");
        }
        if (expect.has("paragraphSections")) {
            // The section of each paragraph, given as that of its sentences (all must agree).
            List<String> actual = new ArrayList<>();
            int paragraph = -1;
            for (Sentence s : d.sentences()) {
                if (s.paragraph() != paragraph) {
                    actual.add(s.section().name());
                    paragraph = s.paragraph();
                } else if (!actual.get(actual.size() - 1).equals(s.section().name())) {
                    actual.set(actual.size() - 1, "MIXED");
                }
            }
            List<String> expected = new ArrayList<>();
            expect.get("paragraphSections").forEach(s -> expected.add(s.asText()));
            assertEquals(expected, actual, name + ": paragraph sections");
        }
        for (Sentence s : d.sentences()) {
            assertEquals(s.text(), d.text().substring(s.start(), s.end()), name + ": sentence offsets");
        }
    }

    private static void checkOptional(JsonNode expect, String field, String actual, String name) {
        if (expect.has(field)) {
            JsonNode e = expect.get(field);
            assertEquals(e.isNull() ? null : e.asText(), actual, name + ": " + field);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
