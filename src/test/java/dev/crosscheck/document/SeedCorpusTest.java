package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The two seed articles as published (UPI and ANI copies under {@code document/corpus}). */
class SeedCorpusTest {

    private static final String UPI = "000_8e30010a3892d27c.txt";
    private static final String ANI = "004_ce661559d7daa382.txt";

    private static Document read(String name, DocumentMetadata metadata) throws IOException {
        try (InputStream in = SeedCorpusTest.class.getResourceAsStream("/document/corpus/" + name)) {
            ReadResult result = new DocumentReader().read("xi-moscow-2023/" + name, in.readAllBytes(), metadata);
            return assertInstanceOf(ReadResult.Accepted.class, result, () -> result.toString()).document();
        }
    }

    private static List<Sentence> inParagraph(Document d, int paragraph) {
        return d.sentences().stream().filter(s -> s.paragraph() == paragraph).toList();
    }

    @Test
    void upiHeadlineCaptionAndBody() throws IOException {
        Document d = read(UPI, DocumentMetadata.none(Instant.parse("2023-03-25T12:00:00Z")));
        Sentence headline = d.sentences().get(0);
        assertEquals(Section.HEADLINE, headline.section());
        assertEquals("Xi Jinping, Vladimir Putin discuss Ukraine, denounce 'bloc confrontation'", headline.text());
        assertEquals(headline.text(), d.title());

        List<Sentence> photo = inParagraph(d, 1);
        assertFalse(photo.isEmpty());
        assertTrue(photo.stream().allMatch(s -> s.section() == Section.CAPTION), photo::toString);
        assertTrue(photo.get(photo.size() - 1).text().endsWith("Photo by Kremlin Pool/UPI"));

        List<Sentence> lead = inParagraph(d, 2);
        assertEquals(Section.BODY, lead.get(0).section());
        assertTrue(lead.get(0).text().startsWith("March 21 (UPI) - Chinese President Xi Jinping discussed"), lead.get(0).text());
        assertTrue(d.sentences().stream().filter(s -> s.paragraph() > 1).allMatch(s -> s.section() == Section.BODY));
    }

    @Test
    void upiCommentFormIsCut() throws IOException {
        Document d = read(UPI, DocumentMetadata.none(Instant.parse("2023-03-25T12:00:00Z")));
        assertFalse(d.text().contains("LEAVE A REPLY"));
        assertFalse(d.text().contains("Please enter"));
        assertTrue(d.text().endsWith("for Russia to continue committing war crimes."), d.text());
    }

    @Test
    void upiDatelineDatesTheArticleWhenMetadataHasNone() throws IOException {
        Document d = read(UPI, DocumentMetadata.none(Instant.parse("2023-03-25T12:00:00Z")));
        assertEquals(LocalDate.of(2023, 3, 21), d.published());
        assertEquals("dateline", d.publishedFrom());
        assertEquals("UPI", d.publisher());
        assertEquals("agency-mark", d.publisherFrom());
    }

    @Test
    void upiMetadataWins() throws IOException {
        Document d = read(UPI, new DocumentMetadata("2023-03-21", "UPI", null, null, Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals(LocalDate.of(2023, 3, 21), d.published());
        assertEquals("metadata", d.publishedFrom());
        assertEquals("metadata", d.publisherFrom());
    }

    @Test
    void upiTextIsNormalized() throws IOException {
        Document d = read(UPI, DocumentMetadata.none(Instant.parse("2023-03-25T12:00:00Z")));
        for (char c : new char[] {'\u00a0', '\u2014', '\u2019', '\u201c', '\u201d', '\r'}) {
            assertEquals(-1, d.text().indexOf(c), "found U+" + Integer.toHexString(c));
        }
        assertFalse(d.text().contains("  "));
        assertFalse(d.text().contains("\n\n\n"));
        assertTrue(d.text().contains("Russia's position"));
        for (Sentence s : d.sentences()) {
            assertEquals(s.text(), d.text().substring(s.start(), s.end()));
            assertFalse(s.text().contains("\n"));
        }
    }

    @Test
    void aniDuplicateHeadlineAndAgencyMark() throws IOException {
        Document d = read(ANI, DocumentMetadata.none(Instant.parse("2023-03-24T08:00:00Z")));
        String headline = "Xi departs Russia but fails to achieve breakthrough in Ukraine conflict";
        assertEquals(new Sentence(headline, 0, headline.length(), 0, Section.HEADLINE), d.sentences().get(0));
        Sentence second = d.sentences().get(1);
        assertEquals(Section.HEADLINE, second.section());
        assertEquals(1, second.paragraph());
        assertEquals(headline, second.text());
        assertEquals(Section.BODY, d.sentences().get(2).section());
        assertTrue(d.sentences().get(2).text().startsWith("MOSCOW: Chinese leader Xi Jinping"));

        assertEquals("ANI", d.publisher());
        assertEquals("agency-mark", d.publisherFrom());
        // "MOSCOW:" carries no date: the upload time dates it.
        assertEquals(LocalDate.of(2023, 3, 24), d.published());
        assertEquals("upload-time", d.publishedFrom());
    }

    @Test
    void aniLinesWithoutBlankLineAreSeparateParagraphs() throws IOException {
        Document d = read(ANI, DocumentMetadata.none(Instant.parse("2023-03-24T08:00:00Z")));
        Sentence relations = d.sentences().stream().filter(s -> s.text().startsWith("He said that Kyiv's proposal"))
                .findFirst().orElseThrow();
        Sentence next = d.sentences().stream().filter(s -> s.text().startsWith("The two leaders emphasized"))
                .findFirst().orElseThrow();
        assertEquals(relations.paragraph() + 1, next.paragraph());
        assertEquals("\n\n", d.text().substring(relations.end(), next.start()));
    }
}
