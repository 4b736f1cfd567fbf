package dev.crosscheck.store;

import dev.crosscheck.claim.Claim;
import java.util.List;

/**
 * One page of a story's claims: the current claims of whole documents, in document id order, a document's claims
 * never split between two pages.
 *
 * @param last the id of the page's last document when more documents follow, else null: the next page starts after it
 */
public record ClaimPage(List<Claim> claims, String last) {

    public ClaimPage {
        claims = List.copyOf(claims);
    }
}
