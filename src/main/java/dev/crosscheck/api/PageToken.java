package dev.crosscheck.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code next} token of the story list: the name of the last story of the previous page, base64url-encoded
 * without padding. Clients treat it as opaque; the API reads it back and refuses anything that does not decode to a
 * valid story name, with a 400 naming {@code next}.
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
        try {
            return StoryApi.checkStoryName(story, PARAMETER);
        } catch (ApiException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badParameter(PARAMETER,
                "'next' is not a token this API returned; pass the 'next' value of the previous page unchanged.");
    }
}
