package dev.crosscheck.api;

import java.util.Map;

/** An HTTP response: status, headers (Content-Type included) and body text. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public String contentType() {
        return headers.get("Content-Type");
    }
}
