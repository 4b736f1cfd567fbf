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
}
