package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-dimension tables under src/test/resources: (text, reference date) -> expected claims and keys. */
class ExtractionTablesTest {

    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();

    static List<Claim> claims(String text, String published) {
        return EXTRACTOR.extract(TestDocuments.body(text, LocalDate.parse(published)));
    }

    static List<Claim> ofKind(String text, String published, ClaimKind kind) {
        return claims(text, published).stream().filter(c -> c.kind() == kind).toList();
    }

    static Stream<Arguments> numbers() {
        return Tables.read("numbers.tsv", 3);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    void numbers(String text, String value, String approximate) {
        List<Token> t = Tokenizer.tokenize(text, 0);
        NumberRules.Num num = null;
        for (int i = 0; i < t.size() && num == null; i++) {
            num = NumberRules.parse(t, i);
        }
        assertNotNull(num, "no number in: " + text);
        assertEquals(value, num.countValue());
        assertEquals(Boolean.parseBoolean(approximate), num.approximate());
        assertEquals(0, num.start(), "the number should cover the bound or hedge");
        assertEquals(t.size(), num.end(), "the number should cover the whole text");
    }

    static Stream<Arguments> dates() {
        return Tables.read("dates.tsv", 3);
    }

    @ParameterizedTest(name = "{0} @{1} -> {2}")
    @MethodSource("dates")
    void dates(String text, String published, String value) {
        List<String> values = ofKind(text, published, ClaimKind.DATE).stream().map(Claim::value).toList();
        assertTrue(values.contains(value), () -> "expected " + value + " in " + values);
    }

    static Stream<Arguments> noDates() {
        return Tables.read("no-dates.tsv", 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noDates")
    void noDates(String text, String published) {
        assertEquals(List.of(), ofKind(text, published, ClaimKind.DATE));
    }

    static Stream<Arguments> durations() {
        return Tables.read("durations.tsv", 4);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("durations")
    void durations(String text, String published, String value, String approximate) {
        List<Claim> found = ofKind(text, published, ClaimKind.DURATION);
        assertEquals(1, found.size(), () -> "expected one duration, got " + found);
        assertEquals(value, found.get(0).value());
        assertEquals(Boolean.parseBoolean(approximate), found.get(0).approximate());
    }

    static Stream<Arguments> noDurations() {
        return Tables.read("no-durations.tsv", 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noDurations")
    void noDurations(String text, String published) {
        assertEquals(List.of(), ofKind(text, published, ClaimKind.DURATION));
    }

    static Stream<Arguments> quantities() {
        return Tables.read("quantities.tsv", 4);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("quantities")
    void quantities(String text, String published, String value, String approximate) {
        List<Claim> found = ofKind(text, published, ClaimKind.QUANTITY);
        assertEquals(1, found.size(), () -> "expected one quantity, got " + found);
        assertEquals(value, found.get(0).value());
        assertEquals(Boolean.parseBoolean(approximate), found.get(0).approximate());
    }

    static Stream<Arguments> noQuantities() {
        return Tables.read("no-quantities.tsv", 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noQuantities")
    void noQuantities(String text, String published) {
        assertEquals(List.of(), ofKind(text, published, ClaimKind.QUANTITY));
    }

    static Stream<Arguments> counts() {
        return Tables.read("counts.tsv", 5);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("counts")
    void counts(String text, String published, String value, String approximate, String running) {
        List<Claim> found = ofKind(text, published, ClaimKind.COUNT);
        assertEquals(1, found.size(), () -> "expected one count, got " + found);
        Claim c = found.get(0);
        assertEquals(value, c.value());
        assertEquals(Boolean.parseBoolean(approximate), c.approximate());
        assertEquals(Boolean.parseBoolean(running), c.running());
        String quote = c.evidence().quote();
        assertEquals(c.display(), quote.substring(c.evidence().start() - c.evidence().sentenceStart(),
                c.evidence().end() - c.evidence().sentenceStart()), "evidence offsets must locate the display text");
    }

    static Stream<Arguments> noCounts() {
        return Tables.read("no-counts.tsv", 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noCounts")
    void noCounts(String text, String published) {
        assertEquals(List.of(), ofKind(text, published, ClaimKind.COUNT));
    }

    static Stream<Arguments> keys() {
        return Tables.read("keys.tsv", 6);
    }

    @ParameterizedTest(name = "{0} {1}: {3} | {5}")
    @MethodSource("keys")
    void keys(String relation, String kind, String pubA, String textA, String pubB, String textB) {
        ClaimKind k = ClaimKind.fromWireName(kind);
        Set<String> a = ofKind(textA, pubA, k).stream().map(Claim::key).collect(Collectors.toSet());
        Set<String> b = ofKind(textB, pubB, k).stream().map(Claim::key).collect(Collectors.toSet());
        assertFalse(a.isEmpty(), "no " + kind + " claim in: " + textA);
        assertFalse(b.isEmpty(), "no " + kind + " claim in: " + textB);
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        if (relation.equals("same")) {
            assertFalse(shared.isEmpty(), () -> "keys should align: " + a + " vs " + b);
        } else {
            assertTrue(shared.isEmpty(), () -> "keys must differ: " + a + " vs " + b);
        }
    }

    static Stream<Arguments> statements() {
        return Tables.read("statements.tsv", 3);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("statements")
    void statements(String text, String published, String polarity) {
        List<Claim> found = ofKind(text, published, ClaimKind.STATEMENT);
        assertEquals(1, found.size(), () -> "expected one statement, got " + found);
        assertEquals(polarity, found.get(0).value());
    }

    static Stream<Arguments> quotes() {
        return Tables.read("quotes.tsv", 4);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("quotes")
    void quotes(String text, String published, String speaker, String words) {
        List<Claim> found = ofKind(text, published, ClaimKind.QUOTE);
        assertEquals(1, found.size(), () -> "expected one quote, got " + found);
        assertEquals(words, found.get(0).value());
        assertTrue(found.get(0).key().startsWith("quote:" + speaker + ":"), () -> found.get(0).key());
    }

    static Stream<Arguments> noStatements() {
        return Tables.read("no-statements.tsv", 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noStatements")
    void noStatements(String text, String published) {
        assertEquals(List.of(), ofKind(text, published, ClaimKind.STATEMENT));
    }
}
