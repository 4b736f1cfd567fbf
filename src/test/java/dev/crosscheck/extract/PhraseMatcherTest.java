package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static final PhraseMatcher<String> PHRASES = new PhraseMatcher<String>(true)
            .add("peace plan", "plan")
            .add("peace plan for Ukraine", "ukraine-plan")
            .add("US", "us")
            .add("White House", "white-house")
            .add("plan", "bare-plan");

    /** What the longest phrase starting at the first token stands for, and how many tokens it takes ("-" for none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "peace plan for Ukraine now;ukraine-plan 4",
        "peace plan for Russia;plan 2",
        "Peace Plan;plan 2",
        "peace talks;-",
        "US officials;us 1",
        "us officials;-",
        "White House;white-house 2",
        "white house;-",
        "plan;bare-plan 1",
        "plans;-",
    })
    void longestMatchWithCaseRules(String text, String expected) {
        PhraseMatcher.Match<String> m = PHRASES.match(Tokenizer.tokenize(text, 0), 0);
        assertEquals(expected, m == null ? "-" : m.value() + " " + (m.end() - m.start()));
    }

    @Test
    void phraseEndingBeforeAToken() {
        List<Token> t = Tokenizer.tokenize("the peace plan for Ukraine", 0);
        PhraseMatcher.Match<String> m = PHRASES.matchEndingAt(t, 3, 3);
        assertEquals("plan", m.value());
        assertEquals(1, m.start());
        assertNull(PHRASES.matchEndingAt(t, 2, 3));
    }

    @Test
    void tokensReadBeforeAWordListLoadsStillMatchItsWords() {
        // Word lists load as their classes are first used: a token looked up before a list that has its word was
        // loaded must match that list afterwards.
        String word = "zqxwvunheardofword" + System.nanoTime();
        List<Token> t = Tokenizer.tokenize("the " + word + " arrived", 0);
        assertEquals(-1, t.get(1).id());
        PhraseMatcher<String> later = new PhraseMatcher<String>(false).add(word + " arrived", "found");
        PhraseMatcher.Match<String> m = later.match(t, 1);
        assertEquals("found", m == null ? null : m.value());
        assertEquals(3, m.end());
    }
}
