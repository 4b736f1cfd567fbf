package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.json.Json;
import dev.crosscheck.support.ReportContract;
import dev.crosscheck.support.Seeds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The embedded stack end to end, as a user drives it: writes and deletes through the S3 API, reads through the HTTP
 * API, with the bucket events in between delivered to the ingest function by the stack itself.
 */
class LocalStackIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private final List<String> log = new ArrayList<>();

    private LocalStack start() throws Exception {
        return LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add));
    }

    @Test
    void uploadOverwriteAndDeleteThroughS3ShowInTheReport() throws Exception {
        try (LocalStack stack = start()) {
            for (String name : Seeds.FILES) {
                Seeds.upload(stack.s3(), stack.bucket(), Seeds.STORY + "/" + name, name);
            }
            JsonNode report = awaitJson(stack, "/stories/" + Seeds.STORY + "/report",
                    r -> r.get("sources").size() == 2);
            assertEquals(java.util.Set.of(), ReportContract.violations(report));
            assertTrue(twelvePointsFrom(report, 2), report.toPrettyString());
            reportFormatsFiltersAndTimelineOverHttp(stack);

            // Overwrite the ANI article with one that says nothing about the plan: the agreement loses a source.
            stack.s3().putObject(b -> b.bucket(stack.bucket()).key(Seeds.STORY + "/" + Seeds.ANI)
                            .metadata(java.util.Map.of("published", "2023-03-23", "publisher", "ANI")),
                    RequestBody.fromString("Xi Jinping left Moscow on Wednesday.\n"));
            report = awaitJson(stack, "/stories/" + Seeds.STORY + "/report", r -> twelvePointsFrom(r, 1));
            assertEquals(2, report.get("sources").size());

            stack.s3().deleteObject(b -> b.bucket(stack.bucket()).key(Seeds.STORY + "/" + Seeds.UPI));
            JsonNode sources = awaitJson(stack, "/stories/" + Seeds.STORY + "/sources",
                    r -> r.get("sources").size() == 1);
            assertEquals(Seeds.STORY + "/" + Seeds.ANI, sources.get("sources").get(0).get("id").asText());
        }
    }

    /** What the local HTTP server passes on: Markdown, a repeated parameter, the timeline, a 10 KB query. */
    private static void reportFormatsFiltersAndTimelineOverHttp(LocalStack stack) throws Exception {
        String report = stack.apiEndpoint() + "/stories/" + Seeds.STORY + "/report";
        HttpResponse<String> md = HTTP.send(HttpRequest.newBuilder(URI.create(report + "?format=md")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, md.statusCode());
        assertEquals("text/markdown; charset=utf-8", md.headers().firstValue("Content-Type").orElse(null));
        assertTrue(md.body().startsWith("# Cross-source report: " + Seeds.STORY + "\n"), md.body());

        JsonNode filtered = get(stack, "/stories/" + Seeds.STORY + "/report?kind=count&kind=date").body();
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        filtered.get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
        assertEquals(java.util.Set.of("count", "date"), kinds, "a repeated parameter filters by both values");

        Reply timeline = get(stack, "/stories/" + Seeds.STORY + "/timeline");
        assertEquals(200, timeline.status());
        assertTrue(timeline.body().get("events").size() > 0, timeline.body().toString());

        HttpResponse<String> longQuery = HTTP.send(HttpRequest.newBuilder(URI.create(
                        stack.apiEndpoint() + "/stories?next=" + "A".repeat(10_240))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(longQuery.statusCode() >= 400 && longQuery.statusCode() < 500, longQuery.body());
    }

    @Test
    void aRestartKeepsTheDataAndIngestsNothingAgain() throws Exception {
        try (LocalStack stack = start()) {
            Seeds.upload(stack.s3(), stack.bucket(), Seeds.STORY + "/" + Seeds.UPI, Seeds.UPI);
            awaitJson(stack, "/stories", r -> r.get("stories").size() == 1);
        }
        try (LocalStack stack = start()) {
            JsonNode stories = get(stack, "/stories").body();
            assertEquals(1, stories.get("stories").get(0).get("documents").asInt());
            assertEquals(1, stack.s3().listObjectsV2(b -> b.bucket(stack.bucket())).keyCount());
        }
    }

    @Test
    void httpErrorsAreProblemDocuments() throws Exception {
        try (LocalStack stack = start()) {
            Reply missing = get(stack, "/stories/nothing-here/report");
            assertEquals(404, missing.status());
            assertEquals("application/problem+json", missing.contentType());

            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiEndpoint() + "/stories"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (LocalStack stack = start()) {
            assertTrue(stack.s3Endpoint().startsWith("http://127.0.0.1:"));
            assertTrue(stack.apiEndpoint().startsWith("http://127.0.0.1:"));
        }
    }

    private static boolean twelvePointsFrom(JsonNode report, int sources) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("kind").asText().equals("count")) {
                for (JsonNode v : f.get("values")) {
                    if (v.get("value").asText().equals("12") && v.get("sources").size() == sources
                            && f.get("key").asText().contains("china")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    private static Reply get(LocalStack stack, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiEndpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                Json.MAPPER.readTree(r.body()));
    }

    /** Polls the HTTP API until the condition holds: events are delivered asynchronously, as in AWS. */
    private JsonNode awaitJson(LocalStack stack, String path, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            last = get(stack, path);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 10 s on " + path + ": "
                + (last == null ? "no reply" : last.status() + " " + last.body()) + "\nlog: " + log);
    }
}
