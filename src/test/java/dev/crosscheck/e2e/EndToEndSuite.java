package dev.crosscheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crosscheck.json.Json;
import dev.crosscheck.support.ReportContract;
import dev.crosscheck.support.Seeds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end behaviour of the deployed system, written once and run against every backend: articles uploaded,
 * overwritten and deleted through S3 show in the report; duplicate and late (out-of-order) event deliveries change
 * nothing; keys with spaces, plus signs and non-ASCII characters work. Every test uses a story of its own, so the
 * suite can run against a shared, long-lived stack.
 */
abstract class EndToEndSuite {

    /** What the suite needs of a deployment. */
    interface Backend extends AutoCloseable {

        /** Puts an object into the articles bucket (its event reaches the ingest function the backend's way). */
        void upload(String key, byte[] content, Map<String, String> metadata) throws Exception;

        void delete(String key) throws Exception;

        String bucket();

        /** Hands an S3 event, as S3 sends it, to the ingest function and returns once it has been handled. */
        void deliverRawEvent(String s3EventJson) throws Exception;

        /** A GET on the comparison API: status and JSON body. */
        Reply get(String path) throws Exception;

        /** How long asynchronous ingestion may take on this backend. */
        default long patienceMillis() {
            return 15_000;
        }
    }

    record Reply(int status, JsonNode body) {
    }

    /** The backend under test, shared by the tests of one subclass. */
    protected abstract Backend backend();

    private final String story = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void uploadedArticlesShowInTheReport() throws Exception {
        uploadSeed(Seeds.UPI);
        uploadSeed(Seeds.ANI);

        JsonNode report = await("/stories/" + story + "/report", r -> r.get("sources").size() == 2);
        assertEquals(Set.of(), ReportContract.violations(report));
        assertTrue(valueFrom(report, "count", "12", 2), "both sources give the plan 12 points: " + report);
    }

    @Test
    void anOverwriteReplacesTheDocumentsClaims() throws Exception {
        uploadSeed(Seeds.UPI);
        uploadSeed(Seeds.ANI);
        await("/stories/" + story + "/report", r -> valueFrom(r, "count", "12", 2));

        backend().upload(key(Seeds.ANI), "Xi Jinping left Moscow on Wednesday.\n".getBytes(StandardCharsets.UTF_8),
                Map.of("published", "2023-03-23", "publisher", "ANI"));

        JsonNode report = await("/stories/" + story + "/report", r -> valueFrom(r, "count", "12", 1));
        assertEquals(2, report.get("sources").size());
        JsonNode claims = get("/stories/" + story + "/claims").body().get("claims");
        for (JsonNode claim : claims) {
            if (claim.get("evidence").get("source").asText().equals(key(Seeds.ANI))) {
                assertTrue(claim.get("evidence").get("quote").asText().contains("left Moscow"),
                        "no claim of the old ANI text is left: " + claim);
            }
        }
    }

    @Test
    void aDeleteRemovesTheDocumentAndItsClaims() throws Exception {
        uploadSeed(Seeds.UPI);
        uploadSeed(Seeds.ANI);
        await("/stories/" + story + "/sources", r -> r.get("sources").size() == 2);

        backend().delete(key(Seeds.UPI));

        JsonNode sources = await("/stories/" + story + "/sources", r -> r.get("sources").size() == 1);
        assertEquals(key(Seeds.ANI), sources.get("sources").get(0).get("id").asText());
        JsonNode claims = get("/stories/" + story + "/claims").body().get("claims");
        for (JsonNode claim : claims) {
            assertEquals(key(Seeds.ANI), claim.get("evidence").get("source").asText());
        }
    }

    @Test
    void duplicateDeliveriesChangeNothing() throws Exception {
        uploadSeed(Seeds.UPI);
        await("/stories/" + story + "/sources", r -> r.get("sources").size() == 1
                && r.get("sources").get(0).get("status").asText().equals("ingested"));
        List<String> before = claimValues();

        // the same event, delivered twice (S3 delivers at least once); it is newer than the upload's own event
        String event = s3Event("ObjectCreated:Put", key(Seeds.UPI), "7FFFFFFFFFFFFFFFFFFFFFFF");
        backend().deliverRawEvent(event);
        backend().deliverRawEvent(event);

        assertEquals(before, claimValues());
        assertEquals(1, get("/stories/" + story + "/sources").body().get("sources").size());
    }

    @Test
    void lateEventsAreIgnored() throws Exception {
        uploadSeed(Seeds.UPI);
        await("/stories/" + story + "/report", r -> valueFrom(r, "count", "12", 1));
        backend().upload(key(Seeds.UPI), "Officials signed 14 agreements on Tuesday.\n".getBytes(StandardCharsets.UTF_8),
                Map.of("published", "2023-03-22", "publisher", "UPI"));
        await("/stories/" + story + "/report", r -> !valueFrom(r, "count", "12", 1) && valueFrom(r, "count", "14", 1));
        List<String> current = claimValues();

        // events older than everything applied, arriving last: an old creation and an old removal
        backend().deliverRawEvent(s3Event("ObjectCreated:Put", key(Seeds.UPI), "01"));
        backend().deliverRawEvent(s3Event("ObjectRemoved:Delete", key(Seeds.UPI), "02"));

        assertEquals(current, claimValues());
        assertEquals(1, get("/stories/" + story + "/sources").body().get("sources").size());
    }

    @Test
    void keysWithSpacesPlusSignsAndNonAsciiCharactersWork() throws Exception {
        String key = story + "/東京 新聞 + café.txt";
        backend().upload(key, "Officials signed 14 agreements on Tuesday.\n".getBytes(StandardCharsets.UTF_8),
                Map.of("published", "2023-03-22"));

        JsonNode sources = await("/stories/" + story + "/sources", r -> r.get("sources").size() == 1);
        assertEquals(key, sources.get("sources").get(0).get("id").asText());
        assertEquals("ingested", sources.get("sources").get(0).get("status").asText());

        backend().delete(key);
        awaitStatus("/stories/" + story + "/sources", 404);   // its only document deleted, the story has ended
    }

    // ---- helpers

    private String key(String seed) {
        return story + "/" + seed;
    }

    private void uploadSeed(String seed) throws Exception {
        backend().upload(key(seed), Files.readAllBytes(Seeds.file(seed)), Seeds.metadata(seed));
    }

    private Reply get(String path) throws Exception {
        return backend().get(path);
    }

    private List<String> claimValues() throws Exception {
        List<String> values = new ArrayList<>();
        for (JsonNode claim : get("/stories/" + story + "/claims").body().get("claims")) {
            values.add(claim.get("key").asText() + "=" + claim.get("value").asText());
        }
        values.sort(null);
        return values;
    }

    /** The S3 event JSON S3 would send for this change, from the sample in events/. */
    protected String s3Event(String eventName, String key, String sequencer) throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("events", "s3-put.json")));
        ObjectNode record = (ObjectNode) root.get("Records").get(0);
        record.put("eventName", eventName);
        ObjectNode s3 = (ObjectNode) record.get("s3");
        ((ObjectNode) s3.get("bucket")).put("name", backend().bucket()).put("arn", "arn:aws:s3:::" + backend().bucket());
        ObjectNode object = (ObjectNode) s3.get("object");
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("sequencer", sequencer);
        return Json.write(root);
    }

    static boolean valueFrom(JsonNode report, String kind, String value, int sources) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                for (JsonNode v : f.get("values")) {
                    if (v.get("value").asText().equals(value) && v.get("sources").size() == sources) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Polls until the path answers with the status. */
    private void awaitStatus(String path, int status) throws Exception {
        long deadline = System.currentTimeMillis() + backend().patienceMillis();
        Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            last = get(path);
            if (last.status() == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + status + " within " + backend().patienceMillis() + " ms on " + path + ": "
                + (last == null ? "no reply" : last.status() + " " + last.body()));
    }

    /** Polls until the condition holds: S3 delivers events asynchronously. */
    private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.currentTimeMillis() + backend().patienceMillis();
        Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + backend().patienceMillis() + " ms on " + path + ": "
                + (last == null ? "no reply" : last.status() + " " + last.body()));
    }
}
