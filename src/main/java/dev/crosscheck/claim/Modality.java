package dev.crosscheck.claim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether a claim states what happened. Only {@link #ASSERTED} and {@link #NEGATED} claims are facts about the story's
 * event; the others stay visible but are never compared with them.
 */
public enum Modality {
    /** Stated as having happened or as holding now: "93 people died". */
    ASSERTED,
    /** Stated as not having happened: "no deaths have been reported there". */
    NEGATED,
    /** A forecast, estimate of what will be, or a possibility: "the toll could reach 10,000", an exit poll. */
    PROJECTED,
    /** A condition or a supposition: "if the dam breaks, 5,000 homes would flood". */
    HYPOTHETICAL,
    /** About another year or another event: "the 1918 fire killed 453 people". */
    HISTORICAL,
    /** An explainer that holds of no event in particular: "quakes of magnitude 7 are considered major". */
    GENERIC,
    /** Something someone asked for, not an outcome: "prosecutors sought 15 years". */
    REQUESTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Modality fromWireName(String name) {
        for (Modality m : values()) {
            if (m.wireName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown modality: " + name);
    }

    /** Whether claims of this modality are facts about the story's own event, compared with each other. */
    public boolean factual() {
        return this == ASSERTED || this == NEGATED;
    }
}
