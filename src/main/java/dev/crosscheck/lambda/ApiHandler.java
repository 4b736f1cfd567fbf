package dev.crosscheck.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.crosscheck.api.ApiRequest;
import dev.crosscheck.api.ApiResponse;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.ReportArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP API function as deployed (API Gateway HTTP API, payload format 2.0), lean: it takes the event as a stream
 * and reads the four fields it needs with a streaming JSON parser, so the runtime loads no event serializer; it serves
 * the reports the report function stored and computes none, so no comparator or extraction model is loaded; it reads
 * stored files through presigned GETs, so no S3 client is built either; and it reads the table through
 * {@link dev.crosscheck.store.DynamoDbReadClient}, the SDK's signer and HTTP client without its DynamoDB service
 * client. {@link CompareHandler} is the same API behind the runtime's event classes.
 */
public final class ApiHandler implements RequestStreamHandler {

    private static final JsonFactory JSON = new JsonFactory();

    private final StoryApi api;

    /** Used by the Lambda runtime: clients from the environment, built once per container. */
    public ApiHandler() {
        this(fromEnvironment());
    }

    public ApiHandler(StoryApi api) {
        this.api = api;
    }

    private static StoryApi fromEnvironment() {
        AwsClients clients = new AwsClients(System.getenv());
        String reports = clients.reportsBucket();
        if (reports == null) {
            throw new IllegalStateException("environment variable " + AwsClients.REPORTS_BUCKET + " is not set");
        }
        // one HTTP client, so one TLS context, for the table and the stored files
        var http = software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create();
        ClaimStore store = new ClaimStore(clients.dynamoDbReads(http), clients.tableName());
        return new StoryApi(store, new ReportArchive(null, clients.s3Links(http), reports, store));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Event event = read(input);
        ApiResponse response = api.handle(new ApiRequest(event.method, event.path, event.query, event.headers));
        write(response, "HEAD".equalsIgnoreCase(event.method), output);
    }

    /** What the API reads of an event. */
    static final class Event {
        String method = "GET";
        String path;
        Map<String, String> query = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
    }

    static Event read(InputStream input) throws IOException {
        Event event = new Event();
        try (JsonParser p = JSON.createParser(input)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the event is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "rawPath" -> event.path = p.getValueAsString();
                    case "queryStringParameters" -> event.query = strings(p, false);
                    case "headers" -> event.headers = strings(p, true);
                    case "requestContext" -> readContext(p, event);
                    default -> p.skipChildren();
                }
            }
        }
        return event;
    }

    private static void readContext(JsonParser p, Event event) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("http") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("method") && p.currentToken() == JsonToken.VALUE_STRING) {
                        event.method = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** An object of strings (null: empty); header names lower-cased, as HTTP API sends them. */
    private static Map<String, String> strings(JsonParser p, boolean lowerCaseNames) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return values;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (p.currentToken().isScalarValue() && p.currentToken() != JsonToken.VALUE_NULL) {
                values.put(lowerCaseNames ? name.toLowerCase(Locale.ROOT) : name, p.getValueAsString());
            } else {
                p.skipChildren();
            }
        }
        return values;
    }

    static void write(ApiResponse response, boolean head, OutputStream output) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(output)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", response.status());
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeStringField("body", head ? "" : response.body());
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        }
    }
}
