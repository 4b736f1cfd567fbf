package dev.crosscheck.store;

import java.util.List;
import java.util.Optional;

/** Read access to stored stories: what the comparison API needs. */
public interface StoryRepository {

    List<StorySummary> listStories();

    /** The story's documents and current claims; empty when the story has never had a document. */
    Optional<StoryData> loadStory(String story);
}
