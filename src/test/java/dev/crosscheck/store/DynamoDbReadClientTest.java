package dev.crosscheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.crosscheck.support.Emulators;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The API function's own DynamoDB reads, against DynamoDB Local over HTTP: every answer equals the SDK client's, item
 * for item and page for page, for every kind of attribute value; errors are the SDK's exceptions; throttling is
 * retried and then surfaces, a request DynamoDB refuses is not retried.
 */
class DynamoDbReadClientTest {

    private static final String TABLE = Emulators.uniqueName("reads");
    private static DynamoDbClient sdk;
    private static URI endpoint;

    @BeforeAll
    static void table() throws Exception {
        endpoint = Emulators.dynamoDbEndpoint();
        sdk = Emulators.dynamoDbOverHttp();
        sdk.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        for (int i = 0; i < 25; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("story#one"));
            item.put("sk", s(String.format("doc#%02d", i)));
            item.put("text", s("ünïcödé \"quoted\" \\ back\nslash " + i + " \u2028 🙂"));
            item.put("count", AttributeValue.fromN(Integer.toString(i * 1000 - 7)));
            item.put("ratio", AttributeValue.fromN("0.000000000000000000000001"));
            item.put("raw", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, (byte) i})));
            item.put("ok", AttributeValue.fromBool(i % 2 == 0));
            item.put("nothing", AttributeValue.fromNul(true));
            item.put("tags", AttributeValue.fromSs(List.of("a", "b" + i)));
            item.put("numbers", AttributeValue.fromNs(List.of("1", "2.5", Integer.toString(i + 3))));
            item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"),
                    SdkBytes.fromUtf8String("y" + i))));
            item.put("nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(s("one"),
                    AttributeValue.fromN("2"), AttributeValue.fromM(Map.of("deep", AttributeValue.fromBool(true))),
                    AttributeValue.fromL(List.of()))), "empty", AttributeValue.fromM(Map.of()))));
            sdk.putItem(b -> b.tableName(TABLE).item(item));
        }
        sdk.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("story#two"), "sk", s("meta"), "version",
                AttributeValue.fromN("3"))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static DynamoDbReadClient reads(URI to) {
        return new DynamoDbReadClient(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "us-east-1", to);
    }

    @Test
    void itemsOfEveryAttributeTypeReadAsTheSdkReadsThem() {
        DynamoDbReadClient reads = reads(endpoint);
        for (String sk : List.of("doc#00", "doc#07", "doc#24")) {
            GetItemRequest request = GetItemRequest.builder().tableName(TABLE).consistentRead(true)
                    .key(Map.of("pk", s("story#one"), "sk", s(sk))).build();
            assertEquals(sdk.getItem(request).item(), reads.getItem(request).item(), sk);
            assertTrue(reads.getItem(request).hasItem());
        }
        GetItemRequest absent = GetItemRequest.builder().tableName(TABLE)
                .key(Map.of("pk", s("story#none"), "sk", s("meta"))).build();
        assertTrue(reads.getItem(absent).item().isEmpty());
        assertEquals(sdk.getItem(absent).hasItem(), reads.getItem(absent).hasItem());
    }

    @Test
    void queriesPageAsTheSdkPagesThem() {
        DynamoDbReadClient reads = reads(endpoint);
        QueryRequest request = QueryRequest.builder().tableName(TABLE)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s("story#one"), ":prefix", s("doc#"), ":min",
                        AttributeValue.fromN("3000")))
                .filterExpression("#count >= :min")
                .projectionExpression("sk, #count, nested, #raw")
                .expressionAttributeNames(Map.of("#count", "count", "#raw", "raw"))
                .consistentRead(true).limit(7).scanIndexForward(false).build();
        List<QueryResponse> expected = new ArrayList<>();
        sdk.queryPaginator(request).forEach(expected::add);
        List<QueryResponse> pages = new ArrayList<>();
        reads.queryPaginator(request).forEach(pages::add);
        assertEquals(4, pages.size(), "25 items evaluated, 7 a page");
        assertEquals(expected.size(), pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(expected.get(i).items(), pages.get(i).items(), "page " + i);
            assertEquals(expected.get(i).count(), pages.get(i).count());
            assertEquals(expected.get(i).scannedCount(), pages.get(i).scannedCount());
            assertEquals(expected.get(i).lastEvaluatedKey(), pages.get(i).lastEvaluatedKey());
            assertEquals(expected.get(i).hasLastEvaluatedKey(), pages.get(i).hasLastEvaluatedKey());
        }
        assertEquals(21, pages.stream().mapToInt(QueryResponse::count).sum(), "doc#04 to doc#24");

        // a page asked from a key, as the API's next tokens do
        QueryResponse from = reads.query(request.toBuilder().exclusiveStartKey(Map.of("pk", s("story#one"), "sk",
                s("doc#10"))).limit(3).build());
        assertEquals(List.of("doc#09", "doc#08", "doc#07"), from.items().stream().map(i -> i.get("sk").s()).toList());
    }

    @Test
    void aMissingTableIsTheSdksResourceNotFoundAndARefusedRequestIsNotRetried() throws Exception {
        DynamoDbReadClient reads = reads(endpoint);
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> reads.getItem(b -> b
                .tableName("no-such-table").key(Map.of("pk", s("a"), "sk", s("b")))));
        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
        assertEquals(400, missing.statusCode());

        try (Proxy proxy = new Proxy(endpoint, 0)) {
            DynamoDbException refused = assertThrows(DynamoDbException.class, () -> reads(proxy.uri()).query(b -> b
                    .tableName(TABLE).keyConditionExpression("pk = :missing")));
            assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
            assertEquals(1, proxy.requests.get(), "a request DynamoDB refuses is sent once");
        }
    }

    @Test
    void throttlingIsRetriedWithBackoffThenSurfaces() throws Exception {
        GetItemRequest request = GetItemRequest.builder().tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", s("story#two"), "sk", s("meta"))).build();
        try (Proxy proxy = new Proxy(endpoint, 2)) {
            assertEquals("3", reads(proxy.uri()).getItem(request).item().get("version").n());
            assertEquals(3, proxy.requests.get(), "two throttled attempts, then the answer");
        }
        try (Proxy proxy = new Proxy(endpoint, 100)) {
            DynamoDbException throttled = assertThrows(DynamoDbException.class,
                    () -> reads(proxy.uri()).getItem(request));
            assertEquals("ProvisionedThroughputExceededException", throttled.awsErrorDetails().errorCode());
            assertEquals(4, proxy.requests.get(), "four attempts in all");
        }
        try (Proxy proxy = new Proxy(endpoint, 0)) {
            proxy.down = true;
            assertThrows(java.io.UncheckedIOException.class, () -> reads(proxy.uri()).getItem(request));
            assertEquals(4, proxy.requests.get(), "a connection that fails is tried again too");
        }
    }

    @Test
    void writesAreNotWhatItDoes() {
        DynamoDbReadClient reads = reads(endpoint);
        assertThrows(UnsupportedOperationException.class, () -> reads.putItem(b -> b.tableName(TABLE)
                .item(Map.of("pk", s("x"), "sk", s("y")))));
        assertEquals("dynamodb", reads.serviceName());
    }

    /**
     * A loopback HTTP server in front of DynamoDB Local that answers the first {@code throttled} requests as
     * DynamoDB throttles (400, ProvisionedThroughputExceededException), or cuts every connection when down, and
     * forwards the rest.
     */
    static final class Proxy implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean down;
        private final HttpServer server;

        Proxy(URI target, int throttled) throws Exception {
            server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                int n = requests.incrementAndGet();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (down) {
                    exchange.close();
                    return;
                }
                if (n <= throttled) {
                    byte[] error = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                            + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured "
                            + "provisioned throughput for the table was exceeded.\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(400, error.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(error);
                    }
                    return;
                }
                HttpURLConnection forward = (HttpURLConnection) target.toURL().openConnection();
                forward.setRequestMethod("POST");
                forward.setDoOutput(true);
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                        forward.setRequestProperty(name, String.join(",", values));
                    }
                });
                try (OutputStream out = forward.getOutputStream()) {
                    out.write(body);
                }
                int status = forward.getResponseCode();
                byte[] answer;
                try (InputStream in = status < 400 ? forward.getInputStream() : forward.getErrorStream()) {
                    answer = in.readAllBytes();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
