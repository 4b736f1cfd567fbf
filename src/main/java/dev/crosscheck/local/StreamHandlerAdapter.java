package dev.crosscheck.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A stream handler seen by the local HTTP API as it sees any HTTP API function: the event is written as the JSON
 * Lambda sends and handed over as bytes, as the Lambda runtime does for a {@link RequestStreamHandler}, and the bytes it
 * answers are read back as the response API Gateway reads.
 */
final class StreamHandlerAdapter implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ClassLoader LOADER = APIGatewayV2HTTPEvent.class.getClassLoader();
    private final RequestStreamHandler handler;
    private final PojoSerializer<APIGatewayV2HTTPEvent> events =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER);
    private final PojoSerializer<APIGatewayV2HTTPResponse> responses =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LOADER);

    StreamHandlerAdapter(RequestStreamHandler handler) {
        this.handler = handler;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        events.toJson(event, in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(in.toByteArray()), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return responses.fromJson(new ByteArrayInputStream(out.toByteArray()));
    }
}
