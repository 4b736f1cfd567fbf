package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Coverage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extraction examples: every table under {@code examples/} in one format, run by one runner. A row is a sentence
 * (or a few), its publication date and the claim it must give (or must not), with its key, value, scope,
 * attribution and modality; a row whose modality is not a claim's must leave the figure unread with that reason.
 * The tables document the rules: a new measure, predicate class or authority is a line in a data file and a row here.
 */
class ExampleTablesTest {

    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();
    private static final Set<String> CLAIM_MODALITIES = Set.of("asserted", "negated", "projected");

    record Row(String table, int line, String text, String published, String kind, String key, String value,
               String scope, String attribution, String modality, String flags) {
        @Override
        public String toString() {
            return table + ":" + line + " " + text + " -> " + kind + " " + value;
        }
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try {
            Path dir = Path.of(ExampleTablesTest.class.getResource("examples").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (line.isBlank() || line.startsWith("#")) {
                            continue;
                        }
                        String[] c = line.split("\t", -1);
                        if (c.length != 9) {
                            throw new IllegalStateException(f.getFileName() + ":" + (i + 1)
                                    + ": expected 9 tab-separated columns, got " + c.length + ": " + line);
                        }
                        rows.add(new Row(f.getFileName().toString(), i + 1, c[0].replace("\\n", "\n"), c[1], c[2],
                                c[3], c[4], c[5], c[6], c[7], c[8]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return rows.stream();
    }

    @Test
    void everyTableHasRows() {
        assertTrue(rows().count() > 250, "the example tables are missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void example(Row row) {
        ClaimExtractor.Extraction x = EXTRACTOR.analyze(TestDocuments.body(row.text(), LocalDate.parse(row.published())));
        ClaimKind kind = ClaimKind.fromWireName(row.kind());
        List<Claim> ofKind = x.claims().stream().filter(c -> c.kind() == kind).toList();
        List<String> flags = row.flags().isBlank() ? List.of() : List.of(row.flags().split(","));
        if (row.value().equals("-")) {
            assertEquals(List.of(), ofKind, "no " + row.kind() + " claim expected");
            return;
        }
        if (!row.modality().equals("*") && !CLAIM_MODALITIES.contains(row.modality())) {
            assertFalse(ofKind.stream().anyMatch(c -> c.value().equals(row.value())),
                    () -> "a " + row.modality() + " figure is no claim: " + ofKind);
            assertTrue(x.coverage().unread().stream().anyMatch(u -> u.reason().equals(row.modality())),
                    () -> "expected a figure unread as " + row.modality() + ": " + x.coverage().unread());
            return;
        }
        List<Claim> found = ofKind.stream().filter(c -> c.value().equals(row.value())).toList();
        if (found.isEmpty()) {
            fail("no " + row.kind() + " claim of value " + row.value() + " in " + describe(x.claims())
                    + "; unread " + x.coverage().unread());
        }
        if (flags.contains("1")) {
            assertEquals(1, ofKind.size(), () -> "expected one " + row.kind() + " claim, got " + describe(ofKind));
        }
        Claim c = found.stream().filter(cl -> matches(row.key(), cl.key())).findFirst().orElse(null);
        if (c == null) {
            fail("key " + row.key() + " expected, got " + describe(found));
        }
        assertCell("scope", row.scope(), c.scope());
        assertCell("attribution", row.attribution(), c.attribution());
        if (!row.modality().equals("*")) {
            assertEquals(row.modality(), c.modality().wireName(), () -> "modality of " + describe(List.of(c)));
        }
        assertEquals(flags.contains("~"), c.approximate(), () -> "approximate of " + describe(List.of(c)));
        for (String f : flags) {
            if (f.startsWith("asof=")) {
                assertEquals(f.substring(5), c.asOf(), () -> "time referred to of " + describe(List.of(c)));
            }
        }
        if (flags.contains("R")) {
            assertTrue(c.running(), () -> "a running figure expected: " + describe(List.of(c)));
        }
        String quote = c.evidence().quote();
        assertEquals(c.display(), quote.substring(c.evidence().start() - c.evidence().sentenceStart(),
                c.evidence().end() - c.evidence().sentenceStart()), "evidence offsets must locate the display text");
        Coverage cov = x.coverage();
        assertTrue(cov.claimed() >= 1 && cov.claimed() <= cov.figures() || row.kind().equals("quote")
                || row.kind().equals("statement") || row.kind().equals("participants"), () -> "coverage " + cov);
    }

    private static void assertCell(String what, String expected, String actual) {
        if (expected.equals("*")) {
            return;
        }
        assertEquals(expected.equals("-") ? null : expected, actual, what);
    }

    private static boolean matches(String pattern, String key) {
        if (pattern.equals("*")) {
            return true;
        }
        if (!pattern.contains("*")) {
            return pattern.equals(key);
        }
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!re.isEmpty()) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        return key.matches(re.toString());
    }

    private static String describe(List<Claim> claims) {
        StringBuilder b = new StringBuilder("[");
        for (Claim c : claims) {
            b.append("\n  ").append(c.kind().wireName()).append(' ').append(c.key()).append(" = ").append(c.value())
                    .append(" (").append(c.modality().wireName())
                    .append(c.scope() != null ? ", in " + c.scope() : "")
                    .append(c.attribution() != null ? ", per " + c.attribution() : "")
                    .append(c.asOf() != null ? ", as of " + c.asOf() : "").append(c.approximate() ? ", ~" : "")
                    .append(") | ").append(c.display());
        }
        return b.append("]").toString();
    }
}
