package dev.crosscheck.analysis;

/**
 * How object keys map to stories: {@code STORY/NAME.ext} belongs to story {@code STORY}; a key with no folder
 * belongs to {@link #DEFAULT_STORY}. The document id is the whole key.
 */
public final class ObjectKeys {

    public static final String DEFAULT_STORY = "default";

    /**
     * Where a document whose key the API could not address is recorded, rejected with the reason: a story of its own,
     * so an operator sees it in {@code GET /stories} and its {@code /sources}, and no story is listed that no route
     * can reach.
     */
    public static final String UNADDRESSABLE_STORY = "_unaddressable-keys";

    /** The longest story name: a path segment the API takes. */
    public static final int MAX_STORY_LENGTH = 256;

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

    /**
     * Why the API could not address a story of this name: blank, longer than {@link #MAX_STORY_LENGTH}, "." or "..",
     * or holding '/', a control character or U+FFFD (a name that was not valid UTF-8); null when it can.
     */
    public static String storyNameProblem(String story) {
        if (story.isBlank()) {
            return "the story name is blank";
        }
        if (story.length() > MAX_STORY_LENGTH) {
            return "the story name is longer than " + MAX_STORY_LENGTH + " characters";
        }
        if (story.equals(".") || story.equals("..")) {
            return "the story name is '" + story + "'";
        }
        if (story.contains("/")) {
            return "the story name holds '/'";
        }
        if (unprintable(story)) {
            return "the story name holds a control character or an invalid byte";
        }
        return null;
    }

    /** Why a document of this key could not be reached through the API; null when it can. */
    public static String keyProblem(String key) {
        String story = storyOf(key);
        String problem = story.equals(DEFAULT_STORY) ? null : storyNameProblem(story);
        if (problem == null && unprintable(key)) {
            problem = "the key holds a control character or an invalid byte";
        }
        return problem;
    }

    /** A control character, or U+FFFD where bytes were not valid UTF-8. */
    private static boolean unprintable(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || text.contains("\ufffd");
    }

    /** The story a document of this key is recorded in: its own, or {@link #UNADDRESSABLE_STORY}. */
    public static String storyFor(String key) {
        return keyProblem(key) == null ? storyOf(key) : UNADDRESSABLE_STORY;
    }
}
