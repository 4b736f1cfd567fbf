package dev.crosscheck.store;

import java.util.List;

/**
 * One page of the story list, in story-name order.
 *
 * @param stories the stories of this page
 * @param last    the name of the page's last story when more stories follow it, else null: the next page starts
 *                after it
 */
public record StoryPage(List<StorySummary> stories, String last) {

    public StoryPage {
        stories = List.copyOf(stories);
    }

    public boolean hasMore() {
        return last != null;
    }
}
