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
import software.amazon.awssdk.services.s3.S3Client;

/** The comparison function fed the HTTP API events in events/, reading what the ingest path stored in DynamoDB Local. */
class CompareHandlerTest {

    private static final String BUCKET = "crosscheck-articles";
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
        JsonNode story = body(response).get("stories").get(0);
        assertEquals(Seeds.STORY, story.get("story").asText());
        assertEquals(2, story.get("documents").asInt());
        assertTrue(story.get("claims").asInt() > 0);
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

        assertEquals(2, sources.size());
        for (JsonNode s : sources) {
            assertEquals("ingested", s.get("status").asText());
            assertEquals("metadata", s.get("publishedFrom").asText());
        }
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
