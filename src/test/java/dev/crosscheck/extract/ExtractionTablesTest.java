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

/**
 * The numbers dimension (text -> normalized count form) and key alignment (two sentences whose claims must share a
 * key, or must not). The claim examples of every kind are {@link ExampleTablesTest}.
 */
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
}
