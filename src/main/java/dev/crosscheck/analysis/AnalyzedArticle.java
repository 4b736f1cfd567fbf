package dev.crosscheck.analysis;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.document.Document;
import java.util.List;

/**
 * One uploaded document after reading and extraction: either an article with its claims, or a rejection
 * with the reason (then {@code document} is null and {@code claims} is empty).
 */
public record AnalyzedArticle(String id, Document document, String rejection, List<Claim> claims) {

    public AnalyzedArticle {
        claims = List.copyOf(claims);
    }

    public boolean rejected() {
        return rejection != null;
    }
}
