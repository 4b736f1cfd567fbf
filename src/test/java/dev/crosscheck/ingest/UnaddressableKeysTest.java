package dev.crosscheck.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.analysis.ObjectKeys;
import dev.crosscheck.api.ApiRequest;
import dev.crosscheck.api.ApiResponse;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keys whose story the API could not address (blank, "." or "..", control characters, too long) are rejected with the
 * reason and recorded in a story of their own, which the API lists and pages like any other; no story is listed that
 * no route can reach. Against the S3 emulator and DynamoDB Local.
 */
class UnaddressableKeysTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String ARTICLE = "Officials signed 14 agreements on Tuesday, the ministry said.\n";

    @Test
    void unaddressableKeysAreRecordedApartAndEveryListedStoryCanBeReachedAndPaged() throws Exception {
        S3Client s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        ClaimStore store = new ClaimStore(Emulators.dynamoDb(), Emulators.uniqueName("claims"));
        store.createTableIfMissing();
        Ingestor ingestor = new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC());
        String good = Emulators.uniqueName("good");
        // ("../x.txt" too, which S3 takes but the emulator refuses: ObjectKeysTest has it)
        List<String> bad = List.of(" /x.txt", "./x.txt", "tab\there/x.txt", "esc\u001b[31m/x.txt",
                "s".repeat(300) + "/x.txt", good + "/bell\u0007.txt");
        List<String> keys = new ArrayList<>(bad);
        keys.add(good + "/fine.txt");
        long sequencer = 0;
        for (String key : keys) {
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(ARTICLE));
            Ingestor.Outcome outcome = ingestor.apply(new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, key,
                    String.format("%04X", ++sequencer), null));
            assertEquals(bad.contains(key) ? Ingestor.Outcome.REJECTED : Ingestor.Outcome.INGESTED, outcome,
                    key);
        }

        StoryApi api = new StoryApi(store, new dev.crosscheck.compare.StoryComparator());
        Set<String> listed = new TreeSet<>();
        String next = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "1"));
            if (next != null) {
                query.put("next", next);
            }
            JsonNode page = Json.MAPPER.readTree(get(api, "/stories", query).body());
            page.get("stories").forEach(s -> listed.add(s.get("story").asText()));
            next = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (next != null);
        assertTrue(listed.contains(ObjectKeys.UNADDRESSABLE_STORY) && listed.contains(good), listed.toString());
        for (String story : listed) {
            assertEquals(200, get(api, "/stories/" + java.net.URLEncoder.encode(story,
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/sources", Map.of()).status(),
                    "every listed story can be reached: " + story);
        }

        // the rejected keys, paged one at a time through ids with control characters in them
        Set<String> recorded = new TreeSet<>();
        next = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "1"));
            if (next != null) {
                query.put("next", next);
            }
            ApiResponse answer = get(api, "/stories/" + ObjectKeys.UNADDRESSABLE_STORY + "/sources", query);
            assertEquals(200, answer.status(), answer.body());
            JsonNode page = Json.MAPPER.readTree(answer.body());
            for (JsonNode source : page.get("sources")) {
                recorded.add(source.get("id").asText());
                assertEquals("rejected", source.get("status").asText());
                assertTrue(source.get("reason").asText().startsWith("the API cannot address this key: the "),
                        source.toString());
            }
            next = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (next != null);
        assertEquals(new TreeSet<>(bad), recorded);

        // a removal takes a rejected key away again
        s3.deleteObject(b -> b.bucket(BUCKET).key(" /x.txt"));
        assertEquals(Ingestor.Outcome.REMOVED, ingestor.apply(new ObjectEvent(ObjectEvent.Type.REMOVED, BUCKET,
                " /x.txt", String.format("%04X", ++sequencer), null)));
        JsonNode after = Json.MAPPER.readTree(get(api, "/stories/" + ObjectKeys.UNADDRESSABLE_STORY + "/sources",
                Map.of()).body());
        assertEquals(bad.size() - 1, after.get("sources").size());
    }

    private static ApiResponse get(StoryApi api, String path, Map<String, String> query) {
        return api.handle(new ApiRequest("GET", path, query, Map.of()));
    }
}
