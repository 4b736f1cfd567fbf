package dev.crosscheck.extract;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.document.Document;
import java.util.List;

/** Extracts every checkable claim of a document. Thread-safe; word lists and rules are loaded once. */
public final class ClaimExtractor {

    public List<Claim> extract(Document document) {
        throw new UnsupportedOperationException("TODO");
    }
}
