package dev.crosscheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.json.Json;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The report page's two routes: the page itself, and the story's URL answering browsers with it. */
class ReportPageRouteTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final StoryApi api;

    ReportPageRouteTest() {
        StoryApiTest.MemoryRepository repository = new StoryApiTest.MemoryRepository();
        repository.stories.put("s", StoryApiTest.story("s"));
        api = new StoryApi(repository, new StoryComparator());
    }

    private ApiResponse get(String path, Map<String, String> query, String accept) {
        Map<String, String> headers = new HashMap<>();
        if (accept != null) {
            headers.put("accept", accept);
        }
        return api.handle(new ApiRequest("GET", path, query, headers));
    }

    private static void assertPage(ApiResponse response) {
        assertEquals(200, response.status(), response.body());
        assertEquals("text/html; charset=utf-8", response.contentType());
        assertTrue(response.headers().get("Content-Security-Policy").contains("default-src 'none'"));
        assertEquals("nosniff", response.headers().get("X-Content-Type-Options"));
        assertEquals("no-referrer", response.headers().get("Referrer-Policy"));
        assertEquals("Accept", response.headers().get("Vary"));
        assertEquals("s", Jsoup.parse(response.body()).selectFirst("h1").text());
    }

    private static void assertProblem(ApiResponse response, int status, String parameter) throws Exception {
        assertEquals(status, response.status(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.contentType());
        if (parameter != null) {
            assertEquals(parameter, Json.MAPPER.readTree(response.body()).get("parameter").asText());
        }
    }

    @Test
    void reportHtmlIsThePageWhateverTheClientAccepts() {
        assertPage(get("/stories/s/report.html", Map.of(), null));
        assertPage(get("/stories/s/report.html", Map.of(), "application/json"));
    }

    @Test
    void theStoryUrlIsThePageForClientsThatAcceptHtml() throws Exception {
        ApiResponse page = get("/stories/s", Map.of(), BROWSER);
        assertPage(page);
        Document doc = Jsoup.parse(page.body());
        assertEquals("./s/report.html", doc.getElementById("filters").attr("action"),
                "relative to /stories/s, the form reaches /stories/s/report.html");
        assertEquals("./report.html", Jsoup.parse(get("/stories/s/", Map.of(), BROWSER).body())
                .getElementById("filters").attr("action"), "relative to /stories/s/");
        assertPage(get("/stories/s", Map.of(), "application/xhtml+xml"));

        for (String accept : new String[] {null, "*/*", "application/json", "text/html;q=0", "text/plain"}) {
            ApiResponse notHtml = get("/stories/s", Map.of(), accept);
            assertProblem(notHtml, 404, null);
            assertEquals("Accept", notHtml.headers().get("Vary"), "caches keep the page and the 404 apart");
        }
        assertProblem(get("/stories/nope", Map.of(), BROWSER), 404, null);
        assertProblem(get("/stories/s", Map.of("kind", "count"), BROWSER), 400, "kind");
    }

    @Test
    void aStoryNameThatLooksLikeASchemeStaysAPath() {
        StoryApiTest.MemoryRepository repository = new StoryApiTest.MemoryRepository();
        repository.stories.put("javascript:alert(1)", StoryApiTest.story("javascript:alert(1)"));
        ApiResponse page = new StoryApi(repository, new StoryComparator()).handle(new ApiRequest("GET",
                "/stories/javascript:alert(1)", Map.of(), Map.of("accept", BROWSER)));
        assertEquals(200, page.status(), page.body());
        assertEquals("./javascript:alert(1)/report.html",
                Jsoup.parse(page.body()).getElementById("filters").attr("action"));
    }

    @Test
    void filtersAreCheckedLikeTheReportsAndAnEmptyOneMeansAll() throws Exception {
        Document filtered = Jsoup.parse(get("/stories/s/report.html", Map.of("kind", "date"), null).body());
        assertFalse(filtered.select("article.finding[data-kind=date]").isEmpty());
        filtered.select("article.finding").forEach(a ->
                assertEquals(!a.attr("data-kind").equals("date"), a.hasAttr("hidden"), a.outerHtml()));

        Document all = Jsoup.parse(get("/stories/s/report.html", Map.of("kind", "", "verdict", ""), null).body());
        assertTrue(all.select("article.finding[hidden]").isEmpty());

        assertProblem(get("/stories/s/report.html", Map.of("kind", "colour"), null), 400, "kind");
        assertProblem(get("/stories/s/report.html", Map.of("verdict", "maybe"), null), 400, "verdict");
        assertProblem(get("/stories/s/report.html", Map.of("format", "md"), null), 400, "format");
        assertProblem(get("/stories/nope/report.html", Map.of(), null), 404, null);
        assertProblem(api.handle(new ApiRequest("POST", "/stories/s/report.html", Map.of(), Map.of())), 405, null);
    }

    @Test
    void thePageListsTheRejectedDocumentWithItsReason() {
        Document doc = Jsoup.parse(get("/stories/s/report.html", Map.of(), null).body());
        assertEquals("c.bin: not text: binary content", doc.selectFirst("#sources ul.rejected li").text());
        assertEquals(2, doc.select("#sources tbody tr").size());
    }
}
