package dev.crosscheck.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.json.Json;
import dev.crosscheck.local.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.sync.RequestBody;

/** The suite against the embedded stack (S3 endpoint with bucket events, DynamoDB Local, HTTP API): always runs. */
class EmbeddedEndToEndTest extends EndToEndSuite {

    private static Path data;
    private static Embedded backend;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("crosscheck-e2e");
        backend = new Embedded(LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(line -> { })));
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Override
    protected Backend backend() {
        return backend;
    }

    private record Embedded(LocalStack stack) implements Backend {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        @Override
        public void upload(String key, byte[] content, Map<String, String> metadata) {
            stack.s3().putObject(b -> b.bucket(stack.bucket()).key(key).metadata(metadata), RequestBody.fromBytes(content));
        }

        @Override
        public void delete(String key) {
            stack.s3().deleteObject(b -> b.bucket(stack.bucket()).key(key));
        }

        @Override
        public String bucket() {
            return stack.bucket();
        }

        @Override
        public void deliverRawEvent(String s3EventJson) throws Exception {
            stack.deliver(s3EventJson);
            stack.awaitIngestion(30_000);
        }

        @Override
        public Reply get(String path) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiEndpoint() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(r.body());
            return new Reply(r.statusCode(), body);
        }

        @Override
        public void close() throws Exception {
            stack.close();
        }
    }
}
