package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKey;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Modality;
import dev.crosscheck.claim.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The verdict table in compare/cases.json: one group of claims per case, and the verdicts it must get. */
class VerdictTableTest {

    private static final StoryComparator COMPARATOR =
            new StoryComparator(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    static Stream<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = VerdictTableTest.class.getResourceAsStream("/compare/cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdicts(String name, JsonNode c) {
        ClaimKind kind = ClaimKind.fromWireName(c.get("kind").asText());
        Map<String, SourceInfo> sources = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        int offset = 0;
        for (JsonNode cl : c.get("claims")) {
            String source = cl.get("s").asText();
            String published = cl.hasNonNull("d") ? cl.get("d").asText() : null;
            // "from": how the date was known ("upload-time": only the time the page was uploaded)
            String from = cl.hasNonNull("from") ? cl.get("from").asText() : "metadata";
            // "copy": the source whose text this one republishes, trimmed; every other source's text is its own
            String text = cl.hasNonNull("copy") ? String.join(" ", List.of(body(cl.get("copy").asText()).split(" "))
                    .subList(0, BODY_WORDS * 4 / 5)) : body(source);
            sources.putIfAbsent(source, new SourceInfo(source, null, "Outlet " + source, published, from,
                    null, TextPrint.of(text), null));
            String value = cl.get("v").asText();
            // "scope": the place or group the figure covers, part of its key
            String scope = cl.hasNonNull("scope") ? cl.get("scope").asText() : null;
            claims.add(new Claim(kind, scope == null ? "story:thing" : "story:thing" + ClaimKey.SCOPE + scope,
                    "The thing", "size", value, value,
                    cl.path("a").asBoolean(false), cl.path("r").asBoolean(false), 0.9,
                    new Evidence(source, "A sentence saying " + value + ".", offset + 18, offset + 18 + value.length(),
                            offset), scope, cl.hasNonNull("by") ? cl.get("by").asText() : null,
                    cl.hasNonNull("asOf") ? cl.get("asOf").asText() : null,
                    cl.hasNonNull("m") ? Modality.fromWireName(cl.get("m").asText()) : Modality.ASSERTED));
            offset += 100;
        }
        Report report = COMPARATOR.compare("story", new ArrayList<>(sources.values()), claims);

        List<String> expected = new ArrayList<>();
        c.get("verdicts").forEach(v -> expected.add(v.asText()));
        List<String> actual = report.findings().stream().map(Report.Finding::verdict).toList();
        assertEquals(expected, actual, () -> name + ": " + report.findings());
        if (c.has("notes")) {
            // "notes": how many notes each finding carries (a whole its parts exceed), in report order
            List<Integer> notes = new ArrayList<>();
            c.get("notes").forEach(n -> notes.add(n.asInt()));
            assertEquals(notes, report.findings().stream().map(f -> f.notes().size()).toList(),
                    () -> name + ": " + report.findings());
        }
    }

    private static final int BODY_WORDS = 200;

    /** A source's own text: words no other source's text has. */
    private static String body(String source) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < BODY_WORDS; i++) {
            b.append(i == 0 ? "" : " ").append("w").append(source).append(i);
        }
        return b.toString();
    }
}
