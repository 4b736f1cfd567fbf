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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The comparison function on a story whose outlets report two agencies that disagree, one of them through a
 * republished wire story: API Gateway events from events/, the S3 and DynamoDB emulators, the real ingest.
 */
class DisputedReportHandlerTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String STORY = "atlas-quake-2023";
    private static final String WIRE = "RABAT, Sept 9 (Harbor Wire) - A powerful earthquake struck the High Atlas "
            + "mountains late on Friday, flattening villages of mud brick and stone south of Marrakech. The U.S. "
            + "Geological Survey put the magnitude at 6.8, while Morocco's National Institute of Geophysics said it "
            + "measured 7.0.\n\nRescue teams worked through the night with shovels and bare hands, and the army "
            + "opened roads blocked by fallen rock so that ambulances could reach the worst hit valleys.\n\n"
            + "Hospitals in Marrakech asked residents to give blood, and long lines formed outside the city's "
            + "transfusion centre before dawn on Saturday.\n\nThe king ordered tents, food and water sent to the "
            + "mountain villages, where many families spent the night in the open for fear of aftershocks.\n\n"
            + "Neighbouring countries offered help, and search teams from several of them were waiting for permission "
            + "to land.";
    /** What each article says, and who published it: the wire, its copy (a paragraph cut) and two other outlets. */
    private static final Map<String, String[]> ARTICLES = new LinkedHashMap<>();

    static {
        ARTICLES.put("harbor_wire.txt", new String[] {"Harbor Wire", WIRE});
        ARTICLES.put("bay_courier.txt", new String[] {"Bay Courier",
                WIRE.substring(0, WIRE.lastIndexOf("\n\n"))});
        ARTICLES.put("ledger.txt", new String[] {"The Ledger", "MARRAKECH - The earthquake that shook the High "
                + "Atlas on Friday night had a magnitude of 6.8, according to the U.S. Geological Survey. Rescue "
                + "teams were still searching villages near the epicentre on Saturday."});
        ARTICLES.put("costa_diario.txt", new String[] {"Costa Diario", "The earthquake measured 7.0, Morocco's "
                + "National Institute of Geophysics said on Saturday, as rescuers dug through the rubble of "
                + "mountain villages."});
    }

    private static CompareHandler handler;

    @BeforeAll
    static void ingest() throws Exception {
        S3Client s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        ClaimStore store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());
        long sequencer = 1;
        for (Map.Entry<String, String[]> a : ARTICLES.entrySet()) {
            String key = STORY + "/" + a.getKey();
            s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(Map.of("published", "2023-09-09",
                    "publisher", a.getValue()[0])), RequestBody.fromString(a.getValue()[1]));
            ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, key, Long.toHexString(sequencer++),
                    null));
        }
        handler = new CompareHandler(new StoryApi(store, new StoryComparator()));
    }

    private static JsonNode call(String eventFile) throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventFile);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void theDisputedFilterReturnsTheAgenciesDisagreementWithEachAgencysOutletsAndTheCopyAsOneWitness()
            throws Exception {
        JsonNode report = call("events/http-report-disputed.json");
        assertEquals(java.util.Set.of(), ReportContract.violations(report));

        JsonNode findings = report.get("findings");
        assertEquals(1, findings.size(), report.toPrettyString());
        JsonNode magnitude = findings.get(0);
        assertEquals("disputed", magnitude.get("verdict").asText());
        assertEquals(1, report.get("summary").get("disputed").asInt());
        assertEquals(0, report.get("summary").get("contradictions").asInt(), "no outlet misreports an agency");

        Map<String, TreeSet<String>> outletsByAuthority = new LinkedHashMap<>();
        for (JsonNode v : magnitude.get("values")) {
            assertEquals(1, v.get("attributedTo").size(), v.toString());
            TreeSet<String> outlets = new TreeSet<>();
            v.get("sources").forEach(s -> outlets.add(s.asText().substring(STORY.length() + 1)));
            outletsByAuthority.put(v.get("value").asText() + " " + v.get("attributedTo").get(0).asText(), outlets);
        }
        assertEquals(Map.of(
                "6.8 magnitude USGS", new TreeSet<>(java.util.List.of("bay_courier.txt", "harbor_wire.txt",
                        "ledger.txt")),
                "7 magnitude Morocco's National Institute of Geophysics", new TreeSet<>(java.util.List.of(
                        "bay_courier.txt", "costa_diario.txt", "harbor_wire.txt"))), outletsByAuthority);
        String explanation = magnitude.get("explanation").asText();
        assertTrue(explanation.contains("USGS (reported by ") && explanation.contains(
                "Morocco's National Institute of Geophysics (reported by "), explanation);
        assertTrue(explanation.endsWith("The authorities disagree; the outlets report them faithfully."));

        // the republished wire story is marked, and counted with its original as one witness
        Map<String, String> copyOf = new LinkedHashMap<>();
        for (JsonNode s : report.get("sources")) {
            if (s.hasNonNull("copyOf")) {
                copyOf.put(s.get("id").asText(), s.get("copyOf").asText());
            }
        }
        assertEquals(Map.of(STORY + "/bay_courier.txt", STORY + "/harbor_wire.txt"), copyOf);
    }

    @Test
    void theClaimsSayWhomEachFigureIsCreditedToAndHowItIsTold() throws Exception {
        JsonNode claims = call("events/http-claims-attributed.json").get("claims");
        boolean institute = false;
        for (JsonNode c : claims) {
            assertTrue(c.has("scope") && c.has("attribution") && c.has("asOf") && c.has("modality"), c.toString());
            if (c.get("kind").asText().equals("quantity") && c.get("value").asText().equals("7 magnitude")) {
                assertEquals("Morocco's National Institute of Geophysics", c.get("attribution").asText());
                assertEquals("asserted", c.get("modality").asText());
                institute = true;
            }
        }
        assertTrue(institute, claims.toPrettyString());
    }
}
