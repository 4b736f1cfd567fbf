package dev.crosscheck.store;

import java.util.Map;

/**
 * How much one story may hold: documents and bytes of ingested documents. Anyone who can write into the bucket can
 * grow a story; past a limit, new documents are recorded as rejected with the reason, never dropped silently, and the
 * story shows {@code overLimit} in the story list. A document that replaces one of the story's own is counted
 * instead of it.
 *
 * <p>Set with the environment variables {@code MAX_DOCUMENTS_PER_STORY} and {@code MAX_BYTES_PER_STORY} (the
 * template's parameters; the local stack reads the same), defaults {@value #DEFAULT_DOCUMENTS} documents and 500 MB.
 * Concurrent ingestions of one story check the limit each on its own, so a burst may pass it by as many documents as
 * ingest at once.
 */
public record StoryLimits(int documents, long bytes) {

    public static final int DEFAULT_DOCUMENTS = 5_000;
    public static final long DEFAULT_BYTES = 500L * 1024 * 1024;
    /** The words every rejection for a story's limit starts with: how the story list tells them. */
    public static final String REASON_PREFIX = "story limit: ";

    public static final StoryLimits DEFAULTS = new StoryLimits(DEFAULT_DOCUMENTS, DEFAULT_BYTES);

    public StoryLimits {
        if (documents < 1 || bytes < 1) {
            throw new IllegalArgumentException("a story's limits must be positive: " + documents + " documents, "
                    + bytes + " bytes");
        }
    }

    /** The limits the environment sets, else the defaults; a value that is no positive number is an error. */
    public static StoryLimits fromEnvironment(Map<String, String> env) {
        return new StoryLimits((int) number(env, "MAX_DOCUMENTS_PER_STORY", DEFAULT_DOCUMENTS),
                number(env, "MAX_BYTES_PER_STORY", DEFAULT_BYTES));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    /**
     * Why a document of {@code size} bytes cannot join a story that holds {@code usage} besides it, or null when it
     * can.
     */
    public String rejection(StoryUsage usage, long size) {
        if (usage.documents() + 1 > documents) {
            return REASON_PREFIX + "the story already holds " + usage.documents() + " documents, the most one story "
                    + "takes (MAX_DOCUMENTS_PER_STORY)";
        }
        if (usage.bytes() + size > bytes) {
            return REASON_PREFIX + "the story's documents already take " + usage.bytes() + " bytes; with this one's "
                    + size + " they would pass the " + bytes + " one story takes (MAX_BYTES_PER_STORY)";
        }
        return null;
    }
}
