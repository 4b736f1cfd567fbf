package dev.crosscheck.claim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a claim is about; the names are the report schema's {@code kind} values. */
public enum ClaimKind {
    COUNT, QUANTITY, DATE, DURATION, PARTICIPANTS, QUOTE, STATEMENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ClaimKind fromWireName(String name) {
        for (ClaimKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown claim kind: " + name);
    }
}
