package dev.crosscheck.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.crosscheck.api.ApiRequest;
import dev.crosscheck.api.ApiResponse;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.store.ClaimStore;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start baseline for the comparison function: the same API, with its DynamoDB client built in the handler
 * method with the SDK's defaults (Apache HTTP client when present, default region and credential chains). Only the
 * emulator endpoint is set, as crosscheck's own handler sets it.
 */
public final class BaselineCompareHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getenv("CROSSCHECK_DYNAMODB_ENDPOINT")))
                .build();
        StoryApi api = new StoryApi(new ClaimStore(dynamo, System.getenv("TABLE_NAME")), new StoryComparator());
        ApiResponse response = api.handle(new ApiRequest(event.getRequestContext().getHttp().getMethod(),
                event.getRawPath(), event.getQueryStringParameters(), Map.of()));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(response.headers())
                .withBody(response.body()).withIsBase64Encoded(false).build();
    }
}
