package dev.crosscheck.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link ColdStart}: does what the Lambda Java runtime does for the first invocation of a fresh
 * container, and nothing more. It loads and constructs the handler class (the init phase), turns the event JSON into
 * the event object with the runtime's own serializer, invokes the handler once, serializes the response, and prints
 * {@code System.nanoTime()} at each step (a monotonic clock shared by every process on the machine, so the parent can
 * subtract its own start time).
 *
 * <p>Arguments: handler class, {@code s3} or {@code http}, event file. Prints {@code MAIN}, {@code INIT} and
 * {@code RESPONSE} lines; exits 0 only when the invocation succeeded.
 */
public final class ColdStartChild {

    private ColdStartChild() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        System.out.println("MAIN " + System.nanoTime());
        Class<?> type = Class.forName(args[0]);
        Object instance = type.getDeclaredConstructor().newInstance();
        System.out.println("INIT " + System.nanoTime());
        if (args[1].equals("stream")) {
            // A stream handler: the runtime hands it the event's bytes and takes the bytes it writes.
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
                ((RequestStreamHandler) instance).handleRequest(in, json, null);
            }
            String answer = json.toString(StandardCharsets.UTF_8);
            if (!answer.startsWith("{\"statusCode\":200,")) {
                System.out.println("FAILED " + answer.substring(0, Math.min(300, answer.length())));
                System.exit(1);
            }
            System.out.println("RESPONSE " + System.nanoTime() + " status=200 bytes=" + json.size());
            System.out.flush();
            System.exit(0);
        }
        RequestHandler handler = (RequestHandler) instance;
        boolean http = args[1].equals("http");
        boolean sqs = args[1].equals("sqs");
        ClassLoader loader = ColdStartChild.class.getClassLoader();
        Object event;
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            event = http ? LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader).fromJson(in)
                    : sqs ? LambdaEventSerializers.serializerFor(SQSEvent.class, loader).fromJson(in)
                    : LambdaEventSerializers.serializerFor(S3Event.class, loader).fromJson(in);
        }
        Object response = handler.handleRequest(event, null);
        String summary;
        if (http) {
            PojoSerializer<APIGatewayV2HTTPResponse> out =
                    LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            out.toJson((APIGatewayV2HTTPResponse) response, json);
            APIGatewayV2HTTPResponse r = (APIGatewayV2HTTPResponse) response;
            summary = "status=" + r.getStatusCode() + " bytes=" + json.size();
            if (r.getStatusCode() != 200) {
                System.out.println("FAILED " + json.toString(StandardCharsets.UTF_8));
                System.exit(1);
            }
        } else if (sqs) {
            PojoSerializer<SQSBatchResponse> out = LambdaEventSerializers.serializerFor(SQSBatchResponse.class, loader);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            out.toJson((SQSBatchResponse) response, json);
            summary = json.toString(StandardCharsets.UTF_8);
            if (!((SQSBatchResponse) response).getBatchItemFailures().isEmpty()) {
                System.out.println("FAILED " + summary);
                System.exit(1);
            }
        } else {
            summary = String.valueOf(response).replace('\n', ' ');
            if (!summary.startsWith("ingested")) {
                System.out.println("FAILED " + summary);
                System.exit(1);
            }
        }
        System.out.println("RESPONSE " + System.nanoTime() + " " + summary);
        System.out.flush();
        System.exit(0);
    }
}
