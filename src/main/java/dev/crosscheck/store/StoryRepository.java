package dev.crosscheck.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read access to stored stories: what the comparison API needs. */
public interface StoryRepository {

    /** The most stories a page holds. */
    int MAX_PAGE = 100;

    /**
     * Up to {@code limit} stories in name order, starting after the story named {@code after} (from the start when
     * null); the page's {@code last} is set when more stories follow.
     */
    StoryPage listStories(int limit, String after);

    /** Every story, page by page. */
    default List<StorySummary> listStories() {
        List<StorySummary> all = new ArrayList<>();
        String after = null;
        do {
            StoryPage page = listStories(MAX_PAGE, after);
            all.addAll(page.stories());
            after = page.last();
        } while (after != null);
        return all;
    }

    /** The story's documents and current claims; empty when the story has never had a document. */
    Optional<StoryData> loadStory(String story);

    /**
     * The story's version: a number that grows with every document ingested, replaced, rejected or removed, read
     * before the story, so that what is read after it holds at least every change it counts. 0 when unknown (a store
     * that keeps none, or a story last written before versions were kept): then nothing may be cached by version.
     */
    default long version(String story) {
        return 0;
    }

    /**
     * Up to {@code limit} of the story's documents in id order, after the document {@code after} (from the first when
     * null); empty when the story has never had a document. This default reads the whole story; a store overrides it
     * with a read of the page alone.
     */
    default Optional<DocumentPage> listDocuments(String story, int limit, String after) {
        return loadStory(story).map(data -> {
            List<StoredDocument> sorted = new ArrayList<>(data.documents());
            sorted.sort(java.util.Comparator.comparing(StoredDocument::id));
            List<StoredDocument> page = new ArrayList<>();
            for (StoredDocument d : sorted) {
                if (after != null && d.id().compareTo(after) <= 0) {
                    continue;
                }
                if (page.size() == limit) {
                    return new DocumentPage(page, page.get(page.size() - 1).id());
                }
                page.add(d);
            }
            return new DocumentPage(page, null);
        });
    }

    /**
     * The current claims of the story's documents after the document {@code after}, in document id order, whole
     * documents until at least {@code limit} claims (or the last document); empty when the story has never had a
     * document.
     */
    default Optional<ClaimPage> listClaims(String story, int limit, String after) {
        return loadStory(story).map(data -> {
            java.util.TreeMap<String, List<dev.crosscheck.claim.Claim>> byDocument = new java.util.TreeMap<>();
            for (StoredDocument d : data.documents()) {
                if (after == null || d.id().compareTo(after) > 0) {
                    byDocument.put(d.id(), new ArrayList<>());
                }
            }
            for (dev.crosscheck.claim.Claim c : data.claims()) {
                List<dev.crosscheck.claim.Claim> of = byDocument.get(c.source());
                if (of != null) {
                    of.add(c);
                }
            }
            List<dev.crosscheck.claim.Claim> page = new ArrayList<>();
            String lastTaken = null;
            for (var e : byDocument.entrySet()) {
                if (page.size() >= limit) {
                    return new ClaimPage(page, lastTaken);
                }
                page.addAll(e.getValue());
                lastTaken = e.getKey();
            }
            return new ClaimPage(page, null);
        });
    }
}
