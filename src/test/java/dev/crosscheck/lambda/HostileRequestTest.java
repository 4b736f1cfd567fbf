package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.support.Emulators;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The comparison function under hostile requests: genuine API Gateway events from events/, each changed the way an
 * attacker or a broken client would, turned into event objects by the Lambda runtime's own serializer and answered
 * from a real (DynamoDB Local) table. Every answer is a 4xx RFC 9457 problem with no stack trace and nothing of the
 * request echoed unescaped.
 */
class HostileRequestTest {

    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPEvent.class.getClassLoader());
    private static final String MALFORMED_JSON = "{\"story\": \"x\", \"kind\": [count,";
    private static CompareHandler handler;

    @BeforeAll
    static void emptyTable() {
        ClaimStore store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        handler = new CompareHandler(new StoryApi(store, new StoryComparator()));
    }

    /** events/http-report.json (GET /stories/xi-moscow-2023/report) with {@code change} applied. */
    private static APIGatewayV2HTTPResponse call(Consumer<ObjectNode> change) throws Exception {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("events/http-report.json")));
        change.accept(event);
        APIGatewayV2HTTPEvent parsed = EVENTS.fromJson(Json.write(event));
        return handler.handleRequest(parsed, null);
    }

    private static Consumer<ObjectNode> path(String rawPath) {
        return e -> {
            e.put("rawPath", rawPath);
            ((ObjectNode) e.get("requestContext").get("http")).put("path", rawPath);
        };
    }

    private static Consumer<ObjectNode> query(String name, String value) {
        return e -> {
            e.put("rawQueryString", URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
            e.putObject("queryStringParameters").put(name, value);
        };
    }

    private static Consumer<ObjectNode> method(String method, String body) {
        return e -> {
            ((ObjectNode) e.get("requestContext").get("http")).put("method", method);
            ((ObjectNode) e.get("headers")).put("content-type", "application/json");
            e.put("body", body);
        };
    }

    private static String encoded(String story) {
        return URLEncoder.encode(story, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Stream<Arguments> hostileRequests() {
        String script = "<script>alert(\"x\")</script>";
        String markup = "<img src=x onerror=alert(\"x\")>";
        String cjk = "\u6545\u4e8b".repeat(128);
        return Stream.of(
                Arguments.of("unknown story", path("/stories/no-such-story/report"), 404, null),
                Arguments.of("unknown story with markup", path("/stories/" + encoded(markup) + "/report"), 404, null),
                Arguments.of("a script tag has a '/'", path("/stories/" + encoded(script) + "/report"), 400, "story"),
                Arguments.of("unknown story with quotes", path("/stories/" + encoded("a\"b'c\\d") + "/sources"), 404,
                        null),
                Arguments.of("256 three-byte characters", path("/stories/" + encoded(cjk) + "/claims"), 404, null),
                Arguments.of("257 characters", path("/stories/" + "s".repeat(257) + "/report"), 400, "story"),
                Arguments.of("../", path("/stories/../report"), 400, "story"),
                Arguments.of("%2e%2e", path("/stories/%2e%2e/report"), 400, "story"),
                Arguments.of("%2E%2E%2F traversal", path("/stories/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd/report"), 400,
                        "story"),
                Arguments.of("double-encoded %252e%252e is a name, not ..", path("/stories/%252e%252e/report"), 404,
                        null),
                Arguments.of("overlong UTF-8 dots", path("/stories/%C0%AE%C0%AE/report"), 400, "story"),
                Arguments.of("%00 in the name", path("/stories/visit%00/report"), 400, "story"),
                Arguments.of("only %00", path("/stories/%00/timeline"), 400, "story"),
                Arguments.of("broken percent-encoding", path("/stories/visit%ZZ/report"), 400, "story"),
                Arguments.of("traversal past the routes", path("/stories/../../etc/passwd"), 404, null),
                Arguments.of("10 KB story name in the story page's path", path("/stories/" + "a".repeat(10_240)), 400,
                        "story"),
                Arguments.of("no path at all", (Consumer<ObjectNode>) e -> e.remove("rawPath"), 404, null),
                Arguments.of("10 KB query value", query("kind", "count,".repeat(1_707)), 400, "kind"),
                Arguments.of("10 KB query name", query("k".repeat(10_240), "1"), 400, null),
                Arguments.of("markup in a parameter name", query("<img src=x onerror=alert(1)>", "1"), 400, null),
                Arguments.of("markup in a parameter value", query("kind", script), 400, "kind"),
                Arguments.of("NUL in a parameter value", query("verdict", "agreement\u0000"), 400, "verdict"),
                Arguments.of("POST with malformed JSON", method("POST", MALFORMED_JSON), 405, null),
                Arguments.of("PUT with malformed JSON", method("PUT", MALFORMED_JSON), 405, null),
                Arguments.of("PATCH with malformed JSON", method("PATCH", "}{"), 405, null),
                Arguments.of("DELETE", method("DELETE", ""), 405, null),
                Arguments.of("OPTIONS", method("OPTIONS", ""), 405, null),
                Arguments.of("TRACE", method("TRACE", ""), 405, null),
                Arguments.of("an invented method", method("PROPFIND", "<xml/>"), 405, null),
                Arguments.of("GET with a malformed JSON body to an unknown story",
                        path("/stories/no-such-story/report").andThen(method("GET", MALFORMED_JSON)), 404, null),
                Arguments.of("odd headers", path("/stories/no-such-story/report").andThen(e -> {
                    ObjectNode h = (ObjectNode) e.get("headers");
                    h.put("accept", "text/html");
                    h.put("content-type", "text/html; charset=<script>");
                    h.put("x-forwarded-for", "127.0.0.1, <script>");
                    h.put("x-long", "v".repeat(10_240));
                    h.put("cookie", "session=\u0000\r\n");
                }), 404, null),
                Arguments.of("base64 body that is not base64", path("/stories/no-such-story/report")
                        .andThen(e -> e.put("body", "%%%not base64%%%").put("isBase64Encoded", true)), 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void eachIsA4xxProblemWithNothingEchoedRaw(String label, Consumer<ObjectNode> change, int status,
                                              String parameter) throws Exception {
        APIGatewayV2HTTPResponse response = call(change);
        assertEquals(status, response.getStatusCode(), label + ": " + response.getBody());
        Problems.assertProblem(status, parameter, response.getHeaders(), response.getBody());
        if (status == 405) {
            assertEquals("GET, HEAD", response.getHeaders().get("Allow"));
        }
    }

    @Test
    void aStoryNameWithMarkupAndQuotesComesBackAsTheSameStringEscaped() throws Exception {
        String story = "<script>alert('x')<\\script>\"&";
        APIGatewayV2HTTPResponse response = call(path("/stories/" + encoded(story) + "/report"));
        Problems.assertProblem(404, null, response.getHeaders(), response.getBody());
        JsonNode problem = Json.MAPPER.readTree(response.getBody());
        assertTrue(problem.get("detail").asText().contains("'" + story + "'"), problem.toString());
        assertTrue(response.getBody().contains("\\u003Cscript\\u003E"), response.getBody());
    }

    @Test
    void headOfAnUnknownStoryIs404WithoutBody() throws Exception {
        APIGatewayV2HTTPResponse response = call(path("/stories/no-such-story/report").andThen(method("HEAD", "")));
        assertEquals(404, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals("", response.getBody());
    }

    /** What a problem answer must be, whatever carried it: the Lambda response or the local HTTP server. */
    static final class Problems {

        /** Text a stack trace or an internal error would leave in a body. */
        private static final List<String> INTERNALS = List.of("Exception", "\tat ", "at dev.crosscheck", "java.",
                "software.amazon", "DynamoDb", "crosscheck-claims", "claims-");

        private Problems() {
        }

        static void assertProblem(int status, String parameter, Map<String, String> headers, String body)
                throws Exception {
            assertTrue(status >= 400 && status < 500, "a 4xx, never a 5xx: " + status);
            assertEquals("application/problem+json", headers.get("Content-Type"));
            JsonNode problem = Json.MAPPER.readTree(body);
            assertEquals(status, problem.get("status").asInt(), body);
            assertFalse(problem.get("title").asText().isBlank(), body);
            assertFalse(problem.get("detail").asText().isBlank(), body);
            if (parameter != null) {
                assertEquals(parameter, problem.get("parameter").asText(), body);
            }
            for (String internal : INTERNALS) {
                assertFalse(body.contains(internal), "no internals (" + internal + "): " + body);
            }
            for (String raw : List.of("<", ">", "&", "'", "\u0000", "\r", "\n")) {
                assertFalse(body.contains(raw), "nothing echoed unescaped (" + raw + "): " + body);
            }
            assertTrue(body.length() < 2_048, "a problem quotes the request only in part: " + body.length());
        }
    }
}
