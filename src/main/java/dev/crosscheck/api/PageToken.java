package dev.crosscheck.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code next} token of a list: the name of the last story (or the id of the last document) of the previous page,
 * base64url-encoded without padding. Clients treat it as opaque; the API reads it back and refuses anything that does
 * not decode to a valid story name (or to a document id of the story asked for), with a 400 naming {@code next}.
 */
final class PageToken {

    static final String PARAMETER = "next";

    private PageToken() {
    }

    static String encode(String lastStory) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastStory.getBytes(StandardCharsets.UTF_8));
    }

    /** The story name a token carries. */
    static String decode(String token) {
        String story = text(token);
        try {
            return StoryApi.checkStoryName(story, PARAMETER);
        } catch (ApiException e) {
            throw invalid();
        }
    }

    /** The id of a document of {@code story} a token carries: an object key under the story's folder. */
    static String decodeDocument(String token, String story) {
        String id = text(token);
        // a document of the story, by the rule ingestion records documents under stories with
        if (id.isEmpty() || id.length() > MAX_DOCUMENT_ID
                || !dev.crosscheck.analysis.ObjectKeys.storyFor(id).equals(story)) {
            throw invalid();
        }
        return id;
    }

    /** The longest document id a token may carry: an S3 key is at most 1,024 bytes. */
    private static final int MAX_DOCUMENT_ID = 1024;

    private static String text(String token) {
        if (token.isEmpty()) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String story;
        try {
            story = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
        return story;
    }

    private static ApiException invalid() {
        return ApiException.badParameter(PARAMETER,
                "'next' is not a token this API returned; pass the 'next' value of the previous page unchanged.");
    }
}
