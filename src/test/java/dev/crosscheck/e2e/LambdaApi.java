package dev.crosscheck.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crosscheck.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** The few Lambda API operations the suites use, over signed HTTP. */
final class LambdaApi {

    private final SignedHttp http;
    private final URI endpoint;

    LambdaApi(SignedHttp http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    /** Invokes synchronously and returns the function's result; a function error fails the call. */
    String invoke(String function, String payload) throws Exception {
        SignedHttp.Response r = http.send("lambda", "POST", uri("/2015-03-31/functions/" + encode(function)
                + "/invocations"), Map.of("X-Amz-Invocation-Type", "RequestResponse", "Content-Type",
                "application/json"), payload.getBytes(StandardCharsets.UTF_8));
        if (r.status() != 200 || r.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("X-Amz-Function-Error"))) {
            throw new IllegalStateException("invoking " + function + ": HTTP " + r.status() + " " + r.body());
        }
        return r.body();
    }

    /** Creates a function from a deployment package and waits until it is active. */
    void createFunction(String name, Path code, String handler, Map<String, String> environment) throws Exception {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("FunctionName", name);
        request.put("Runtime", "java17");
        request.put("Role", "arn:aws:iam::000000000000:role/crosscheck-e2e");
        request.put("Handler", handler);
        request.put("Timeout", 120);
        request.put("MemorySize", 1024);
        request.putObject("Code").put("ZipFile", Base64.getEncoder().encodeToString(Files.readAllBytes(code)));
        ObjectNode variables = request.putObject("Environment").putObject("Variables");
        environment.forEach(variables::put);
        SignedHttp.Response r = http.send("lambda", "POST", uri("/2015-03-31/functions"),
                Map.of("Content-Type", "application/json"), Json.write(request).getBytes(StandardCharsets.UTF_8));
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("creating " + name + ": HTTP " + r.status() + " " + r.body());
        }
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            JsonNode function = Json.MAPPER.readTree(http.send("lambda", "GET",
                    uri("/2015-03-31/functions/" + encode(name)), Map.of(), null).body());
            String state = function.path("Configuration").path("State").asText();
            if (state.equals("Active")) {
                return;
            }
            if (state.equals("Failed") || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(name + " did not become active: " + function);
            }
            Thread.sleep(500);
        }
    }

    private URI uri(String path) {
        return URI.create(endpoint.toString().replaceAll("/$", "") + path);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
