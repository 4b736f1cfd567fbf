package dev.crosscheck.store;

/**
 * A story in the story list, with how many documents (ingested or rejected) and current claims it has.
 *
 * @param overLimit whether documents of the story were rejected because it holds as many documents or bytes as a
 *                  story may ({@link StoryLimits})
 */
public record StorySummary(String story, int documents, int claims, boolean overLimit) {

    public StorySummary(String story, int documents, int claims) {
        this(story, documents, claims, false);
    }
}
