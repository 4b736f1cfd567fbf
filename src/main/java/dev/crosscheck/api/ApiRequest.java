package dev.crosscheck.api;

import java.util.Map;

/**
 * An HTTP request as the API sees it, free of any transport's types.
 *
 * @param path  the raw (still percent-encoded) path, e.g. {@code /stories/xi-moscow-2023/report}
 * @param query decoded query parameters (first value of each)
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers) {

    public ApiRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
