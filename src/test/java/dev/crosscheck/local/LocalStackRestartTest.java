package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.store.StoredDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The local stack stopped and started again on the same data folder: the bucket, the table and so the reports are as
 * they were, nothing is ingested a second time, and later uploads and overwrites still apply (the S3 sequencers keep
 * growing across the restart, or an overwrite would be taken for a stale event and ignored).
 */
@Timeout(120)
class LocalStackRestartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> STORIES = List.of("restart-a", "restart-b");

    @TempDir
    Path data;

    @Test
    void aRestartKeepsBucketTableAndReportsAndIngestsNothingTwice() throws Exception {
        Map<String, String> before;
        Map<String, String> versionsBefore;
        List<String> keysBefore;
        ConcurrentLinkedQueue<String> firstLog = new ConcurrentLinkedQueue<>();
        try (LocalStack stack = start(firstLog)) {
            for (int n = 0; n < 6; n++) {
                Articles.variant(STORIES.get(n % 2) + "/article-" + n + ".txt", n).upload(stack.s3(), stack.bucket());
            }
            stack.s3().putObject(b -> b.bucket(stack.bucket()).key("restart-a/empty.txt"), RequestBody.empty());
            Articles.variant("restart-a/article-0.txt", 40).upload(stack.s3(), stack.bucket());   // an overwrite
            stack.s3().deleteObject(b -> b.bucket(stack.bucket()).key("restart-b/article-5.txt"));
            stack.awaitIngestion(60_000);
            // At least one ingestion per bucket change. The S3 client may resend a PUT whose request it believes failed
            // after the server stored it (seen about once in a few hundred PUTs, docs/reliability.md): a second write,
            // and rightly a second ingestion. What this test holds to exactly is the restart: nothing ingested again.
            long first = outcomes(firstLog);
            assertTrue(first >= 9 && first <= 9 + 2, "one ingestion per bucket change: " + firstLog);
            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(6, audit.current(), audit.toString());
            before = readAll(stack);
            versionsBefore = versions(stack);
            keysBefore = keys(stack);
        }

        ConcurrentLinkedQueue<String> secondLog = new ConcurrentLinkedQueue<>();
        try (LocalStack stack = start(secondLog)) {
            Thread.sleep(1_000);   // room for any event a restart might wrongly send again
            stack.awaitIngestion(10_000);
            assertEquals(0, outcomes(secondLog), "nothing ingested again: " + secondLog);
            assertEquals(keysBefore, keys(stack));
            assertEquals(versionsBefore, versions(stack), "every document keeps the version it had");
            Map<String, String> after = readAll(stack);
            assertEquals(before.keySet(), after.keySet());
            for (String path : before.keySet()) {
                assertEquals(before.get(path), after.get(path), path + " answers as before the restart");
            }
            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(6, audit.current());

            // After the restart, an overwrite is newer than everything before it, and a new object is ingested once.
            Articles.variant("restart-b/article-1.txt", 41).upload(stack.s3(), stack.bucket());
            Articles.variant("restart-b/article-7.txt", 7).upload(stack.s3(), stack.bucket());
            stack.awaitIngestion(60_000);
            assertEquals(2, secondLog.stream().filter(l -> l.contains("\"outcome\":\"ingested\"")).count(),
                    secondLog.toString());
            audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(7, audit.current(), audit.toString());
            assertTrue(!versions(stack).get("restart-b/article-1.txt")
                    .equals(versionsBefore.get("restart-b/article-1.txt")), "the overwrite applied");
        }
    }

    @Test
    void eventsAcceptedBeforeACrashAreDeliveredByTheNextStart() throws Exception {
        ConcurrentLinkedQueue<String> firstLog = new ConcurrentLinkedQueue<>();
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        LocalStack.IngestLinks stuck = new LocalStack.IngestLinks(real -> {
            FaultyDynamoDb faulty = new FaultyDynamoDb(real);
            // The first claim write hangs (the process is about to die); the other events wait behind it.
            faulty.fault((operation, request) -> {
                if (operation.equals("BatchWriteItem")) {
                    writing.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new IllegalStateException("interrupted");
                    }
                }
                return null;
            });
            return faulty;
        }, null);
        LocalStack crashed = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(firstLog::add),
                stuck);
        for (int n = 0; n < 4; n++) {
            Articles.variant("crash/article-" + n + ".txt", n).upload(crashed.s3(), crashed.bucket());
        }
        assertTrue(writing.await(30, java.util.concurrent.TimeUnit.SECONDS), "the first ingestion started");
        crashed.halt();
        assertEquals(0, firstLog.stream().filter(l -> l.contains("\"outcome\":\"ingested\"")).count(),
                "nothing was ingested before the crash: " + firstLog);
        assertTrue(java.nio.file.Files.notExists(crashed.failureDestination()), "nor recorded as failed");
        // Every accepted event is in the journal: one per upload, or two where the S3 client resent a PUT the server
        // had stored (a second write, rightly a second event; seen under load, docs/reliability.md).
        java.util.Set<String> journalKeys = new java.util.TreeSet<>();
        long journaled;
        try (var entries = java.nio.file.Files.list(data.resolve("pending-events"))) {
            List<java.nio.file.Path> files = entries.toList();
            journaled = files.size();
            for (java.nio.file.Path entry : files) {
                for (var record : dev.crosscheck.json.Json.MAPPER.readTree(entry.toFile()).get("Records")) {
                    journalKeys.add(java.net.URLDecoder.decode(record.get("s3").get("object").get("key").asText(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(java.util.Set.of("crash/article-0.txt", "crash/article-1.txt", "crash/article-2.txt",
                "crash/article-3.txt"), journalKeys, "the four uploads' events are in the journal");
        assertTrue(journaled >= 4 && journaled <= 4 + 2, journaled + " journal entries for four uploads");

        ConcurrentLinkedQueue<String> secondLog = new ConcurrentLinkedQueue<>();
        try (LocalStack stack = start(secondLog)) {
            stack.awaitIngestion(60_000);
            assertEquals(journaled, secondLog.stream().filter(l -> l.contains("\"outcome\":\"ingested\"")).count(),
                    "every journaled event delivered once: " + secondLog);
            StackAudit.Result audit = StackAudit.run(stack);
            assertEquals(List.of(), audit.problems());
            assertEquals(4, audit.current(), audit.toString());
            assertEquals(0, audit.inFailureDestination());
        }
        ConcurrentLinkedQueue<String> thirdLog = new ConcurrentLinkedQueue<>();
        try (LocalStack stack = start(thirdLog)) {
            Thread.sleep(500);
            stack.awaitIngestion(10_000);
            assertEquals(0, outcomes(thirdLog), "delivered once, not at every start: " + thirdLog);
        }
    }

    private LocalStack start(ConcurrentLinkedQueue<String> log) throws Exception {
        return LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add));
    }

    /** Records the ingest function applied (or found stale, or failed): one per event it handled. */
    private static long outcomes(ConcurrentLinkedQueue<String> log) {
        return log.stream().filter(l -> l.contains("\"outcome\":")).count();
    }

    private static List<String> keys(LocalStack stack) {
        return stack.s3().listObjectsV2Paginator(b -> b.bucket(stack.bucket())).contents().stream()
                .map(o -> o.key() + " " + o.eTag()).sorted().toList();
    }

    private static Map<String, String> versions(LocalStack stack) {
        Map<String, String> versions = new TreeMap<>();
        for (String story : STORIES) {
            for (StoredDocument d : stack.store().loadStory(story).orElseThrow().documents()) {
                versions.put(d.id(), d.status() + " " + d.version() + " " + d.sequencer() + " " + d.claims());
            }
        }
        return versions;
    }

    /** Every read route's answer for the stories, as the HTTP API gives it. */
    private static Map<String, String> readAll(LocalStack stack) throws Exception {
        Map<String, String> answers = new TreeMap<>();
        answers.put("/stories", get(stack, "/stories"));
        for (String story : STORIES) {
            for (String route : List.of("report", "claims", "sources", "timeline")) {
                String path = "/stories/" + story + "/" + route;
                answers.put(path, get(stack, path));
            }
        }
        return answers;
    }

    private static String get(LocalStack stack, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiEndpoint() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        // a report says when it was made; everything else must be as it was
        com.fasterxml.jackson.databind.node.ObjectNode body =
                (com.fasterxml.jackson.databind.node.ObjectNode) dev.crosscheck.json.Json.MAPPER.readTree(response.body());
        body.remove("generatedAt");
        return dev.crosscheck.json.Json.write(body);
    }

    @Test
    void aSecondStackOnTheSameDataFolderIsRefusedAndTheFolderIsFreeOnceTheFirstStops() throws Exception {
        try (LocalStack first = start(new ConcurrentLinkedQueue<>())) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> start(new ConcurrentLinkedQueue<>()));
            assertTrue(refused.getMessage().contains("already running"), refused.getMessage());
            // and another process is refused too: the refused start did not release the first one's lock
            Process other = new ProcessBuilder("python3", "-c", "import fcntl, sys; f = open(sys.argv[1], 'a'); "
                    + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)", data.resolve(LocalStack.LOCK_FILE).toString())
                    .redirectErrorStream(true).start();
            assertTrue(other.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, other.exitValue(), "the lock is still held against other processes");
            // the refused start took nothing from the first: it still takes uploads
            Articles.variant("locked/a.txt", 1).upload(first.s3(), first.bucket());
            first.awaitIngestion(60_000);
            assertEquals(1, first.store().loadStory("locked").orElseThrow().documents().size());
        }
        try (LocalStack again = start(new ConcurrentLinkedQueue<>())) {
            again.awaitIngestion(60_000);
        }
    }
}
