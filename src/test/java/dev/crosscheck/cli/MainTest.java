package dev.crosscheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.json.Json;
import dev.crosscheck.support.ReportContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as the scoring script and users call it. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void compareReadsAFolderWithSidecarsAndPrintsAContractReport() throws Exception {
        assertEquals(0, run("compare", "--story", "xi", "seeds/xi-moscow-2023"), err.toString());

        JsonNode report = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of(), ReportContract.violations(report));
        assertEquals("xi", report.get("story").asText());
        assertEquals(2, report.get("sources").size());
        for (JsonNode s : report.get("sources")) {
            assertEquals("metadata", s.get("publishedFrom").asText(), "the sidecar's published date is used");
        }
        boolean agreement = false;
        for (JsonNode f : report.get("findings")) {
            agreement |= f.get("verdict").asText().equals("agreement") && f.get("kind").asText().equals("count")
                    && f.get("values").get(0).get("value").asText().equals("12");
        }
        assertTrue(agreement, "both seeds agree on 12 points");
    }

    @Test
    void theStoryDefaultsToTheFolderName() throws Exception {
        assertEquals(0, run("compare", "seeds/xi-moscow-2023"));
        assertEquals("xi-moscow-2023", Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("story").asText());
    }

    @Test
    void aRejectedFileIsReportedAndLeftOut(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("seeds/xi-moscow-2023/000_8e30010a3892d27c.txt"), dir.resolve("upi.txt"));
        Files.write(dir.resolve("empty.txt"), new byte[0]);

        assertEquals(0, run("compare", dir.toString()));

        assertEquals(1, Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("sources").size());
        assertTrue(err.toString().contains("rejected") && err.toString().contains("empty.txt"), err.toString());
    }

    @Test
    void demoUploadsTheSeedsThroughS3AndPrintsTheirReport() throws Exception {
        assertEquals(0, run("demo", "--json", "--seeds", "seeds"), err.toString());

        JsonNode report = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of(), ReportContract.violations(report));
        assertEquals("xi-moscow-2023", report.get("story").asText());
        boolean agreement = false;
        for (JsonNode f : report.get("findings")) {
            agreement |= f.get("verdict").asText().equals("agreement") && f.get("kind").asText().equals("count")
                    && f.get("values").get(0).get("value").asText().equals("12")
                    && f.get("values").get(0).get("sources").size() == 2;
        }
        assertTrue(agreement, "both seeds agree on 12 points, read back through the HTTP API");
        assertTrue(err.toString().contains("uploaded s3://crosscheck-articles/xi-moscow-2023/"), err.toString());
        assertTrue(java.util.regex.Pattern.compile("report page: http://127\\.0\\.0\\.1:\\d+/stories/xi-moscow-2023 ")
                .matcher(err.toString()).find(), "the demo names the page it checked was served: " + err);
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("compare", "--bogus"));
        assertEquals(2, run("compare"));
        assertEquals(2, run("frobnicate"));
        assertEquals(1, run("compare", "no/such/folder"));
    }
}
