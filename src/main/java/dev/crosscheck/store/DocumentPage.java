package dev.crosscheck.store;

import java.util.List;

/**
 * One page of a story's documents, in id order (rejected documents included, removed ones not).
 *
 * @param last the id of the page's last document when more follow, else null: the next page starts after it
 */
public record DocumentPage(List<StoredDocument> documents, String last) {

    public DocumentPage {
        documents = List.copyOf(documents);
    }
}
