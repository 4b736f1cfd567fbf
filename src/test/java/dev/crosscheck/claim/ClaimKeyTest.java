package dev.crosscheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Formatting a key, and reading its scope and the day of its occurrence back. */
class ClaimKeyTest {

    @Test
    void theDayOfAnOccurrenceGoesBeforeTheScopeAndComesBackOut() {
        ClaimKey march = ClaimKey.of(ClaimKind.COUNT, "-", "-", "person", "demonstrated").withScope("kowloon");
        String june9 = march.withOccurrence("2019-06-09").format();
        assertEquals("count:-:-:person:demonstrated@2019-06-09|kowloon", june9);
        assertEquals("2019-06-09", ClaimKey.occurrenceOf(june9));
        assertEquals("kowloon", ClaimKey.scopeOf(june9));
        assertEquals("count:-:-:person:demonstrated|kowloon", ClaimKey.withoutOccurrence(june9));
        assertEquals("count:-:-:person:demonstrated@2019-06-16|kowloon",
                march.withOccurrence("2019-06-09").withOccurrence("2019-06-16").format(), "a new day replaces the old");
        assertNull(ClaimKey.occurrenceOf(march.format()));
        assertEquals(march.format(), ClaimKey.withoutOccurrence(march.format()));
    }
}
