package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local HTTP API's own server: a story whose requests never finish holds at most its share of threads, so every
 * other story keeps being served; a request past the timeout is answered 504, as API Gateway does. The handler here
 * stands for a slow report computation: it blocks on the story "slow" until released.
 */
@Timeout(60)
class LocalHttpApiTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowRunning = new AtomicInteger();

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = (event, context) -> {
        if (event.getRawPath().startsWith("/stories/slow/")) {
            slowRunning.incrementAndGet();
            try {
                release.await(50, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                slowRunning.decrementAndGet();
            }
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{\"path\":\"" + event.getRawPath()
                + "\"}").build();
    };

    @Test
    void aStoryWhoseReadsHangNeverStallsTheOthers() throws Exception {
        try (LocalHttpApi api = new LocalHttpApi(0, handler, line -> { })) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + api.port();
            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            for (int i = 0; i < 2 * LocalHttpApi.THREADS; i++) {
                slow.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/stories/slow/report")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(300);
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> fast = http.send(HttpRequest.newBuilder(URI.create(base + "/stories/quick-" + i
                        + "/report")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, fast.statusCode(), "another story is served while the slow one hangs");
            }
            assertEquals(LocalHttpApi.PER_STORY, slowRunning.get(), "the slow story runs at most its share");

            // past the wait for a place, every slow request but the running ones is turned away, with Retry-After
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (slow.stream().filter(CompletableFuture::isDone).count() < slow.size() - LocalHttpApi.PER_STORY
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            int turnedAway = 0;
            for (CompletableFuture<HttpResponse<String>> f : slow) {
                if (f.isDone()) {
                    assertEquals(429, f.get().statusCode());
                    assertEquals("1", f.get().headers().firstValue("Retry-After").orElse(null));
                    turnedAway++;
                }
            }
            assertEquals(slow.size() - LocalHttpApi.PER_STORY, turnedAway);
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> f : slow) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(LocalHttpApi.PER_STORY, slow.stream().filter(f -> f.join().statusCode() == 200).count(),
                    "the running ones finish once released");
        }
    }

    @Test
    void aRequestPastTheTimeoutIsAnswered504() throws Exception {
        try (LocalHttpApi api = new LocalHttpApi(0, handler, line -> { }, 500)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/stories/slow/report")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(504, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
            release.countDown();
        }
    }

    @Test
    void theStoryOfAPath() {
        assertEquals("xi-moscow-2023", LocalHttpApi.storyOf("/stories/xi-moscow-2023/report"));
        assertEquals("my%20story", LocalHttpApi.storyOf("/stories/my%20story"));
        assertNull(LocalHttpApi.storyOf("/stories"));
        assertNull(LocalHttpApi.storyOf("/stories/"));
        assertNull(LocalHttpApi.storyOf("/other"));
    }
}
