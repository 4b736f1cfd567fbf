package dev.crosscheck.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The two DynamoDB reads the API function makes, {@code GetItem} and {@code Query}, sent over DynamoDB's JSON protocol
 * with the SDK's own parts: its HTTP client, its Signature Version 4 signer, its retry strategy and its model classes,
 * so {@link ClaimStore} uses it as any {@link DynamoDbClient}. What it leaves out is the SDK's service client, whose
 * construction and first request are most of a cold start (the request pipeline, endpoint rules, interceptors, the
 * verification of every operation's model classes); the API function only reads, and serves what the report function
 * stored. Every other operation throws {@link UnsupportedOperationException}.
 *
 * <p>Requests are written from the model's own field descriptions ({@link SdkPojo#sdkFields()}, the names DynamoDB
 * expects on the wire); answers are read into the model's builders. Throttling, 5xx answers and I/O failures are
 * retried with the SDK's standard strategy (backoff with jitter); any other error becomes the SDK's exception for it
 * ({@link ResourceNotFoundException} or {@link DynamoDbException}, with the error code DynamoDB gave).
 */
public final class DynamoDbReadClient implements DynamoDbClient {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "RequestLimitExceeded", "LimitExceededException", "InternalServerError",
            "ServiceUnavailable");

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final RetryStrategy retries;

    /**
     * @param endpoint DynamoDB's endpoint; null for AWS's regional one ({@code https://dynamodb.REGION.amazonaws.com})
     */
    public DynamoDbReadClient(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
        this(http, credentials, region, endpoint, DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(4)
                .retryOnException(DynamoDbReadClient::retryable)
                .build());
    }

    DynamoDbReadClient(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint,
                       RetryStrategy retries) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint != null ? endpoint : URI.create("https://dynamodb." + region + ".amazonaws.com");
        this.retries = retries;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        GetItemResponse.Builder response = GetItemResponse.builder();
        call("GetItem", request, (name, p) -> {
            if ("Item".equals(name)) {
                response.item(readMapBody(p));
                return true;
            }
            return false;
        });
        return response.build();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        QueryResponse.Builder response = QueryResponse.builder();
        call("Query", request, (name, p) -> {
            switch (name) {
                case "Items" -> {
                    List<Map<String, AttributeValue>> items = new ArrayList<>();
                    expect(p, JsonToken.START_ARRAY);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(readMapBody(p));
                    }
                    response.items(items);
                }
                case "LastEvaluatedKey" -> response.lastEvaluatedKey(readMapBody(p));
                case "Count" -> response.count(p.getIntValue());
                case "ScannedCount" -> response.scannedCount(p.getIntValue());
                default -> {
                    return false;
                }
            }
            return true;
        });
        return response.build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        http.close();
    }

    /** Reads one member of the answer's top-level object; false when the member is not one it takes. */
    private interface Member {
        boolean read(String name, JsonParser parser) throws IOException;
    }

    private void call(String operation, SdkPojo request, Member member) {
        byte[] body = write(request);
        RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create(operation)).token();
        while (true) {
            try {
                send(operation, body, member);
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return;
            } catch (RuntimeException failure) {
                Duration delay;
                try {
                    var refreshed = retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token)
                            .failure(failure).build());
                    token = refreshed.token();
                    delay = refreshed.delay();
                } catch (TokenAcquisitionFailedException noMore) {
                    throw failure;
                }
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    private void send(String operation, byte[] body, Member member) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .build()).call();
            int status = response.httpResponse().statusCode();
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                if (status != 200) {
                    throw error(status, in.readAllBytes());
                }
                try (JsonParser p = JSON.createParser(in)) {
                    p.nextToken();
                    expect(p, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (!member.read(name, p)) {
                            p.skipChildren();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " " + endpoint, e);
        }
    }

    private static DynamoDbException error(int status, byte[] body) {
        String type = "";
        String message = "";
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("__type".equals(name)) {
                        type = p.getValueAsString("");
                    } else if ("message".equalsIgnoreCase(name)) {
                        message = p.getValueAsString("");
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException notJson) {
            message = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
        String code = type.substring(type.lastIndexOf('#') + 1);
        if (code.isEmpty()) {
            code = status >= 500 ? "InternalServerError" : "HTTP " + status;
        }
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                .serviceName("DynamoDb").build();
        var builder = "ResourceNotFoundException".equals(code) ? ResourceNotFoundException.builder()
                : DynamoDbException.builder();
        return (DynamoDbException) builder.message(message + " (Service: DynamoDb, Status Code: " + status
                + ", Error Code: " + code + ")").statusCode(status).awsErrorDetails(details).build();
    }

    /** Throttling, a server error or a failed connection: worth another attempt. */
    static boolean retryable(Throwable failure) {
        if (failure instanceof UncheckedIOException) {
            return true;
        }
        if (failure instanceof DynamoDbException e) {
            return e.statusCode() >= 500 || (e.awsErrorDetails() != null
                    && THROTTLING.contains(e.awsErrorDetails().errorCode()));
        }
        return false;
    }

    // Requests: the model's fields by their wire names.

    static byte[] write(SdkPojo request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeObject(g, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeObject(JsonGenerator g, SdkPojo pojo) throws IOException {
        g.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            g.writeFieldName(field.locationName());
            writeValue(g, value);
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof SdkBytes bytes) {
            g.writeString(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        } else if (value instanceof SdkPojo pojo) {
            writeObject(g, pojo);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("a request member of type " + value.getClass().getName()
                    + " is not one the reads send");
        }
    }

    // Answers: items of attribute values.

    /** An object of attribute values; the parser is on its START_OBJECT. */
    private static Map<String, AttributeValue> readMapBody(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected an object of attribute values, got " + p.currentToken());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            item.put(name, readValue(p));
        }
        return item;
    }

    /** One attribute value: an object with one member naming its type. */
    private static AttributeValue readValue(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        AttributeValue.Builder value = AttributeValue.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String type = p.currentName();
            p.nextToken();
            switch (type) {
                case "S" -> value.s(p.getText());
                case "N" -> value.n(p.getText());
                case "B" -> value.b(SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(p.getText())));
                case "BOOL" -> value.bool(p.getBooleanValue());
                case "NULL" -> value.nul(p.getBooleanValue());
                case "SS" -> value.ss(strings(p));
                case "NS" -> value.ns(strings(p));
                case "BS" -> {
                    List<SdkBytes> bytes = new ArrayList<>();
                    for (String s : strings(p)) {
                        bytes.add(SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(s)));
                    }
                    value.bs(bytes);
                }
                case "M" -> value.m(readMapBody(p));
                case "L" -> {
                    expect(p, JsonToken.START_ARRAY);
                    List<AttributeValue> list = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        list.add(readValue(p));
                    }
                    value.l(list);
                }
                default -> throw new IOException("an attribute value of unknown type " + type);
            }
        }
        return value.build();
    }

    private static List<String> strings(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getText());
        }
        return out;
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.currentToken() != token) {
            throw new IOException("expected " + token + ", got " + p.currentToken());
        }
    }
}
