package dev.crosscheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which story a key's document is recorded in, and why a key cannot be addressed: the table is the test. */
class ObjectKeysTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            story/a.txt         | story              | -
            a.txt               | default            | -
            /a.txt              | default            | -
            "story/sub/a b.txt" | story              | -
            " /a.txt"           | _unaddressable-keys | the story name is blank
            ./a.txt             | _unaddressable-keys | the story name is '.'
            ../a.txt            | _unaddressable-keys | the story name is '..'
            """)
    void stories(String key, String story, String problem) {
        assertEquals(story, ObjectKeys.storyFor(key));
        assertEquals(problem.equals("-") ? null : problem, ObjectKeys.keyProblem(key));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tab                 | the story name holds a control character or an invalid byte
            escape              | the story name holds a control character or an invalid byte
            long                | the story name is longer than 256 characters
            bell-in-file-name   | the key holds a control character or an invalid byte
            """)
    void controlCharactersAndLength(String which, String problem) {
        String key = switch (which) {
            case "tab" -> "ta\tb/a.txt";
            case "escape" -> "e\u001b[31m/a.txt";
            case "long" -> "s".repeat(257) + "/a.txt";
            default -> "story/be\u0007ll.txt";
        };
        assertEquals(problem, ObjectKeys.keyProblem(key));
        assertEquals(ObjectKeys.UNADDRESSABLE_STORY, ObjectKeys.storyFor(key));
        assertEquals(null, ObjectKeys.keyProblem("s".repeat(256) + "/a.txt"), "256 characters are a name");
    }
}
