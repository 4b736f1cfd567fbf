package dev.crosscheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.ObjectEvent;
import dev.crosscheck.json.Json;
import dev.crosscheck.reports.ReportComputation;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.ReportArchive;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The API serving stored reports (as deployed): never computing one, saying which version it serves and whether a
 * newer one is pending, answering 202 before a story's first report, linking to a file too large to answer inline.
 */
class StoredReportsApiTest {

    private static final String ARTICLES = "crosscheck-articles";
    private static final String STORY = Seeds.STORY;

    private S3Client s3;
    private ClaimStore store;
    private ReportArchive archive;
    private ReportComputation computation;
    private int requests;

    @BeforeEach
    void setUp() throws Exception {
        s3 = Emulators.s3();
        Seeds.ensureBucket(s3, ARTICLES);
        String reports = Emulators.uniqueName("reports");
        s3.createBucket(b -> b.bucket(reports));
        String table = Emulators.uniqueName("claims");
        new ClaimStore(Emulators.dynamoDb(), table).createTableIfMissing();
        store = new ClaimStore(Emulators.dynamoDb(), table, story -> requests++, Clock.systemUTC());
        URI endpoint = s3.serviceClientConfiguration().endpointOverride().orElseThrow();
        dev.crosscheck.store.S3Links presigner = new dev.crosscheck.store.S3Links(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "us-east-1", endpoint);
        archive = new ReportArchive(s3, presigner, reports, store);
        computation = new ReportComputation(store, archive, new StoryComparator());
        long sequencer = 1;
        for (String seed : Seeds.FILES) {
            Seeds.upload(s3, ARTICLES, STORY + "/" + seed, seed);
            new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()).apply(new ObjectEvent(
                    ObjectEvent.Type.CREATED, ARTICLES, STORY + "/" + seed, String.format("%016X", sequencer++),
                    "2023-03-21T12:00:00Z"));
        }
    }

    private static ApiResponse get(StoryApi api, String path, Map<String, String> query, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return api.handle(new ApiRequest("GET", path, query, h));
    }

    /** A story whose documents are all removed has ended: it leaves the list, and its routes answer 404. */
    @Test
    void aStoryWhoseDocumentsAreAllRemovedEndsAndComesBackWithADocument() throws Exception {
        StoryApi api = new StoryApi(store, archive);
        computation.compute(STORY);
        String other = Emulators.uniqueName("zz-other"); // listed after the story that ends
        Seeds.upload(s3, ARTICLES, other + "/" + Seeds.FILES.get(0), Seeds.FILES.get(0));
        new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()).apply(new ObjectEvent(
                ObjectEvent.Type.CREATED, ARTICLES, other + "/" + Seeds.FILES.get(0), "01", null));
        assertEquals(200, get(api, "/stories/" + STORY + "/report", Map.of()).status());

        long sequencer = 100;
        for (String seed : Seeds.FILES) {
            s3.deleteObject(b -> b.bucket(ARTICLES).key(STORY + "/" + seed));
            new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()).apply(new ObjectEvent(
                    ObjectEvent.Type.REMOVED, ARTICLES, STORY + "/" + seed, String.format("%016X", sequencer++),
                    null));
        }
        ApiResponse stale = get(api, "/stories/" + STORY + "/report", Map.of());
        assertEquals(200, stale.status(), "until its last change is computed, the stored report is served");
        assertEquals("true", stale.headers().get("X-Report-Pending"), "and said to be stale");
        computation.compute(STORY);
        for (String route : List.of("", "/report", "/report.html", "/timeline", "/claims", "/sources", "/link")) {
            ApiResponse answer = get(api, "/stories/" + STORY + route, Map.of());
            assertEquals(404, answer.status(), route + ": " + answer.body());
        }
        Set<String> listed = new java.util.HashSet<>();
        Json.MAPPER.readTree(get(api, "/stories", Map.of()).body()).get("stories")
                .forEach(st -> listed.add(st.get("story").asText()));
        assertEquals(Set.of(other), listed, "the ended story is not listed; the other is");
        // pages of one story skip the ended one without coming up short
        JsonNode page = Json.MAPPER.readTree(get(api, "/stories", Map.of("limit", "1")).body());
        assertEquals(other, page.get("stories").get(0).get("story").asText());
        assertTrue(page.path("next").isNull() || page.path("next").isMissingNode(), page.toString());

        Seeds.upload(s3, ARTICLES, STORY + "/" + Seeds.FILES.get(0), Seeds.FILES.get(0));
        new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()).apply(new ObjectEvent(
                ObjectEvent.Type.CREATED, ARTICLES, STORY + "/" + Seeds.FILES.get(0),
                String.format("%016X", sequencer++), null));
        computation.compute(STORY);
        assertEquals(200, get(api, "/stories/" + STORY + "/report", Map.of()).status(), "a new document brings it back");
    }

    @Test
    void beforeItsFirstReportAStoryAnswers202WithRetryAfterAndAnUnknownOne404() throws Exception {
        StoryApi api = new StoryApi(store, archive);
        ApiResponse pending = get(api, "/stories/" + STORY + "/report", Map.of());
        assertEquals(202, pending.status());
        assertEquals("2", pending.headers().get("Retry-After"));
        assertEquals("true", pending.headers().get("X-Report-Pending"));
        assertNull(pending.headers().get("ETag"), "nothing to validate yet");
        assertEquals(Set.of(), schema("ReportPending").validate(Json.MAPPER.readTree(pending.body())));
        assertEquals(202, get(api, "/stories/" + STORY, Map.of(), "accept", "text/html").status());
        assertEquals(404, get(api, "/stories/no-such-story/report", Map.of()).status());
        // claims and sources are read from the table, report or not
        assertEquals(200, get(api, "/stories/" + STORY + "/claims", Map.of()).status());
    }

    @Test
    void everyRenderingIsServedAsStoredWithItsVersionAndAnETag() throws Exception {
        computation.compute(STORY);
        long version = store.reportState(STORY).orElseThrow().version();
        StoryApi api = new StoryApi(store, archive);
        StoryApi computing = new StoryApi(store, new StoryComparator());

        ApiResponse json = get(api, "/stories/" + STORY + "/report", Map.of());
        assertEquals(200, json.status());
        assertEquals(Long.toString(version), json.headers().get("X-Story-Version"));
        assertEquals("false", json.headers().get("X-Report-Pending"));
        assertEquals(Json.MAPPER.readTree(get(computing, "/stories/" + STORY + "/report", Map.of()).body())
                .get("findings"), Json.MAPPER.readTree(json.body()).get("findings"));
        ApiResponse md = get(api, "/stories/" + STORY + "/report", Map.of("format", "md"));
        assertEquals(StoryApi.MARKDOWN, md.headers().get("Content-Type"));
        assertTrue(md.body().startsWith("# "), md.body().substring(0, 40));
        ApiResponse timeline = get(api, "/stories/" + STORY + "/timeline", Map.of());
        assertEquals(get(computing, "/stories/" + STORY + "/timeline", Map.of()).body(), timeline.body());

        // the page's links are relative to the URL it is served at
        ApiResponse page = get(api, "/stories/" + STORY + "/report.html", Map.of());
        assertTrue(page.body().contains("action=\"./report.html\""));
        assertTrue(page.headers().get("Content-Security-Policy").contains("default-src 'none'"));
        ApiResponse storyPage = get(api, "/stories/" + STORY, Map.of(), "accept", "text/html");
        assertTrue(storyPage.body().contains("action=\"./" + STORY + "/report.html\""));
        assertTrue(storyPage.body().contains("href=\"./" + STORY + "/report?format=md\""));
        for (ApiResponse r : List.of(page, storyPage)) {
            assertFalse(r.body().contains("crosscheck-page-base"), "no placeholder left");
        }
        // the same page as the computing API renders, but for its time of generation
        assertEquals(get(computing, "/stories/" + STORY + "/report.html", Map.of()).body()
                .replaceAll("Generated [^ ]+ by", ""), page.body().replaceAll("Generated [^ ]+ by", ""));

        // a validator the client sends back: 304, without reading the stored file
        ApiResponse again = get(api, "/stories/" + STORY + "/report", Map.of(), "If-None-Match",
                json.headers().get("ETag"));
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(Long.toString(version), again.headers().get("X-Story-Version"));
        assertTrue(!json.headers().get("ETag").equals(md.headers().get("ETag")), "one validator per rendering");
    }

    @Test
    void filtersAreAppliedToTheStoredReport() throws Exception {
        computation.compute(STORY);
        StoryApi api = new StoryApi(store, archive);
        StoryApi computing = new StoryApi(store, new StoryComparator());
        for (Map<String, String> query : List.of(Map.of("verdict", "agreement"), Map.of("kind", "count,date"),
                Map.of("verdict", "single-source", "format", "md"))) {
            ApiResponse stored = get(api, "/stories/" + STORY + "/report", query);
            ApiResponse computed = get(computing, "/stories/" + STORY + "/report", query);
            assertEquals(200, stored.status(), query.toString());
            if (query.containsKey("format")) {
                assertEquals(computed.body().replaceAll("\\(generated [^)]*\\)", ""),
                        stored.body().replaceAll("\\(generated [^)]*\\)", ""), query.toString());
            } else {
                assertEquals(Json.MAPPER.readTree(computed.body()).get("findings"),
                        Json.MAPPER.readTree(stored.body()).get("findings"), query.toString());
            }
        }
        ApiResponse page = get(api, "/stories/" + STORY + "/report.html", Map.of("verdict", "agreement"));
        assertEquals(200, page.status());
        assertEquals(get(computing, "/stories/" + STORY + "/report.html", Map.of("verdict", "agreement")).body()
                .replaceAll("Generated [^ ]+ by", ""), page.body().replaceAll("Generated [^ ]+ by", ""));
        assertEquals(400, get(api, "/stories/" + STORY + "/report", Map.of("verdict", "maybe")).status());
    }

    @Test
    void whoeverMayCallTheApiMayHandOutALinkToTheStoredPage() throws Exception {
        StoryApi api = new StoryApi(store, archive);
        assertEquals(202, get(api, "/stories/" + STORY + "/link", Map.of()).status(), "no report yet");
        computation.compute(STORY);

        ApiResponse response = get(api, "/stories/" + STORY + "/link", Map.of("minutes", "15"));

        assertEquals(200, response.status());
        assertEquals("no-store", response.headers().get("Cache-Control"));
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(Set.of(), schema("ReportLink").validate(body));
        assertEquals(900, body.get("expiresInSeconds").asInt());
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(body.get("href").asText())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().startsWith("<!DOCTYPE html>") && page.body().contains("<h1>" + STORY + "</h1>"));
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElse("").replace(" ", ""),
                "a browser shows the page, not a download");
        JsonNode json = Json.MAPPER.readTree(get(api, "/stories/" + STORY + "/link", Map.of("file", "json")).body());
        assertEquals("report.json", json.get("file").asText());
        for (Map<String, String> bad : List.of(Map.of("file", "pdf"), Map.of("minutes", "61"),
                Map.of("minutes", "0"), Map.of("minutes", "ten"))) {
            ApiResponse refused = get(api, "/stories/" + STORY + "/link", bad);
            assertEquals(400, refused.status(), bad.toString());
            assertEquals(bad.keySet().iterator().next(), Json.MAPPER.readTree(refused.body()).get("parameter").asText());
        }
        assertEquals(404, get(api, "/stories/nowhere/link", Map.of()).status());
    }

    private static com.networknt.schema.JsonSchema schema(String name) {
        return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(com.networknt.schema.SchemaLocation.of("classpath:openapi.json#/components/schemas/" + name));
    }

    @Test
    void aFileTooLargeToAnswerInlineIsLinkedToAndTheLinkServesIt() throws Exception {
        computation.compute(STORY);
        StoryApi api = new StoryApi(store, archive, 1_000);

        ApiResponse response = get(api, "/stories/" + STORY + "/report", Map.of());

        assertEquals(303, response.status());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(Set.of(), schema("StoredFileLink").validate(body));
        String location = response.headers().get("Location");
        assertEquals(location, body.get("href").asText());
        assertEquals("report.json", body.get("file").asText());
        assertTrue(body.get("bytes").asLong() > 1_000);
        assertTrue(location.contains("X-Amz-Signature=") && location.contains("X-Amz-Expires=900"), location);
        HttpResponse<String> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode());
        assertEquals(Json.MAPPER.readTree(new StoryApi(store, archive).handle(new ApiRequest("GET",
                "/stories/" + STORY + "/report", Map.of(), Map.of())).body()), Json.MAPPER.readTree(fetched.body()));
        // a filtered answer still too large is refused with the way to all of it
        ApiResponse filtered = get(api, "/stories/" + STORY + "/report", Map.of("kind", "count"));
        assertEquals(413, filtered.status());
        assertTrue(filtered.body().contains("without filters"), filtered.body());
    }
}
