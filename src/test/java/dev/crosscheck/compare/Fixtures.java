package dev.crosscheck.compare;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Small builders for comparison tests. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static Claim claim(String source, ClaimKind kind, String key, String value) {
        return claim(source, kind, key, value, false, false);
    }

    static Claim claim(String source, ClaimKind kind, String key, String value, boolean approximate, boolean running) {
        String sentence = "The report said " + value + " on the matter.";
        return new Claim(kind, key, "Subject of " + key, "attr", value, value, approximate, running, 0.8,
                new Evidence(source, sentence, 116, 116 + value.length(), 100));
    }

    /** The Xi visit: three sources, every verdict, several kinds. */
    static Report xiVisit() {
        List<SourceInfo> sources = List.of(
                new SourceInfo("stories/xi/upi.txt", "Xi arrives in Moscow", "UPI", "2023-03-21", "metadata"),
                new SourceInfo("stories/xi/ani.txt", null, "ANI", "2023-03-23", "metadata"),
                new SourceInfo("stories/xi/northwind.txt", null, null, "2023-03-22", "dateline"));
        String upi = "stories/xi/upi.txt";
        String ani = "stories/xi/ani.txt";
        String nw = "stories/xi/northwind.txt";
        List<Claim> claims = List.of(
                claim(upi, ClaimKind.DURATION, "visit:length", "P3D"),
                claim(ani, ClaimKind.DURATION, "visit:length", "P3D"),
                claim(nw, ClaimKind.DURATION, "visit:length", "P2D"),
                claim(upi, ClaimKind.COUNT, "plan:points", "12"),
                claim(ani, ClaimKind.COUNT, "plan:points", "12"),
                claim(nw, ClaimKind.COUNT, "plan:points", "12"),
                claim(ani, ClaimKind.COUNT, "agreements:signed", ">12"),
                claim(nw, ClaimKind.COUNT, "agreements:signed", "14"),
                claim(ani, ClaimKind.DATE, "visit:departed", "2023-03-22"),
                claim(nw, ClaimKind.DATE, "visit:departed", "2023-03-21"),
                claim(upi, ClaimKind.DATE, "visit:arrived", "2023-03-20"),
                claim(upi, ClaimKind.QUOTE, "quote:xi", "a new era"),
                claim(ani, ClaimKind.QUOTE, "quote:xi", "a new era"),
                claim(upi, ClaimKind.STATEMENT, "ceasefire:call", "affirmed"),
                claim(nw, ClaimKind.STATEMENT, "ceasefire:call", "affirmed"),
                claim(ani, ClaimKind.PARTICIPANTS, "meeting:xi-putin", "putin; xi jinping"),
                claim(nw, ClaimKind.PARTICIPANTS, "meeting:xi-putin", "xi jinping; putin"),
                claim(upi, ClaimKind.COUNT, "talks:toll", ">1000", false, true),
                claim(ani, ClaimKind.COUNT, "talks:toll", ">3700", false, true),
                claim(ani, ClaimKind.QUANTITY, "trade:volume", "190000000000 USD"),
                claim(nw, ClaimKind.QUANTITY, "trade:volume", "200000000000 USD", true, false));
        return new StoryComparator(CLOCK).compare("xi-moscow-2023", sources, claims);
    }
}
