package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Where the S3 emulator behind the local stack differs from S3, the stack behaves as S3 does: the emulator's own
 * multipart stub object raises no event (so no false failure record), and a PUT whose body the emulator did not store
 * is an error to the client, not a 200 for an empty object; a key it would store under another name is refused, not
 * stored under a name its event does not give.
 */
class EmulatorQuirksTest {

    private static final String ARTICLE = "Officials signed 14 agreements on Tuesday, the ministry said.\n";

    @TempDir
    Path data;

    @Test
    void aMultipartUploadRaisesOneEventForItsObjectAndNoneForTheEmulatorsStub() throws Exception {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add))) {
            String key = "multi/article.txt";
            var s3 = stack.s3();
            String upload = s3.createMultipartUpload(b -> b.bucket(stack.bucket()).key(key)).uploadId();
            String eTag = s3.uploadPart(b -> b.bucket(stack.bucket()).key(key).uploadId(upload).partNumber(1),
                    RequestBody.fromString(ARTICLE)).eTag();
            s3.completeMultipartUpload(b -> b.bucket(stack.bucket()).key(key).uploadId(upload)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
            stack.awaitIngestion(60_000);

            List<String> events = log.stream().filter(l -> l.contains("\"outcome\":")).toList();
            assertEquals(1, events.size(), String.join("\n", log));
            assertTrue(events.get(0).contains("\"key\":\"multi/article.txt\"")
                    && events.get(0).contains("\"outcome\":\"ingested\""), events.get(0));
            assertFalse(String.join("\n", log).contains(NotifyingBlobStore.MULTIPART_STUB_PREFIX), "no stub event");
            assertTrue(Files.notExists(stack.failureDestination()), "no false failure record");
        }
    }

    @Test
    void aPutWhoseBodyWasNotStoredIsAnErrorNotAnEmptyObject() throws Exception {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add))) {
            String key = "form/article.txt";
            HttpURLConnection put = (HttpURLConnection) URI.create(stack.s3Endpoint() + "/" + stack.bucket() + "/"
                    + key).toURL().openConnection();
            put.setRequestMethod("PUT");
            put.setDoOutput(true);
            put.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            byte[] body = "published=2023-03-21&text=Officials+signed+14+agreements".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = put.getOutputStream()) {
                out.write(body);
            }
            int status = put.getResponseCode();
            assertEquals(400, status, "a body the emulator did not store is not acknowledged");
            assertThrows(NoSuchKeyException.class,
                    () -> stack.s3().headObject(b -> b.bucket(stack.bucket()).key(key)), "nothing kept");

            // the same bytes as an ordinary upload are stored and ingested
            stack.s3().putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromString(ARTICLE));
            stack.awaitIngestion(60_000);
            assertTrue(log.stream().anyMatch(l -> l.contains("\"key\":\"form/article.txt\"")
                    && l.contains("\"outcome\":\"ingested\"")), String.join("\n", log));
        }
    }

    @Test
    void aKeyTheEmulatorWouldStoreUnderAnotherNameIsRefusedNotRenamed() throws Exception {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add))) {
            var s3 = stack.s3();
            for (String key : List.of("./dot.txt", "a/./b.txt", "a//c.txt", "a/../d.txt", "e/.", "f/..",
                    "u/a.txt-c87b4aa5-2f18-4cc6-8cd1-427e7ea7ec6d")) {
                var refused = assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class,
                        () -> s3.putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromString(ARTICLE)),
                        key);
                assertEquals(400, refused.statusCode(), key);
                assertTrue(refused.awsErrorDetails().errorMessage().contains("another name")
                        || refused.awsErrorDetails().errorMessage().contains("use another name"), key);
            }
            // names with dots that are not such segments are kept as given, as is a folder marker
            List<String> kept = List.of("f/..g.txt", "g./h.txt", "s/...txt", "t/");
            for (String key : kept) {
                s3.putObject(b -> b.bucket(stack.bucket()).key(key), RequestBody.fromString(key.endsWith("/") ? ""
                        : ARTICLE));
            }
            stack.awaitIngestion(60_000);
            assertEquals(kept.stream().sorted().toList(), s3.listObjectsV2Paginator(b -> b.bucket(stack.bucket()))
                    .contents().stream().map(o -> o.key()).sorted().toList(), "the listing gives the keys written");
            assertTrue(stack.reconciliation().get().actions().isEmpty());
            assertFalse(String.join("\n", log).contains("dot.txt"), "no event for what was refused");
        }
    }

    @Test
    void theFileOfAWriteACrashInterruptedIsMovedAsideAtTheNextStartNotListed() throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(l -> { }))) {
            stack.s3().putObject(b -> b.bucket(stack.bucket()).key("crash/a.txt"), RequestBody.fromString(ARTICLE));
            stack.awaitIngestion(60_000);
        }
        // what a kill during a second write of the key leaves: the new content, under its temporary name
        Path folder = data.resolve("s3").resolve(LocalStack.DEFAULT_BUCKET).resolve("crash");
        Files.writeString(folder.resolve("a.txt-c87b4aa5-2f18-4cc6-8cd1-427e7ea7ec6d"), ARTICLE + "More.\n");
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add))) {
            stack.awaitIngestion(60_000);
            assertEquals(List.of("crash/a.txt"), stack.s3().listObjectsV2Paginator(b -> b.bucket(stack.bucket()))
                    .contents().stream().map(o -> o.key()).toList());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("moved 1 ")
                    && l.endsWith(LocalStack.DEFAULT_BUCKET + "/crash/a.txt-c87b4aa5-2f18-4cc6-8cd1-427e7ea7ec6d")),
                    String.join("\n", log));
            assertTrue(Files.exists(data.resolve(LocalStack.INTERRUPTED_WRITES).resolve(LocalStack.DEFAULT_BUCKET)
                    .resolve("crash").resolve("a.txt-c87b4aa5-2f18-4cc6-8cd1-427e7ea7ec6d")), "kept aside, not lost");
            assertEquals(List.of(), stack.reconciliation().get().actions());
        }
    }
}
