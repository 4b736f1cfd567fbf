package dev.crosscheck.claim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How much of a document was understood: every figure (number, date, time, duration) found in its body either is
 * part of a claim or is listed as unread, with its sentence and, where known, why it is not a claim.
 *
 * @param figures figures found in the body (headline excluded)
 * @param claimed of those, the figures that are part of at least one claim
 * @param unread  the figures that became no claim; at most {@link #MAX_UNREAD} are listed, {@code figures - claimed}
 *                says how many there are in all
 */
@JsonPropertyOrder({"figures", "claimed", "unread"})
public record Coverage(int figures, int claimed, List<Unread> unread) {

    /** Unread figures listed per document at most; a longer list is cut, the counts stay exact. */
    public static final int MAX_UNREAD = 200;
    /** Characters of an unread figure's sentence kept at most, around the figure. */
    public static final int MAX_QUOTE_CHARS = 400;

    public static final Coverage NONE = new Coverage(0, 0, List.of());

    public Coverage {
        unread = unread == null ? List.of() : List.copyOf(unread);
    }

    /**
     * A figure that is part of no claim.
     *
     * @param text   the figure as written ("3.5 million")
     * @param quote  the sentence it appears in (cut around the figure when very long)
     * @param reason why it is not a claim, when known: one of {@link Reason}'s wire names
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"text", "quote", "reason"})
    public record Unread(String text, String quote, String reason) {
    }

    /** Why a figure became no claim. */
    public enum Reason {
        HISTORICAL, HYPOTHETICAL, PROJECTED, GENERIC, REQUESTED, BACKGROUND, NOT_UNDERSTOOD;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
