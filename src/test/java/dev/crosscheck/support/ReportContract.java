package dev.crosscheck.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** The report contract (the schema the API serves), for tests that check what the API returns. */
public final class ReportContract {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:contract/report.schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private ReportContract() {
    }

    /** The contract's complaints about a report; empty when it conforms. */
    public static Set<ValidationMessage> violations(JsonNode report) {
        return SCHEMA.validate(report);
    }
}
