package dev.crosscheck.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crosscheck.json.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A deployment with real Lambda functions (LocalStack or AWS): objects go through S3, whose notifications invoke the
 * ingest function; raw events are delivered by invoking it; reads go through the HTTP API when its URL is known,
 * otherwise straight to the compare function with the event API Gateway would send.
 */
final class DeployedBackend implements EndToEndSuite.Backend {

    private final S3Client s3;
    private final String bucket;
    private final LambdaApi lambda;
    private final String ingestFunction;
    private final String compareFunction;
    private final URI apiUrl;
    private final SignedHttp http;
    private final long patienceMillis;

    DeployedBackend(S3Client s3, String bucket, LambdaApi lambda, String ingestFunction, String compareFunction,
                    URI apiUrl, SignedHttp http, long patienceMillis) {
        this.s3 = s3;
        this.bucket = bucket;
        this.lambda = lambda;
        this.ingestFunction = ingestFunction;
        this.compareFunction = compareFunction;
        this.apiUrl = apiUrl;
        this.http = http;
        this.patienceMillis = patienceMillis;
    }

    @Override
    public void upload(String key, byte[] content, Map<String, String> metadata) {
        s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(content));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public void deliverRawEvent(String s3EventJson) throws Exception {
        lambda.invoke(ingestFunction, s3EventJson);
    }

    @Override
    public EndToEndSuite.Reply get(String path) throws Exception {
        if (apiUrl != null) {
            SignedHttp.Response r = http.send("execute-api", "GET",
                    URI.create(apiUrl.toString().replaceAll("/$", "") + path), Map.of(), null);
            return new EndToEndSuite.Reply(r.status(), Json.MAPPER.readTree(r.body()));
        }
        JsonNode response = Json.MAPPER.readTree(lambda.invoke(compareFunction, httpEvent(path)));
        return new EndToEndSuite.Reply(response.get("statusCode").asInt(),
                Json.MAPPER.readTree(response.get("body").asText()));
    }

    @Override
    public long patienceMillis() {
        return patienceMillis;
    }

    /** The payload-2.0 event API Gateway sends for GET {@code path}, from the sample in events/. */
    static String httpEvent(String path) throws Exception {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("events", "http-report.json")));
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        event.put("rawPath", rawPath);
        event.put("rawQueryString", query);
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        ((ObjectNode) event.get("requestContext").get("http")).put("path", rawPath);
        return Json.write(event);
    }

    @Override
    public void close() {
        s3.close();
    }
}
