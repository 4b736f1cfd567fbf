package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.NastyDocuments;
import dev.crosscheck.support.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The nasty documents through the real ingest path: each uploaded to the S3 endpoint (S3Proxy), announced by a genuine
 * S3 event (events/s3-put.json with its key and size, deserialized by the Lambda runtime's serializer) to the ingest
 * function, stored in DynamoDB Local, and read back from {@code GET /stories/nasty-documents/sources} through the
 * comparison function: every rejection is there with its documented reason, every accepted one as ingested.
 */
class NastyDocumentsIngestTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String STORY = "nasty-documents";
    private static List<NastyDocuments.Case> cases;
    private static Map<String, JsonNode> sources;
    private static String ingestLog;

    @BeforeAll
    static void ingestEveryNastyDocument() throws Exception {
        S3Client s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        ClaimStore store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        IngestHandler ingest = new IngestHandler(new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()));
        CompareHandler compare = new CompareHandler(new StoryApi(store, new StoryComparator()));

        cases = NastyDocuments.cases();
        var s3Events = LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader());
        StringBuilder log = new StringBuilder();
        long sequencer = 0x100;
        for (NastyDocuments.Case c : cases) {
            byte[] content = c.content();
            String key = STORY + "/" + c.name();
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
            ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("events/s3-put.json")));
            ObjectNode object = (ObjectNode) event.get("Records").get(0).get("s3").get("object");
            object.put("key", key).put("size", content.length).put("sequencer", Long.toHexString(sequencer++));
            log.append(ingest.handleRequest(s3Events.fromJson(Json.write(event)), null)).append('\n');
        }
        ingestLog = log.toString();

        ObjectNode request = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("events/http-sources.json")));
        request.put("rawPath", "/stories/" + STORY + "/sources");
        var httpEvents = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                APIGatewayV2HTTPEvent.class.getClassLoader());
        APIGatewayV2HTTPResponse response = compare.handleRequest(httpEvents.fromJson(Json.write(request)), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        sources = new HashMap<>();
        for (JsonNode source : Json.MAPPER.readTree(response.getBody()).get("sources")) {
            sources.put(source.get("id").asText(), source);
        }
    }

    @Test
    void everyDocumentIsListedWithItsDocumentedOutcome() {
        assertEquals(cases.size(), sources.size(), () -> "one source per document: " + sources.keySet());
        for (NastyDocuments.Case c : cases) {
            JsonNode source = sources.get(STORY + "/" + c.name());
            assertNotNull(source, c.name() + " is missing from /sources");
            if (c.accepted()) {
                assertEquals("ingested", source.get("status").asText(), c.name() + ": " + source);
                assertTrue(source.get("reason").isNull(), c.name() + ": " + source);
            } else {
                assertEquals("rejected", source.get("status").asText(), c.name() + ": " + source);
                assertEquals(c.detail(), source.get("reason").asText(), c.name());
                assertEquals(0, source.get("claims").asInt(), c.name());
            }
        }
    }

    @Test
    void noDocumentFailsTheInvocation() {
        // a failing record would have thrown out of handleRequest; each one says what became of it
        for (NastyDocuments.Case c : cases) {
            String outcome = (c.accepted() ? "ingested " : "rejected ") + STORY + "/" + c.name();
            assertTrue(ingestLog.contains(outcome), () -> outcome + " not in:\n" + ingestLog);
        }
    }
}
