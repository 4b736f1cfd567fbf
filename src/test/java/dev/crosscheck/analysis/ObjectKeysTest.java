package dev.crosscheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectKeysTest {

    @ParameterizedTest
    @CsvSource({
        "xi-moscow-2023/upi.txt, xi-moscow-2023, upi.txt",
        "story/sub/folder/a.html, story, a.html",
        "loose.txt, default, loose.txt",
        "/leading-slash.txt, default, leading-slash.txt",
        "my story/café + notes.txt, my story, café + notes.txt",
    })
    void theStoryIsTheFirstPathSegment(String key, String story, String fileName) {
        assertEquals(story, ObjectKeys.storyOf(key));
        assertEquals(fileName, ObjectKeys.fileName(key));
    }
}
