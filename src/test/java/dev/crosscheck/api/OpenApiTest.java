package dev.crosscheck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.compare.Verdict;
import dev.crosscheck.json.Json;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document in the resources describes exactly the API that {@link StoryApi} serves. */
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static JsonNode openApi;
    /** Documented route "GET /path" -> its query parameters (name -> parameter object). */
    private static Map<String, Map<String, JsonNode>> documented;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.json")) {
            assertNotNull(in, "openapi.json is on the classpath");
            openApi = Json.MAPPER.readTree(in);
        }
        documented = new TreeMap<>();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            Map<String, JsonNode> query = new TreeMap<>();
            Set<String> pathParameters = new TreeSet<>();
            for (JsonNode list : List.of(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                for (JsonNode p : list) {
                    JsonNode parameter = resolve(p);
                    if (parameter.get("in").asText().equals("query")) {
                        query.put(parameter.get("name").asText(), parameter);
                    } else if (parameter.get("in").asText().equals("path")) {
                        pathParameters.add(parameter.get("name").asText());
                    }
                }
            }
            assertEquals(placeholders(path.getKey()), pathParameters, "path parameters of " + path.getKey());
            documented.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), query);
        }));
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        String ref = node.get("$ref").asText();
        assertTrue(ref.startsWith("#/"), "a local reference: " + ref);
        JsonNode target = openApi.at(ref.substring(1));
        assertTrue(!target.isMissingNode(), "reference resolves: " + ref);
        return resolve(target);
    }

    @Test
    void documentsExactlyTheRoutesTheHandlerServes() {
        assertEquals(new TreeSet<>(StoryApi.routes()), documented.keySet());
    }

    @Test
    void documentsExactlyTheQueryParametersEachRouteTakes() {
        for (String route : StoryApi.routes()) {
            assertEquals(StoryApi.parameters(route), documented.get(route).keySet(), route);
        }
    }

    @Test
    void theHandlerAcceptsEveryDocumentedParameterAndRefusesAnUndocumentedOne() throws Exception {
        StoryApiTest.MemoryRepository repository = new StoryApiTest.MemoryRepository();
        repository.stories.put("xi-moscow-2023", StoryApiTest.story("xi-moscow-2023"));
        StoryApi api = new StoryApi(repository, new StoryComparator());
        for (Map.Entry<String, Map<String, JsonNode>> route : documented.entrySet()) {
            String path = route.getKey().substring(route.getKey().indexOf(' ') + 1)
                    .replace("{story}", "xi-moscow-2023");
            for (Map.Entry<String, JsonNode> parameter : route.getValue().entrySet()) {
                JsonNode example = parameter.getValue().get("example");
                assertNotNull(example, "an example for " + parameter.getKey() + " of " + route.getKey());
                ApiResponse response = api.handle(new ApiRequest("GET", path,
                        Map.of(parameter.getKey(), example.asText()), Map.of()));
                // links are made to stored reports, which this API (computing reports) does not keep: accepted
                // parameters reach that answer (StoredReportsApiTest checks the link itself)
                int expected = route.getKey().endsWith("/link") ? 404 : 200;
                assertEquals(expected, response.status(), route.getKey() + " ?" + parameter.getKey() + "="
                        + example.asText() + ": " + response.body());
            }
            ApiResponse refused = api.handle(new ApiRequest("GET", path, Map.of("undocumented", "1"), Map.of()));
            assertEquals(400, refused.status(), route.getKey());
            assertEquals("undocumented", Json.MAPPER.readTree(refused.body()).get("parameter").asText());
        }
    }

    @Test
    void theFilterEnumsAreTheKindsAndVerdictsTheHandlerKnows() {
        assertEquals(Arrays.stream(ClaimKind.values()).map(ClaimKind::wireName).collect(Collectors.toSet()),
                enumOf(documented.get("GET /stories/{story}/report").get("kind")));
        assertEquals(Arrays.stream(Verdict.values()).map(Verdict::wireName).collect(Collectors.toSet()),
                enumOf(documented.get("GET /stories/{story}/report").get("verdict")));
        assertEquals(Set.of("json", "md"), enumOf(documented.get("GET /stories/{story}/report").get("format")));
        JsonNode limit = documented.get("GET /stories").get("limit").get("schema");
        assertEquals(1, limit.get("minimum").asInt());
        assertEquals(100, limit.get("maximum").asInt());
        assertEquals(StoryApi.DEFAULT_LIMIT, limit.get("default").asInt());
    }

    private static Set<String> enumOf(JsonNode parameter) {
        JsonNode schema = parameter.get("schema");
        JsonNode values = schema.has("items") ? schema.get("items").get("enum") : schema.get("enum");
        Set<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.asText()));
        return names;
    }

    @Test
    void theReportIsTheContractSchemaAndMarkdownIsOffered() {
        JsonNode content = openApi.at("/paths/~1stories~1{story}~1report/get/responses/200/content");
        assertEquals("contract/report.schema.json", content.at("/application~1json/schema/$ref").asText());
        assertNotNull(OpenApiTest.class.getResource("/contract/report.schema.json"));
        assertTrue(content.has(StoryApi.MARKDOWN), content.toString());
    }

    @Test
    void everyOperationDocumentsItsErrors() {
        openApi.get("paths").fields().forEachRemaining(path -> {
            JsonNode responses = path.getValue().get("get").get("responses");
            for (String status : List.of("200", "400", "405")) {
                assertTrue(responses.has(status), path.getKey() + " documents " + status);
            }
            assertEquals(path.getKey().contains("{story}"), responses.has("404"), path.getKey() + " and 404");
        });
    }

    @Test
    void whatTheHandlerReturnsMatchesTheDocumentedSchemas() throws Exception {
        StoryApiTest.MemoryRepository repository = new StoryApiTest.MemoryRepository();
        repository.stories.put("visit", StoryApiTest.story("visit"));
        repository.stories.put("quake", StoryApiTest.story("quake"));
        StoryApi api = new StoryApi(repository, new StoryComparator());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, String> schemaOf = Map.of(
                "/stories", "StoryPage",
                "/stories/visit/claims", "Claims",
                "/stories/visit/sources", "Sources",
                "/stories/visit/timeline", "Timeline",
                "/stories/nowhere/timeline", "Problem");
        for (Map.Entry<String, String> e : schemaOf.entrySet()) {
            JsonSchema schema = factory.getSchema(
                    SchemaLocation.of("classpath:openapi.json#/components/schemas/" + e.getValue()));
            Map<String, String> query = new HashMap<>();
            if (e.getKey().equals("/stories")) {
                query.put("limit", "1");
            }
            JsonNode body = Json.MAPPER.readTree(api.handle(new ApiRequest("GET", e.getKey(), query, Map.of())).body());
            assertEquals(Set.of(), schema.validate(body), e.getKey() + ": " + body);
        }
        JsonSchema page = factory.getSchema(SchemaLocation.of("classpath:openapi.json#/components/schemas/StoryPage"));
        assertNotEquals(Set.of(), page.validate(Json.MAPPER.readTree("{\"stories\": [{\"story\": 1}]}")),
                "the schema is really applied");
    }
}
