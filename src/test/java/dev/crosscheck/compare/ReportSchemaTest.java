package dev.crosscheck.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reports serialize to JSON that the published contract accepts; the served copy of the contract is current. */
class ReportSchemaTest {

    private static final Path SHARED_SCHEMA = Path.of("..", "shared", "contract", "report.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        // The contract's $id is relative; loading it by its classpath location gives it a base to resolve against.
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:contract/report.schema.json"), config);
    }

    @Test
    void reportValidatesAgainstContract() throws IOException {
        Report report = Fixtures.xiVisit();
        JsonNode json = JSON.valueToTree(report);
        Set<ValidationMessage> errors = schema().validate(json);
        assertTrue(errors.isEmpty(), () -> errors + "\n" + json.toPrettyString());
        // Every verdict is present, so the validation covers each finding shape.
        assertTrue(report.summary().contradictions() > 0 && report.summary().agreements() > 0
                && report.summary().singleSource() > 0 && report.summary().evolving() > 0, report::toString);
    }

    @Test
    void filteredAndEmptyReportsValidate() throws IOException {
        Report empty = new StoryComparator(Fixtures.CLOCK).compare("empty", List.of(), List.of());
        assertTrue(schema().validate(JSON.valueToTree(empty)).isEmpty());
        Report filtered = ReportFilter.filter(Fixtures.xiVisit(), "date", null);
        assertTrue(schema().validate(JSON.valueToTree(filtered)).isEmpty());
    }

    @Test
    void validatorRejectsABrokenReport() throws IOException {
        JsonNode json = JSON.valueToTree(Fixtures.xiVisit());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("findings").get(0)).put("verdict", "maybe");
        assertEquals(1, schema().validate(json).size());
    }

    @Test
    void servedSchemaIsTheContract() throws IOException {
        assumeTrue(Files.exists(SHARED_SCHEMA), "shared contract not present");
        byte[] served;
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/contract/report.schema.json")) {
            served = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(SHARED_SCHEMA), served);
    }
}
