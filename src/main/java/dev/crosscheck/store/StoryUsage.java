package dev.crosscheck.store;

/** What a story's ingested documents take, one document left out (the one being replaced, when it is). */
public record StoryUsage(int documents, long bytes) {
}
