package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to the local HTTP API written byte for byte on a socket, so that nothing a client library would
 * normalize or refuse (raw "..", unencoded markup, invented methods, malformed bodies, oversized lines) is lost on
 * the way: every answer is a 4xx RFC 9457 problem with no stack trace and nothing echoed unescaped.
 */
class HostileHttpTest {

    private static Path data;
    private static LocalStack stack;
    private static int port;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("crosscheck-hostile");
        stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(LOG::add));
        port = URI.create(stack.apiEndpoint()).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
        try (var walk = Files.walk(data)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {
    }

    /** Sends the request exactly as given (CRLF line ends added) and reads the whole answer. */
    private static Reply raw(String requestLine, List<String> headers, String body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            request.append("Host: 127.0.0.1:").append(port).append("\r\n").append("Connection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    private static Reply parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        String head = end < 0 ? response : response.substring(0, end);
        String body = end < 0 ? "" : response.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Reply(status, headers, body);
    }

    private static Reply get(String target) throws Exception {
        return raw("GET " + target + " HTTP/1.1", List.of(), null);
    }

    private static void assertProblem(Reply reply, int status, String parameter) throws Exception {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.headers().get("content-type"), reply.headers().toString());
        JsonNode problem = Json.MAPPER.readTree(reply.body());
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("detail").asText().isBlank());
        if (parameter != null) {
            assertEquals(parameter, problem.get("parameter").asText(), reply.body());
        }
        for (String internal : List.of("Exception", "\tat ", "java.", "software.amazon", "crosscheck-claims")) {
            assertFalse(reply.body().contains(internal), "internals (" + internal + ") in " + reply.body());
        }
        for (String unescaped : List.of("<", ">", "&", "'", "\u0000")) {
            assertFalse(reply.body().contains(unescaped), "'" + unescaped + "' unescaped in " + reply.body());
        }
    }

    @Test
    void unknownStoriesAndTraversalsAreProblems() throws Exception {
        assertProblem(get("/stories/no-such-story/report"), 404, null);
        assertProblem(get("/stories/../report"), 400, "story");
        assertProblem(get("/stories/%2e%2e/report"), 400, "story");
        assertProblem(get("/stories/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd/sources"), 400, "story");
        assertProblem(get("/stories/visit%00/report"), 400, "story");
        assertProblem(get("/stories/%00/timeline"), 400, "story");
        assertProblem(get("/stories/../../etc/passwd"), 404, null);
    }

    /**
     * Requests that are not valid HTTP never reach the handler: the HTTP server refuses them itself with a plain 400
     * (API Gateway does the same in its own words): a 4xx naming the trouble ("URISyntaxException thrown", "Conflicting
     * or malformed headers detected"), no stack trace, nothing of the request echoed.
     */
    @Test
    void malformedHttpIsRefusedByTheServerItselfWithA400() throws Exception {
        List<Reply> replies = List.of(
                get("/stories/visit%ZZ/report"),
                get("/stories/<script>alert(1)<%2Fscript>/report"),
                // Conflicting framing headers, and no body sent: the server refuses on the headers alone and closes
                // the connection; body bytes it never read would make the close a reset that can reach the client
                // before the 400 is read.
                raw("GET /stories/no-such-story/report HTTP/1.1", List.of("Transfer-Encoding: chunked",
                        "Content-Length: 2"), null));
        for (Reply reply : replies) {
            assertEquals(400, reply.status(), reply.body());
            for (String echoed : List.of("ZZ", "script", "chunked", "\tat ", "java.")) {
                assertFalse(reply.body().contains(echoed), reply.body());
            }
        }
    }

    @Test
    void markupAndQuotesInTheRequestComeBackEscaped() throws Exception {
        Reply encoded = get("/stories/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%22'/report");
        assertProblem(encoded, 404, null);
        assertTrue(Json.MAPPER.readTree(encoded.body()).get("detail").asText().contains("<img src=x onerror=alert(1)>\"'"),
                encoded.body());
        // markup in a query parameter's name, echoed in the problem
        assertProblem(get("/stories/visit/report?%3Cscript%3Ex%3C%2Fscript%3E=1"), 400, null);
    }

    @Test
    void tenKilobyteQueriesAndPathsAreProblems() throws Exception {
        assertProblem(get("/stories?next=" + "A".repeat(10_240)), 400, "next");
        assertProblem(get("/stories/visit/report?kind=" + "count,".repeat(1_707)), 400, "kind");
        assertProblem(get("/stories/visit/report?" + "k".repeat(10_240) + "=1"), 400, null);
        Reply longPath = get("/stories/" + "a".repeat(10_240) + "/report");
        assertProblem(longPath, 400, "story");
        assertTrue(longPath.body().length() < 2_048, "the path is quoted only in part");
    }

    @Test
    void otherMethodsWithMalformedBodiesAre405() throws Exception {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "BREW")) {
            Reply reply = raw(method + " /stories/visit/report HTTP/1.1",
                    List.of("Content-Type: application/json"), "{\"story\": [unterminated");
            assertProblem(reply, 405, null);
            assertEquals("GET, HEAD", reply.headers().get("allow"), method);
        }
    }

    @Test
    void oddHeadersAndBodiesChangeNothing() throws Exception {
        Reply reply = raw("GET /stories/no-such-story/report HTTP/1.1", List.of(
                "Accept: text/html",
                "Content-Type: text/html; charset=<script>",
                "X-Forwarded-For: 127.0.0.1, <script>alert(1)</script>",
                "X-Long: " + "v".repeat(8_000),
                "Cookie: a=\"b\"; c=<d>"), "}{ not json");
        assertProblem(reply, 404, null);
    }

    @Test
    void nothingFailedOnTheServerSide() throws Exception {
        unknownStoriesAndTraversalsAreProblems();
        otherMethodsWithMalformedBodiesAre405();
        assertTrue(LOG.stream().noneMatch(line -> line.contains("failed")), String.join("\n", LOG));
    }
}
