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
    void linkPrintsALinkToTheStoredPageThatOpensWithoutTheApi(@TempDir Path data) throws Exception {
        try (dev.crosscheck.local.LocalStack stack = dev.crosscheck.local.LocalStack.start(
                dev.crosscheck.local.LocalStack.Config.defaults(data).withPorts(0, 0).withLog(line -> { }))) {
            for (String seed : dev.crosscheck.support.Seeds.FILES) {
                dev.crosscheck.support.Seeds.upload(stack.s3(), stack.bucket(), "my story/" + seed, seed);
            }
            stack.awaitIngestion(60_000);

            assertEquals(0, run("link", "--api", stack.apiEndpoint() + "/", "--story", "my story", "--minutes", "5"),
                    err.toString());

            String href = out.toString(StandardCharsets.UTF_8).strip();
            assertTrue(href.startsWith(stack.s3Endpoint() + "/"), href);
            assertTrue(err.toString().contains("valid for 5 minutes"), err.toString());
            var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(href)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>my story</h1>"), page.body().substring(0, 300));
            out.reset();
            err.reset();
            assertEquals(1, run("link", "--api", stack.apiEndpoint(), "--story", "nowhere"));
            assertTrue(err.toString().contains("HTTP 404"), err.toString());
        }
    }

    private static final Path DISPUTED_STORY = Path.of("..", "shared", "corpus", "maui-wildfire-2023");

    @Test
    void theDemoOfACorpusStoryShowsItsDisputeItsRunningTollAndItsWireCopy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(DISPUTED_STORY) || System.getenv("CI") != null,
                "the shared corpus is not beside the project");
        assertEquals(0, run("demo", "--seeds", DISPUTED_STORY.toString()), err.toString());

        String md = out.toString(StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Cross-source report: maui-wildfire-2023\n"), md);
        assertTrue(md.contains("\n## Authorities disagree\n"), md);
        assertTrue(md.contains("The authorities disagree; the outlets report them faithfully."), md);
        assertTrue(md.contains("\n## Evolving figures\n") && md.contains("then was revised down to 97"), md);
        assertTrue(md.contains("| Harbor Wire |\n"), "the republished wire story is marked as a copy: " + md);
        assertTrue(md.contains("\n## Figures not checked\n"), md);
    }

    @Test
    void compareWritesMarkdownOrThePageOnRequest() throws Exception {
        assertEquals(0, run("compare", "--format", "md", "seeds/xi-moscow-2023"), err.toString());
        String md = out.toString(StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Cross-source report: xi-moscow-2023\n") && md.contains("\n## Agreements\n"), md);

        out.reset();
        assertEquals(0, run("compare", "--format", "html", "seeds/xi-moscow-2023"), err.toString());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals("Cross-source report: xi-moscow-2023", page.title());
        assertEquals(2, page.select("#sources tbody tr").size(), "both seeds in the sources table");
        assertTrue(page.select("#agreements article.finding").size() > 0);

        assertEquals(2, run("compare", "--format", "pdf", "seeds/xi-moscow-2023"));
        assertTrue(err.toString().contains("--format must be json, md or html"), err.toString());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertEquals(2, run());
        assertEquals(2, run("compare", "--bogus"));
        assertEquals(2, run("compare"));
        assertEquals(2, run("frobnicate"));
        assertEquals(1, run("compare", "no/such/folder"));
    }

    /**
     * A stopped local stack's folder holding an object whose event was never recorded (what a crash between the
     * emulator's write and its event leaves) and a document whose object is gone: the command applies both, says so,
     * and a second run finds bucket and table in step.
     */
    @Test
    void reconcileAppliesWhatALocalStacksFolderLeftOutOfStep(@TempDir Path data) throws Exception {
        try (var stack = dev.crosscheck.local.LocalStack.start(dev.crosscheck.local.LocalStack.Config.defaults(data)
                .withPorts(0, 0).withLog(line -> { }))) {
            for (String name : java.util.List.of("kept.txt", "gone.txt")) {
                stack.s3().putObject(b -> b.bucket(stack.bucket()).key("harbour/" + name),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("Ten ships docked on Tuesday.\n"));
            }
            stack.awaitIngestion(60_000);
        }
        Path story = data.resolve("s3").resolve(dev.crosscheck.local.LocalStack.DEFAULT_BUCKET).resolve("harbour");
        Files.writeString(story.resolve("unseen.txt"), "Nine ships docked on Wednesday.\n");
        // written a minute ago, as by the stopped stack (with no ETag, the time tells a later run it is in step)
        Files.setLastModifiedTime(story.resolve("unseen.txt"), java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(60)));
        Files.delete(story.resolve("gone.txt"));

        assertEquals(0, run("reconcile", "--data", data.toString()), err.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("1 missing, 0 stale, 0 with a changed sidecar, 1 deleted; 0 failed"), printed);
        assertTrue(printed.contains("missing  harbour/unseen.txt  -> ingested"), printed);
        assertTrue(printed.contains("deleted  harbour/gone.txt  -> removed"), printed);

        out.reset();
        assertEquals(0, run("reconcile", "--data", data.toString(), "--json"), err.toString());
        JsonNode again = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, again.get("actions").size(), again.toString());
        assertEquals(2, again.get("objects").asInt());
    }

    @Test
    void reconcileRefusesAFolderInUseAndOptionsThatNeedABucket(@TempDir Path data) throws Exception {
        assertEquals(1, run("reconcile", "--data", data.resolve("none").toString()));
        assertTrue(err.toString().contains("no local stack's data"), err.toString());
        assertEquals(1, run("reconcile", "--dry-run"));
        assertTrue(err.toString().contains("go with --bucket"), err.toString());
        try (var stack = dev.crosscheck.local.LocalStack.start(dev.crosscheck.local.LocalStack.Config.defaults(data)
                .withPorts(0, 0).withLog(line -> { }))) {
            assertEquals(1, run("reconcile", "--data", data.toString()));
            assertTrue(err.toString().contains("already running"), err.toString());
        }
    }
}
