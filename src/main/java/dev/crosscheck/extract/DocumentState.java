package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What extraction remembers while it reads one document in order: the claims so far (a claim repeated with the
 * same kind, key and value keeps its first occurrence), the last actor and natural event mentioned (for "it",
 * "he", "the epicentre"), and the day each dated event was given (for a later "at 11:56 a.m.").
 */
final class DocumentState {

    final List<Claim> claims = new ArrayList<>();
    private final Set<Seen> seen = new HashSet<>();
    final Map<ClaimKey, LocalDate> dayOfKey = new HashMap<>();
    String lastSubject;
    /** The last day a date expression named, and its paragraph: the anchor of "two days later". */
    LocalDate anchorDay;
    int anchorParagraph = -1;
    String lastEvent;
    /** The head of the company's parent the text named ("arm of Silicon Valley Bank": bank), for "its parent". */
    String parentName;
    /** The story's main event: the first natural or physical event the document names (headline included). */
    String mainEvent;
    /** The proper name of the story's main event when it has one ("ian" of "Hurricane Ian"). */
    String mainEventName;
    /** Where the main event happened: places whose figures are the whole event's (see Scopes.eventPlaces). */
    java.util.Set<String> eventPlaces = java.util.Set.of();
    /**
     * The paragraph of a heading that names a year long past and ends with a colon ("July 2003: Protest against the
     * security law:"), while the short paragraphs after it list its figures; -1 when none.
     */
    int pastListHeading = -1;
    /** The paragraph of the list's last item: a second sentence in it ends the list. */
    int pastListItem = -1;
    /**
     * The first country the headline and lead name (or a place in it names): whose clock times are local, and what
     * "the country" stands for when its sentence names none.
     */
    String storyCountry;
    /** The first region the headline and lead name (directly or through a city in it), or null. */
    String storyRegion;
    /** The last count's measure and predicate: what "a figure of 89" or "the number rose to 97" stands for. */
    String[] lastMeasure;
    /** The tokens of the last sentence read: what "it" in the next may refer to ("The low cost of the mission"). */
    List<Token> previousTokens;
    /** The last contender's measure the document named ("649 seats declared"): what "Labour has 411," counts. */
    String lastOwnedMeasure;
    /**
     * The year the story is told in: the publication's, or for a document dated only by its upload, the latest year
     * its text names up to the upload's (0 when neither): what "years before" counts from.
     */
    int storyYear;
    /** The authority the document cited last, written and normalized: what "the agency said" refers to. */
    String lastAuthority;
    /** Every authority cited so far, the latest last: what "the county says" refers to. */
    final List<String> authorities = new ArrayList<>();
    /** The person cited last: who "he said" is. */
    String lastPersonCited;
    /** The time of the last stamp over an entry ("Tue, Aug 15, 9:40 p.m. HST": 2023-08-15T21:40) and its paragraph. */
    String entryTime;
    int entryParagraph = -1;
    /** Whether lines that are only a time of day stamp entries: the document has several ("18:04", "17:44"). */
    boolean clockStamps;
    /** Whether the last sentence read ended in an exclamation ("TOUCHDOWN!"), and its paragraph. */
    boolean lastExclaimed;
    /** Whether the last sentence was a lead of breaking news ("It's over."): news follows it, as after an exclamation. */
    boolean lastLead;
    int lastParagraph = -1;
    /** The events a live blog's entry announced as news ("Vikram has landed"), dated by its stamp once. */
    final Set<ClaimKey> stampedEvents = new HashSet<>();
    /** Full names of the people cited so far, by surname: "Green said" after "Governor Josh Green". */
    final Map<String, String> fullNames = new HashMap<>();
    /** Who was quoted last: "he added" after a quote names him again. */
    String lastSpeaker;
    /** Words of a quotation left open at the end of the previous sentence, or null. */
    String openQuote;
    /** Who the sentence that opened that quotation named as its speaker, or null. */
    String openQuoteSpeaker;
    /** The open quotation already ran over one whole sentence; it is not carried further. */
    boolean openQuoteContinued;
    /** The person last named for each country: "the Chinese president" after "Xi Jinping". */
    final Map<String, String> lastPerson = new HashMap<>();

    /** What makes a claim a repeat of an earlier one: the same value of the same thing from the same authority. */
    private record Seen(ClaimKind kind, String key, String value, String attribution) {
    }

    /** Adds a claim unless it repeats one; returns whether it was added. */
    boolean add(Claim c) {
        if (seen.add(new Seen(c.kind(), c.key(), c.value(), c.attribution()))) {
            claims.add(c);
            return true;
        }
        return false;
    }
}
