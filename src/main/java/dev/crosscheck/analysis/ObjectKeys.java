package dev.crosscheck.analysis;

/**
 * How object keys map to stories: {@code STORY/NAME.ext} belongs to story {@code STORY}; a key with no folder
 * belongs to {@link #DEFAULT_STORY}. The document id is the whole key.
 */
public final class ObjectKeys {

    public static final String DEFAULT_STORY = "default";

    private ObjectKeys() {
    }

    public static String storyOf(String key) {
        int slash = key.indexOf('/');
        return slash <= 0 ? DEFAULT_STORY : key.substring(0, slash);
    }

    /** The last path segment of a key or path: what a person calls the file. */
    public static String fileName(String key) {
        String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
