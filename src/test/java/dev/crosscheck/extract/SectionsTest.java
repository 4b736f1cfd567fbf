package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.Section;
import dev.crosscheck.document.Sentence;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headlines give their figures but no dates; captions give claims at lower confidence than the body. */
class SectionsTest {

    private static List<Claim> extract(Section section, String text) {
        Document d = new Document("s", null, null, null, LocalDate.of(2015, 4, 25), "metadata", null, text,
                List.of(new Sentence(text, 0, text.length(), 0, section)));
        return new ClaimExtractor().extract(d);
    }

    @Test
    void headlineGivesItsFiguresButNoDate() {
        List<Claim> claims = extract(Section.HEADLINE, "A magnitude 7.8 earthquake struck Nepal on Saturday.");
        assertEquals(List.of("7.8 magnitude"), claims.stream().map(Claim::value).toList());
        assertEquals(List.of(), extract(Section.HEADLINE, "Xi arrives in Moscow on Monday for talks with Putin"));
    }

    @Test
    void headlineDayIsNoTimeOfItsFigure() {
        String text = "Flood toll rises to 93 on Monday";
        Document d = new Document("s", null, null, null, LocalDate.of(2015, 4, 28), "metadata", null, text,
                List.of(new Sentence(text, 0, text.length(), 0, Section.HEADLINE)));
        var x = new ClaimExtractor().analyze(d);
        assertEquals(List.of("93"), x.claims().stream().map(Claim::value).toList());
        assertEquals(null, x.claims().get(0).asOf());
        assertEquals(List.of("Monday"), x.coverage().unread().stream().map(u -> u.text()).toList(),
                "the headline's day is listed as not read, not counted with the figure");
    }

    @Test
    void headlineKickerCitesNoOne() {
        List<Claim> claims = extract(Section.HEADLINE, "Rail crash: Death toll revised to 275");
        assertEquals(List.of("275"), claims.stream().map(Claim::value).toList());
        assertEquals(null, claims.get(0).attribution());
    }

    @Test
    void captionIsLessCertainThanBody() {
        String text = "A magnitude 7.8 earthquake struck Nepal on Saturday.";
        Claim body = extract(Section.BODY, text).stream().filter(c -> c.kind() == ClaimKind.QUANTITY).findFirst().orElseThrow();
        Claim caption = extract(Section.CAPTION, text).stream().filter(c -> c.kind() == ClaimKind.QUANTITY).findFirst().orElseThrow();
        assertEquals(body.key(), caption.key());
        assertEquals(body.value(), caption.value());
        assertTrue(caption.confidence() < body.confidence());
    }

    @Test
    void hedgedAndPronounResolvedClaimsAreLessCertain() {
        Claim exact = extract(Section.BODY, "The talks lasted four hours.").get(0);
        Claim hedged = extract(Section.BODY, "The talks lasted about four hours.").get(0);
        assertTrue(hedged.approximate());
        assertTrue(hedged.confidence() < exact.confidence());

        String text = "Zelenskyy spoke in Kyiv. He has put forward his own 10-point peace formula.";
        Document d = TestDocuments.body(text, LocalDate.of(2023, 3, 22));
        Claim viaPronoun = new ClaimExtractor().extract(d).get(0);
        Claim direct = extract(Section.BODY, "Zelenskyy has put forward his own 10-point peace formula.").get(0);
        assertEquals(direct.key(), viaPronoun.key());
        assertTrue(viaPronoun.confidence() < direct.confidence());
    }
}
