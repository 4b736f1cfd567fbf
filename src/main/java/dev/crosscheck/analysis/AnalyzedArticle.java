package dev.crosscheck.analysis;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.Coverage;
import dev.crosscheck.compare.TextPrint;
import dev.crosscheck.document.Document;
import java.util.List;

/**
 * One uploaded document after reading and extraction: either an article with its claims and how much of it was
 * understood, or a rejection with the reason (then {@code document} is null, {@code claims} is empty and the
 * coverage is {@link Coverage#NONE}).
 */
public record AnalyzedArticle(String id, Document document, String rejection, List<Claim> claims, Coverage coverage,
                              TextPrint print, java.util.Set<String> eventPlaces) {

    public AnalyzedArticle {
        claims = List.copyOf(claims);
        coverage = coverage == null ? Coverage.NONE : coverage;
        eventPlaces = eventPlaces == null ? java.util.Set.of() : java.util.Set.copyOf(eventPlaces);
    }

    /** A rejected document. */
    public static AnalyzedArticle rejected(String id, String reason) {
        return new AnalyzedArticle(id, null, reason, List.of(), Coverage.NONE, null, null);
    }

    public boolean rejected() {
        return rejection != null;
    }
}
