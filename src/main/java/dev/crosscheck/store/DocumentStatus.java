package dev.crosscheck.store;

import java.util.Locale;

/** What happened to an uploaded document. Removed documents are kept as tombstones so late events cannot revive them. */
public enum DocumentStatus {
    INGESTED, REJECTED, REMOVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
