package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crosscheck.claim.ClaimKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Human renderings of normalized values, from compare/value-text.tsv. */
class ValueTextTest {

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvFileSource(resources = "/compare/value-text.tsv", delimiter = '\t', quoteCharacter = '\0')
    void renders(String kind, String value, boolean approximate, String expected) {
        assertEquals(expected, ValueText.render(ClaimKind.fromWireName(kind), value, approximate));
    }
}
