package dev.crosscheck.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.crosscheck.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local stand-in for API Gateway's HTTP API on loopback: each request becomes a payload-2.0 event JSON, deserialized
 * by the Lambda Java runtime's serializer and handed to the same handler that runs in Lambda.
 */
final class LocalHttpApi implements AutoCloseable {

    private static final int MAX_BODY = 1 << 20;
    /** Threads serving connections, and as many running the handler: each request has one, as in Lambda. */
    static final int THREADS = 32;
    /** Requests of one story the handler runs at once at most: a story whose reads are slow holds that many threads. */
    static final int PER_STORY = 2;
    /** How long a request waits for its story's gate before it is turned away with 429 and Retry-After. */
    static final long GATE_WAIT_MS = 2_000;
    /** API Gateway's integration timeout is 30 s: a request that takes longer is answered 504, as there. */
    static final long TIMEOUT_MS = 29_000;

    private final HttpServer server;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final Consumer<String> log;
    private final PojoSerializer<APIGatewayV2HTTPEvent> serializer =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPEvent.class.getClassLoader());
    private final java.util.concurrent.ExecutorService connections;
    private final java.util.concurrent.ExecutorService workers;
    /** Requests running per story; a story leaves the map when its last one ends. */
    private final Map<String, Integer> running = new java.util.HashMap<>();
    private final long timeoutMs;

    LocalHttpApi(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                 Consumer<String> log) throws IOException {
        this(port, handler, log, TIMEOUT_MS);
    }

    LocalHttpApi(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                 Consumer<String> log, long timeoutMs) throws IOException {
        this.handler = handler;
        this.log = log;
        this.timeoutMs = timeoutMs;
        this.connections = Executors.newFixedThreadPool(THREADS, daemon("http-api"));
        this.workers = Executors.newFixedThreadPool(THREADS, daemon("http-api-handler"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", this::serve);
        server.setExecutor(connections);
        server.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The story a path names ("/stories/STORY/..."), still encoded, or null for the story list and other paths. */
    static String storyOf(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/stories/")) {
            return null;
        }
        int end = rawPath.indexOf('/', "/stories/".length());
        String story = end < 0 ? rawPath.substring("/stories/".length()) : rawPath.substring("/stories/".length(), end);
        return story.isEmpty() ? null : story;
    }

    /**
     * The handler's response to the event, run on a thread of its own: 429 when the story already has
     * {@value #PER_STORY} requests running for {@value #GATE_WAIT_MS} ms, 504 past the timeout (the handler runs on,
     * its place held until it returns, so a slow story never takes more threads).
     */
    private APIGatewayV2HTTPResponse run(APIGatewayV2HTTPEvent event, String story) throws InterruptedException {
        if (story != null && !enter(story)) {
            return problem(429, "Too Many Requests", "This story already has " + PER_STORY + " requests running; "
                    + "retry shortly.", Map.of("Retry-After", "1"));
        }
        java.util.concurrent.CompletableFuture<APIGatewayV2HTTPResponse> response;
        try {
            response = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> handler.handleRequest(event, new LocalContext("CompareFunction", log)), workers);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (story != null) {
                leave(story);
            }
            throw e;
        }
        if (story != null) {
            response.whenComplete((r, e) -> leave(story));
        }
        try {
            return response.get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.accept("CompareFunction timed out after " + timeoutMs + " ms: " + event.getRawPath());
            return problem(504, "Gateway Timeout", "The request took longer than the API allows.", Map.of());
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Takes one of the story's places, waiting up to {@value #GATE_WAIT_MS} ms for one; false when none freed. */
    private boolean enter(String story) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(GATE_WAIT_MS);
        synchronized (running) {
            while (running.getOrDefault(story, 0) >= PER_STORY) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                running.wait(left);
            }
            running.merge(story, 1, Integer::sum);
            return true;
        }
    }

    private void leave(String story) {
        synchronized (running) {
            running.computeIfPresent(story, (k, n) -> n <= 1 ? null : n - 1);
            running.notifyAll();
        }
    }

    private static APIGatewayV2HTTPResponse problem(int status, String title, String detail,
                                                    Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", "application/problem+json");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(Json.write(Map.of("type", "about:blank", "title", title, "status", status,
                        "detail", detail))).build();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY);
            APIGatewayV2HTTPResponse response;
            try {
                APIGatewayV2HTTPEvent event = serializer.fromJson(eventJson(exchange, body));
                response = run(event, storyOf(exchange.getRequestURI().getRawPath()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.accept("CompareFunction failed: " + e);
                response = APIGatewayV2HTTPResponse.builder().withStatusCode(500)
                        .withHeaders(Map.of("Content-Type", "application/problem+json"))
                        .withBody("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}")
                        .build();
            }
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            }
            byte[] out = response.getBody() == null ? new byte[0]
                    : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.getStatusCode(), head || out.length == 0 ? -1 : out.length);
            if (!head && out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    /** The request as API Gateway's HTTP API (payload format 2.0) describes it to Lambda. */
    private static String eventJson(HttpExchange exchange, byte[] body) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, String> query = parseQuery(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", Instant.now().toString());
        context.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", rawPath);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (body.length > 0) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        return Json.write(event);
    }

    /** Query parameters as API Gateway passes them: decoded, repeated values joined by commas. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        connections.shutdownNow();
        workers.shutdownNow();
    }

}
