package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Coverage;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.Section;
import dev.crosscheck.document.Sentence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document dated only by its upload still tells its story in a year: the latest its text names, up to the upload's.
 * Figures of years long before that are background, as they are in a dated document.
 */
class StoryYearTest {

    private static Document uploaded(String text, LocalDate uploaded) {
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        for (String s : text.split("(?<=\\.) ")) {
            int from = text.indexOf(s, start);
            sentences.add(new Sentence(s, from, from + s.length(), sentences.size(), Section.BODY));
            start = from + s.length();
        }
        return new Document("uploaded", null, null, null, uploaded, SentenceContext.UPLOAD_TIME, null, text, sentences);
    }

    @Test
    void theLatestYearNamedIsTheStorysYear() {
        Document d = uploaded("The 2023 quake destroyed 400 homes. A 2011 quake left nearly 20,000 people dead.",
                LocalDate.of(2026, 11, 30));
        assertEquals(2023, ClaimExtractor.storyYear(d));
        List<Coverage.Unread> unread = new ClaimExtractor().analyze(d).coverage().unread();
        assertTrue(unread.stream().anyMatch(u -> u.text().equals("20,000") && u.reason().equals("historical")),
                () -> "the 2011 toll is background: " + unread);
    }

    @Test
    void aYearAfterTheUploadIsNoStoryYearAndADatedDocumentKeepsItsOwn() {
        assertEquals(0, ClaimExtractor.storyYear(uploaded("No year here, 93 people died.", LocalDate.of(2026, 1, 2))));
        assertEquals(2024, ClaimExtractor.storyYear(uploaded("Plans for 2030 and 2024 were set.",
                LocalDate.of(2026, 1, 2))));
        Document dated = new Document("dated", null, null, null, LocalDate.of(2023, 2, 9), "metadata", null, "x",
                List.of(new Sentence("x", 0, 1, 0, Section.BODY)));
        assertEquals(2023, ClaimExtractor.storyYear(dated));
    }
}
