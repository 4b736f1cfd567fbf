package dev.crosscheck.store;

/** A story in the story list, with how many documents (ingested or rejected) and current claims it has. */
public record StorySummary(String story, int documents, int claims) {
}
