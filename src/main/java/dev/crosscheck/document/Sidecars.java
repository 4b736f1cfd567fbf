package dev.crosscheck.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code NAME.meta.json} sidecar: a JSON object holding what an uploader would send as S3 object metadata
 * ({@code published}, {@code publisher}, {@code title}, {@code url}) for the documents {@code NAME.*} beside it.
 */
public final class Sidecars {

    public static final List<String> FIELDS = List.of("published", "publisher", "title", "url");

    /** A sidecar larger than this is not read (a sidecar holds four short fields). */
    public static final int MAX_BYTES = 64 * 1024;

    private Sidecars() {
    }

    /**
     * The sidecar's fields that are present and not null, as text.
     *
     * @throws IllegalArgumentException when the content is not a JSON object, or too large to be a sidecar
     */
    public static Map<String, String> fields(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("a metadata sidecar of " + content.length + " bytes (at most "
                    + MAX_BYTES + ")");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode v = node.get(field);
            if (v != null && !v.isNull() && !v.isContainerNode()) {
                fields.put(field, v.asText());
            }
        }
        return fields;
    }
}
