package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.ObjectEvent;
import dev.crosscheck.reports.ReportComputation;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.ReportArchive;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import dev.crosscheck.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The deployed API function reads the HTTP API event as a stream with a parser of its own and the table through its
 * own DynamoDB reads: every genuine event in events/ gets exactly the answer the same API gives through the runtime's
 * event classes and the SDK's DynamoDB client, on a story whose report was stored and is read back through presigned
 * GETs, as deployed.
 */
class ApiHandlerTest {

    @Test
    void everyGenuineEventGetsTheAnswerTheRuntimesEventClassesGive() throws Exception {
        // as deployed: the seeds ingested, their report computed and stored, read back through presigned GETs
        S3Client s3 = Emulators.s3();
        Seeds.ensureBucket(s3, "crosscheck-articles");
        String reports = Emulators.uniqueName("reports");
        s3.createBucket(b -> b.bucket(reports));
        String table = Emulators.uniqueName("claims");
        new ClaimStore(Emulators.dynamoDbOverHttp(), table).createTableIfMissing();
        ClaimStore store = new ClaimStore(Emulators.dynamoDbOverHttp(), table, story -> { }, Clock.systemUTC());
        long sequencer = 1;
        for (String name : Seeds.FILES) {
            String key = Seeds.STORY + "/" + name;
            Seeds.upload(s3, "crosscheck-articles", key, name);
            new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()).apply(new ObjectEvent(
                    ObjectEvent.Type.CREATED, "crosscheck-articles", key, Long.toHexString(sequencer++), null));
        }
        new ReportComputation(store, new ReportArchive(s3, null, reports, store), new StoryComparator())
                .compute(Seeds.STORY);
        URI endpoint = s3.serviceClientConfiguration().endpointOverride().orElseThrow();
        dev.crosscheck.store.S3Links presigner = new dev.crosscheck.store.S3Links(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "us-east-1", endpoint);
        StoryApi api = new StoryApi(store, new ReportArchive(null, presigner, reports, store));
        CompareHandler pojo = new CompareHandler(api);
        // the deployed function's own reads: DynamoDB's JSON protocol without the SDK's service client
        ClaimStore leanStore = new ClaimStore(new dev.crosscheck.store.DynamoDbReadClient(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "us-east-1",
                Emulators.dynamoDbEndpoint()), table);
        ApiHandler stream = new ApiHandler(new StoryApi(leanStore, new ReportArchive(null, presigner, reports,
                leanStore)));
        int reportAnswers = 0;
        List<Path> events;
        try (var files = Files.list(Path.of("events"))) {
            events = files.filter(p -> p.getFileName().toString().startsWith("http-")).sorted().toList();
        }
        assertTrue(events.size() >= 15, events.toString());
        for (Path event : events) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(Files.readAllBytes(event)), out, null);
            JsonNode streamed = Json.MAPPER.readTree(out.toByteArray());
            APIGatewayV2HTTPResponse expected = pojo.handleRequest(
                    EventLoader.loadApiGatewayHttpEvent(event.toString()), null);

            String name = event.getFileName().toString();
            assertEquals(expected.getStatusCode(), streamed.get("statusCode").asInt(), name);
            assertEquals(new TreeMap<>(expected.getHeaders()), new TreeMap<>(
                    Json.MAPPER.convertValue(streamed.get("headers"), Map.class)), name);
            assertEquals(expected.getBody(), streamed.get("body").asText(), name);
            if (expected.getStatusCode() == 200 && expected.getHeaders().containsKey("X-Report-Pending")) {
                reportAnswers++;
            }
            assertEquals(false, streamed.get("isBase64Encoded").asBoolean());
        }
        assertTrue(reportAnswers >= 5, "stored reports were served: " + reportAnswers);
    }

    @Test
    void anEventWithoutQueryOrHeadersOrContextIsAGetOfItsPath() throws Exception {
        ApiHandler.Event event = ApiHandler.read(new ByteArrayInputStream(
                "{\"version\":\"2.0\",\"rawPath\":\"/stories\",\"queryStringParameters\":null,\"cookies\":[\"a=b\"]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("GET", event.method);
        assertEquals("/stories", event.path);
        assertEquals(Map.of(), event.query);
        assertEquals(Map.of(), event.headers);
    }

}
