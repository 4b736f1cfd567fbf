package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.ObjectEvent;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.ReportContract;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The comparison function fed the HTTP API events in events/, reading what the ingest path stored in DynamoDB Local. */
class CompareHandlerTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String REJECTED = Seeds.STORY + "/photo.txt";
    private static final String FOLLOW_UP = Seeds.STORY + "-follow-up";
    private static CompareHandler handler;

    @BeforeAll
    static void ingestSeeds() throws Exception {
        S3Client s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        ClaimStore store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());
        long sequencer = 1;
        for (String name : Seeds.FILES) {
            String key = Seeds.STORY + "/" + name;
            Seeds.upload(s3, BUCKET, key, name);
            ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, key, Long.toHexString(sequencer++), null));
        }
        // a picture saved with the wrong extension: recorded as rejected, with its reason
        byte[] png = new byte[256];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        s3.putObject(b -> b.bucket(BUCKET).key(REJECTED), RequestBody.fromBytes(png));
        ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, REJECTED, Long.toHexString(sequencer++), null));
        // a second story, after the first in name order, for the story list's pages
        String followUp = FOLLOW_UP + "/" + Seeds.ANI;
        Seeds.upload(s3, BUCKET, followUp, Seeds.ANI);
        ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, followUp, Long.toHexString(sequencer++), null));
        handler = new CompareHandler(new StoryApi(store, new StoryComparator()));
    }

    private static APIGatewayV2HTTPResponse call(String eventFile) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void listsStoriesWithTheirDocumentCounts() throws Exception {
        APIGatewayV2HTTPResponse response = call("events/http-stories.json");

        assertEquals(200, response.getStatusCode());
        JsonNode stories = body(response).get("stories");
        assertEquals(2, stories.size());
        JsonNode story = stories.get(0);
        assertEquals(Seeds.STORY, story.get("story").asText());
        assertEquals(3, story.get("documents").asInt(), "two articles and a rejected document");
        assertTrue(story.get("claims").asInt() > 0);
        assertEquals(FOLLOW_UP, stories.get(1).get("story").asText());
        assertFalse(body(response).has("next"));
    }

    @Test
    void theStoryListComesInPagesLinkedByNext() throws Exception {
        APIGatewayV2HTTPResponse first = call("events/http-stories-page.json");
        assertEquals(200, first.getStatusCode());
        JsonNode page = body(first);
        assertEquals(1, page.get("stories").size());
        assertEquals(Seeds.STORY, page.get("stories").get(0).get("story").asText());
        // the event asks for the page after the token this page returned
        assertEquals(page.get("next").asText(),
                EventLoader.loadApiGatewayHttpEvent("events/http-stories-next.json").getQueryStringParameters()
                        .get("next"));

        JsonNode second = body(call("events/http-stories-next.json"));
        assertEquals(1, second.get("stories").size());
        assertEquals(FOLLOW_UP, second.get("stories").get(0).get("story").asText());
        assertEquals(1, second.get("stories").get(0).get("documents").asInt());
        assertFalse(second.has("next"), "the last page has no next");
    }

    @Test
    void aBadLimitOrNextIs400NamingIt() throws Exception {
        assertProblem(call("events/http-stories-bad-limit.json"), 400, "limit");
        assertProblem(call("events/http-stories-bad-next.json"), 400, "next");
    }

    @Test
    void theReportAsMarkdown() throws Exception {
        APIGatewayV2HTTPResponse response = call("events/http-report-markdown.json");

        assertEquals(200, response.getStatusCode());
        assertEquals("text/markdown; charset=utf-8", response.getHeaders().get("Content-Type"));
        String md = response.getBody();
        assertTrue(md.startsWith("# Cross-source report: " + Seeds.STORY + "\n"), md);
        assertTrue(md.contains("## Agreements"), md);
        assertFalse(md.contains("photo.txt"), "a rejected document is no source of the report");
    }

    @Test
    void anUnknownReportParameterIs400NamingIt() throws Exception {
        assertProblem(call("events/http-report-unknown-parameter.json"), 400, "sort");
    }

    @Test
    void aTenKilobyteQueryStringIs400() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/http-report-long-query.json");
        assertTrue(event.getRawQueryString().length() >= 10_000);
        assertProblem(handler.handleRequest(event, null), 400, "kind");
    }

    @Test
    void theTimelineListsDatedEventsInOrderWithWhoReportsThem() throws Exception {
        APIGatewayV2HTTPResponse response = call("events/http-timeline.json");

        assertEquals(200, response.getStatusCode());
        JsonNode events = body(response).get("events");
        assertFalse(events.isEmpty());
        String previous = "";
        for (JsonNode e : events) {
            assertFalse(e.get("subject").asText().isBlank());
            assertFalse(e.get("sources").isEmpty());
            assertEquals(e.get("sources").size(), distinctSources(e.get("evidence")));
            for (JsonNode m : e.get("evidence")) {
                assertFalse(m.get("quote").asText().isBlank());
            }
            // the seeds give days: day values sort as text too
            if (e.get("precision").asText().equals("day")) {
                assertTrue(previous.compareTo(e.get("date").asText()) <= 0, previous + " before " + e);
                previous = e.get("date").asText();
            }
        }
    }

    private static long distinctSources(JsonNode evidence) {
        java.util.Set<String> sources = new java.util.HashSet<>();
        evidence.forEach(m -> sources.add(m.get("source").asText()));
        return sources.size();
    }

    @Test
    void anotherMethodIs405WithAllow() throws Exception {
        APIGatewayV2HTTPResponse response = call("events/http-method-not-allowed.json");
        assertProblem(response, 405, null);
        assertEquals("GET, HEAD", response.getHeaders().get("Allow"));
    }

    @Test
    void hostileStoryNamesAre400() throws Exception {
        assertProblem(call("events/http-story-traversal.json"), 400, "story");
        assertProblem(call("events/http-story-nul.json"), 400, "story");
    }

    @Test
    void aBrowserAskingForTheStoryGetsTheReportPageWithItsSecurityHeaders() {
        APIGatewayV2HTTPResponse response = call("events/http-story-page.json");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        String csp = response.getHeaders().get("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'none';") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertEquals("no-referrer", response.getHeaders().get("Referrer-Policy"));
        String html = response.getBody();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<h1>" + Seeds.STORY + "</h1>"), html);
        assertTrue(html.contains("photo.txt"), "the rejected document is listed");
        assertTrue(html.contains("action=\"./" + Seeds.STORY + "/report.html\""), "filters go to the page's own URL");
    }

    @Test
    void headOfTheFilteredPageHasTheHeadersAndNoBody() {
        APIGatewayV2HTTPResponse response = call("events/http-report-page-head.json");

        assertEquals(200, response.getStatusCode());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertTrue(response.getHeaders().containsKey("Content-Security-Policy"));
        assertEquals("", response.getBody());
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String parameter)
            throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        JsonNode problem = body(response);
        assertEquals(status, problem.get("status").asInt());
        if (parameter != null) {
            assertEquals(parameter, problem.get("parameter").asText());
        }
        assertFalse(response.getBody().contains("Exception"), "no stack trace: " + response.getBody());
    }

    @Test
    void theReportFollowsTheContractAndBothSeedsAgreeOnTwelvePoints() throws Exception {
        APIGatewayV2HTTPResponse response = call("events/http-report.json");

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode report = body(response);
        assertEquals(java.util.Set.of(), ReportContract.violations(report));
        assertEquals(2, report.get("sources").size());
        boolean twelvePoints = false;
        for (JsonNode f : report.get("findings")) {
            if (f.get("verdict").asText().equals("agreement") && f.get("kind").asText().equals("count")
                    && f.get("values").get(0).get("value").asText().equals("12")
                    && f.get("values").get(0).get("sources").size() == 2) {
                twelvePoints = true;
            }
        }
        assertTrue(twelvePoints, "no 12-point agreement of both seeds in " + report.toPrettyString());
    }

    @Test
    void filtersTheReportByKindAndVerdict() throws Exception {
        JsonNode report = body(call("events/http-report-filtered.json"));

        assertFalse(report.get("findings").isEmpty());
        for (JsonNode f : report.get("findings")) {
            assertEquals("count", f.get("kind").asText());
            assertEquals("agreement", f.get("verdict").asText());
        }
        assertEquals(report.get("findings").size(), report.get("summary").get("agreements").asInt());
    }

    @Test
    void listsClaimsWithTheirEvidence() throws Exception {
        JsonNode claims = body(call("events/http-claims.json")).get("claims");

        assertTrue(claims.size() > 2);
        for (JsonNode c : claims) {
            assertFalse(c.get("evidence").get("quote").asText().isBlank());
        }
    }

    @Test
    void listsSourcesWithStatusAndWhereThePublicationDateCameFrom() throws Exception {
        JsonNode sources = body(call("events/http-sources.json")).get("sources");

        assertEquals(3, sources.size());
        int ingested = 0;
        for (JsonNode s : sources) {
            if (s.get("id").asText().equals(REJECTED)) {
                assertEquals("rejected", s.get("status").asText());
                assertTrue(s.get("reason").asText().startsWith("binary content"), s.toString());
                assertEquals(0, s.get("claims").asInt());
                continue;
            }
            ingested++;
            assertEquals("ingested", s.get("status").asText());
            assertTrue(s.get("reason").isNull());
            assertEquals("metadata", s.get("publishedFrom").asText());
            assertFalse(s.get("publisher").asText().isBlank());
            assertTrue(s.get("published").asText().matches("\\d{4}-\\d{2}-\\d{2}"), s.toString());
            assertTrue(s.get("claims").asInt() > 0);
        }
        assertEquals(2, ingested);
    }

    @Test
    void anUnknownStoryIs404ProblemJson() throws Exception {
        APIGatewayV2HTTPResponse response = call("events/http-unknown-story.json");

        assertEquals(404, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals(404, body(response).get("status").asInt());
    }

    @Test
    void aBadParameterIs400NamingTheParameter() throws Exception {
        APIGatewayV2HTTPResponse response = call("events/http-bad-parameter.json");

        assertEquals(400, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals("verdict", body(response).get("parameter").asText());
    }
}
