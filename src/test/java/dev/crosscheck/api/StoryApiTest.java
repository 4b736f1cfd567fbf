package dev.crosscheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryData;
import dev.crosscheck.store.StoryPage;
import dev.crosscheck.store.StoryRepository;
import dev.crosscheck.store.StorySummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API on its own, over an in-memory repository: parameters, pagination, formats and refusals. */
class StoryApiTest {

    /** Stories in name order, as the store keeps its registry. */
    static final class MemoryRepository implements StoryRepository {
        final TreeMap<String, StoryData> stories = new TreeMap<>();

        @Override
        public StoryPage listStories(int limit, String after) {
            List<StorySummary> page = new ArrayList<>();
            var rest = after == null ? stories : stories.tailMap(after, false);
            for (StoryData d : rest.values()) {
                if (page.size() == limit) {
                    return new StoryPage(page, page.get(page.size() - 1).story());
                }
                page.add(new StorySummary(d.story(), d.documents().size(), d.claims().size()));
            }
            return new StoryPage(page, null);
        }

        final Map<String, Long> versions = new HashMap<>();
        int loads;

        @Override
        public Optional<StoryData> loadStory(String story) {
            loads++;
            return Optional.ofNullable(stories.get(story));
        }

        @Override
        public long version(String story) {
            return versions.getOrDefault(story, 0L);
        }
    }

    private final MemoryRepository repository = new MemoryRepository();
    private final StoryApi api = new StoryApi(repository,
            new StoryComparator(Clock.fixed(Instant.parse("2023-03-25T00:00:00Z"), ZoneOffset.UTC)));

    StoryApiTest() {
        for (String name : List.of("quake", "alpha", "visit", "election", "flood")) {
            repository.stories.put(name, story(name));
        }
    }

    static StoryData story(String name) {
        StoredDocument a = doc(name, "a.txt", DocumentStatus.INGESTED, null);
        StoredDocument b = doc(name, "b.txt", DocumentStatus.INGESTED, null);
        StoredDocument c = doc(name, "c.bin", DocumentStatus.REJECTED, "not text: binary content");
        List<Claim> claims = List.of(
                claim(ClaimKind.COUNT, name + "/a.txt", "plan:points", "Plan: points", "points", "12"),
                claim(ClaimKind.COUNT, name + "/b.txt", "plan:points", "Plan: points", "points", "12"),
                claim(ClaimKind.DATE, name + "/a.txt", "arrival", "arrival", "date", "2023-03-20"),
                claim(ClaimKind.DATE, name + "/b.txt", "talks", "talks", "date", "2023-03"),
                claim(ClaimKind.DATE, name + "/b.txt", "arrival", "arrival", "date", "2023-03-20"));
        return new StoryData(name, List.of(a, b, c), claims);
    }

    private static StoredDocument doc(String story, String file, DocumentStatus status, String reason) {
        return new StoredDocument(story, story + "/" + file, status, reason, file.toUpperCase(), "P" + file,
                "metadata", "2023-03-21", "metadata", null, "v", "01", status == DocumentStatus.INGESTED ? 2 : 0,
                "2023-03-21T00:00:00Z");
    }

    private static Claim claim(ClaimKind kind, String source, String key, String subject, String attribute,
                               String value) {
        return new Claim(kind, key, subject, attribute, value, value, false, false, 0.9,
                new Evidence(source, "It was " + value + ".", 7, 7 + value.length(), 0));
    }

    private ApiResponse get(String path, Map<String, String> query) {
        return api.handle(new ApiRequest("GET", path, query, Map.of()));
    }

    private static JsonNode body(ApiResponse response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private static void assertProblem(ApiResponse response, int status, String parameter) throws Exception {
        assertEquals(status, response.status(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.contentType());
        JsonNode problem = body(response);
        assertEquals(status, problem.get("status").asInt());
        if (parameter != null) {
            assertEquals(parameter, problem.get("parameter").asText());
        }
        assertFalse(response.body().contains("at dev.crosscheck"), "no stack trace");
        assertTrue(response.body().length() < 1000, "a short problem: " + response.body().length());
    }

    @Test
    void aStoryRouteIsValidatedByTheStorysVersionAndItsReportComputedOncePerVersion() {
        repository.versions.put("visit", 3L);
        ApiResponse first = api.handle(new ApiRequest("GET", "/stories/visit/report", Map.of(), Map.of()));
        assertEquals(200, first.status());
        String etag = first.headers().get("ETag");
        assertTrue(etag != null && etag.startsWith("\"3-"), "the validator names the version: " + etag);
        assertEquals("3", first.headers().get("X-Story-Version"));
        int loads = repository.loads;

        ApiResponse again = api.handle(new ApiRequest("GET", "/stories/visit/report", Map.of(),
                Map.of("If-None-Match", etag)));
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().get("ETag"));
        assertEquals(loads, repository.loads, "a revalidation reads the version only, not the story");

        ApiResponse markdown = api.handle(new ApiRequest("GET", "/stories/visit/report", Map.of("format", "md"),
                Map.of("If-None-Match", etag)));
        assertEquals(200, markdown.status(), "another representation has a validator of its own");
        assertEquals(loads, repository.loads, "and the report computed for the version is used again");

        repository.versions.put("visit", 4L);
        ApiResponse changed = api.handle(new ApiRequest("GET", "/stories/visit/report", Map.of(),
                Map.of("If-None-Match", etag)));
        assertEquals(200, changed.status(), "a change of the story makes the old validator stale");
        assertEquals(loads + 1, repository.loads, "and the story is read again");

        repository.versions.remove("visit");
        assertNull(api.handle(new ApiRequest("GET", "/stories/visit/report", Map.of(), Map.of())).headers()
                .get("ETag"), "a story of unknown version gets no validator");
    }

    @Test
    void claimsAndSourcesComeInPagesLinkedByNext() throws Exception {
        ApiResponse first = api.handle(new ApiRequest("GET", "/stories/visit/sources", Map.of("limit", "2"), Map.of()));
        assertEquals(200, first.status(), first.body());
        JsonNode page = Json.MAPPER.readTree(first.body());
        assertEquals(2, page.get("sources").size());
        String next = page.get("next").asText();
        JsonNode last = Json.MAPPER.readTree(api.handle(new ApiRequest("GET",
                "/stories/visit/sources", Map.of("limit", "2", "next", next), Map.of())).body());
        assertEquals(1, last.get("sources").size());
        assertFalse(last.has("next"), "the last page has no next");

        JsonNode claims = Json.MAPPER.readTree(api.handle(new ApiRequest("GET",
                "/stories/visit/claims", Map.of("limit", "1"), Map.of())).body());
        assertTrue(claims.get("claims").size() >= 1);
        assertTrue(claims.get("claims").findValues("source").stream().map(n -> n.asText()).distinct().count() == 1,
                "one whole document per page at limit 1");
        assertTrue(claims.has("next"));

        ApiResponse foreign = api.handle(new ApiRequest("GET", "/stories/visit/claims",
                Map.of("next", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "quake/a.txt".getBytes(java.nio.charset.StandardCharsets.UTF_8))), Map.of()));
        assertEquals(400, foreign.status(), "a token of another story's document is refused");
        assertTrue(foreign.body().contains("\"parameter\":\"next\""), foreign.body());
        assertEquals(400, api.handle(new ApiRequest("GET", "/stories/visit/sources", Map.of("limit", "101"),
                Map.of())).status());
    }

    @Test
    void pagesThroughTheStoriesWithTheNextToken() throws Exception {
        List<String> seen = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
        int pages = 0;
        while (true) {
            JsonNode page = body(get("/stories", query));
            pages++;
            page.get("stories").forEach(s -> seen.add(s.get("story").asText()));
            if (!page.has("next")) {
                break;
            }
            query.put("next", page.get("next").asText());
        }
        assertEquals(List.of("alpha", "election", "flood", "quake", "visit"), seen);
        assertEquals(3, pages);
    }

    @Test
    void theDefaultPageHoldsFiftyStories() throws Exception {
        for (int i = 0; i < 60; i++) {
            repository.stories.put(String.format("s%02d", i), story(String.format("s%02d", i)));
        }
        JsonNode page = body(get("/stories", Map.of()));
        assertEquals(StoryApi.DEFAULT_LIMIT, page.get("stories").size());
        assertTrue(page.has("next"));
        JsonNode all = body(get("/stories", Map.of("limit", "100")));
        assertEquals(65, all.get("stories").size());
        assertFalse(all.has("next"));
    }

    @Test
    void theNextTokenIsBase64urlOfTheLastStoryOnThePage() throws Exception {
        JsonNode page = body(get("/stories", Map.of("limit", "1")));
        assertEquals("alpha", page.get("stories").get(0).get("story").asText());
        assertEquals(PageToken.encode("alpha"), page.get("next").asText());
        assertEquals("alpha", PageToken.decode(page.get("next").asText()));
        assertEquals("Zürich ü x", PageToken.decode(PageToken.encode("Zürich ü x")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit | 0",
        "limit | 101",
        "limit | -1",
        "limit | +5",
        "limit | 1.5",
        "limit | ten",
        "limit | ''",
        "limit | 99999999999999999999",
        "next  | ''",
        "next  | !!!",
        "next  | Li4",          // ".."
        "next  | YS9i",         // "a/b"
        "next  | AA",           // NUL
        "next  | _-8",          // not UTF-8
    })
    void aBadPageParameterIs400NamingIt(String parameter, String value) throws Exception {
        assertProblem(get("/stories", Map.of(parameter, value)), 400, parameter);
    }

    @Test
    void theReportRendersAsMarkdownOnRequest() throws Exception {
        ApiResponse md = get("/stories/visit/report", Map.of("format", "md"));
        assertEquals(200, md.status());
        assertEquals("text/markdown; charset=utf-8", md.contentType());
        assertTrue(md.body().startsWith("# Cross-source report: visit\n"), md.body());
        assertTrue(md.body().contains("### Plan: points\n"), md.body());

        ApiResponse json = get("/stories/visit/report", Map.of("format", "json"));
        assertEquals("application/json", json.contentType());
        assertEquals(body(get("/stories/visit/report", Map.of())), body(json));
    }

    @Test
    void theMarkdownReportIsFilteredLikeTheJsonOne() {
        String md = get("/stories/visit/report", Map.of("format", "md", "kind", "date")).body();
        assertFalse(md.contains("Plan: points"), md);
        assertTrue(md.contains("arrival"), md);
    }

    @Test
    void filtersTakeSeveralValuesSeparatedByCommas() throws Exception {
        JsonNode report = body(get("/stories/visit/report", Map.of("kind", "date,count")));
        JsonNode one = body(get("/stories/visit/report", Map.of("kind", "date")));
        assertTrue(report.get("findings").size() > one.get("findings").size());
        assertProblem(get("/stories/visit/report", Map.of("kind", "date,")), 400, "kind");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/stories/visit/report   | format  | html",
        "/stories/visit/report   | format  | MD",
        "/stories/visit/report   | kind    | counts",
        "/stories/visit/report   | verdict | maybe",
        "/stories/visit/report   | colour  | red",
        "/stories/visit/report   | limit   | 5",
        "/stories/visit/claims   | kind    | count",
        "/stories/visit/sources  | format  | md",
        "/stories/visit/timeline | from    | 2023",
        "/stories                | kind    | count",
    })
    void aParameterTheRouteDoesNotTakeIs400NamingIt(String path, String parameter, String value) throws Exception {
        assertProblem(get(path, Map.of(parameter, value)), 400, parameter);
    }

    @Test
    void theTimelineListsDatedEventsInOrderWithTheirSources() throws Exception {
        JsonNode timeline = body(get("/stories/visit/timeline", Map.of()));
        assertEquals("visit", timeline.get("story").asText());
        JsonNode events = timeline.get("events");
        assertEquals(2, events.size());
        assertEquals("2023-03", events.get(0).get("date").asText());
        assertEquals("month", events.get(0).get("precision").asText());
        assertEquals("2023-03-20", events.get(1).get("date").asText());
        assertEquals("arrival", events.get(1).get("subject").asText());
        assertEquals(List.of("visit/a.txt", "visit/b.txt"),
                Json.MAPPER.convertValue(events.get(1).get("sources"), List.class));
        assertEquals("It was 2023-03-20.", events.get(1).get("evidence").get(0).get("quote").asText());
    }

    @Test
    void sourcesIncludeRejectedDocumentsWithTheirReason() throws Exception {
        JsonNode sources = body(get("/stories/visit/sources", Map.of())).get("sources");
        assertEquals(3, sources.size());
        JsonNode rejected = sources.get(2);
        assertEquals("rejected", rejected.get("status").asText());
        assertEquals("not text: binary content", rejected.get("reason").asText());
        assertEquals("ingested", sources.get(0).get("status").asText());
        assertTrue(sources.get(0).get("reason").isNull());
        assertEquals("Pa.txt", sources.get(0).get("publisher").asText());
        assertEquals("2023-03-21", sources.get(0).get("published").asText());
        assertEquals("metadata", sources.get(0).get("publishedFrom").asText());
    }

    @Test
    void everyRouteOfTheStoryAnswers404ForAnUnknownStory() throws Exception {
        for (String route : StoryApi.routes()) {
            if (route.contains("{story}")) {
                assertProblem(get(route.substring(4).replace("{story}", "nowhere"), Map.of()), 404, null);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/stories/../report               | 400",
        "/stories/..%2F..%2Fetc/report    | 400",
        "/stories/%2e%2e/report           | 400",
        "/stories/visit%00/report         | 400",
        "/stories/%00/timeline            | 400",
        "/stories/visit%ZZ/report         | 400",
        "/stories/%FF%FE/report           | 400",
        "/stories/../../etc/passwd        | 404",
        "/stories/visit/report/../claims  | 404",
        "/etc/passwd                      | 404",
        "/                                | 404",
    })
    void hostilePathsAre4xxProblems(String path, int status) throws Exception {
        assertProblem(get(path, Map.of()), status, status == 400 ? "story" : null);
    }

    @Test
    void aTenKilobyteQueryIs400() throws Exception {
        String big = "x".repeat(10_240);
        assertProblem(get("/stories/visit/report", Map.of("kind", big)), 400, "kind");
        assertProblem(get("/stories", Map.of("next", big)), 400, "next");
        ApiResponse unknownName = get("/stories/visit/report", Map.of(big, "1"));
        assertProblem(unknownName, 400, null);
        assertTrue(body(unknownName).get("parameter").asText().startsWith("xxxx"));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            many.put("p" + i, "v");
        }
        assertProblem(get("/stories", many), 400, "p0");
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            ApiResponse response = api.handle(new ApiRequest(method, "/stories/visit/timeline", Map.of(), Map.of()));
            assertProblem(response, 405, null);
            assertEquals("GET, HEAD", response.headers().get("Allow"));
        }
        assertEquals(200, api.handle(new ApiRequest("HEAD", "/stories", Map.of(), Map.of())).status());
    }

    @Test
    void aFailingStoreIs500WithoutDetails() throws Exception {
        StoryApi broken = new StoryApi(new StoryRepository() {
            @Override
            public StoryPage listStories(int limit, String after) {
                throw new IllegalStateException("table crosscheck-claims is gone");
            }

            @Override
            public Optional<StoryData> loadStory(String story) {
                throw new IllegalStateException("table crosscheck-claims is gone");
            }
        }, new StoryComparator());
        ApiResponse response = broken.handle(new ApiRequest("GET", "/stories", Map.of(), Map.of()));
        assertProblem(response, 500, null);
        assertFalse(response.body().contains("crosscheck-claims"));
        assertNull(body(response).get("parameter"));
    }
}
