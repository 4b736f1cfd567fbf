package dev.crosscheck.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.crosscheck.api.ApiRequest;
import dev.crosscheck.api.ApiResponse;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.ReportArchive;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP API (API Gateway HTTP API, payload format 2.0) behind the runtime's event classes: adapts events to
 * {@link StoryApi}. The deployed function is {@link ApiHandler}, the same API taking the event as a stream.
 */
public final class CompareHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final StoryApi api;

    /** SnapStart priming hook, held here because the runtime's context holds it weakly. */
    private Priming priming;

    /**
     * Used by the Lambda runtime: clients from the environment, built once per container; with SnapStart the code paths
     * are primed before the snapshot.
     */
    public CompareHandler() {
        this(fromEnvironment());
        if (new AwsClients(System.getenv()).reportsBucket() == null) {
            this.priming = Priming.register();
        }
    }

    public CompareHandler(StoryApi api) {
        this.api = api;
    }

    /**
     * With a reports bucket (as deployed) the API serves the reports the report function stored and computes none:
     * no comparator, no extraction models, nothing to prime. Without one it computes each report when read.
     */
    private static StoryApi fromEnvironment() {
        AwsClients clients = new AwsClients(System.getenv());
        ClaimStore store = new ClaimStore(clients.dynamoDb(), clients.tableName());
        String reports = clients.reportsBucket();
        if (reports != null) {
            return new StoryApi(store, new ReportArchive(null, clients.s3Links(), reports, store));
        }
        return new StoryApi(store, new StoryComparator());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = "GET";
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            method = event.getRequestContext().getHttp().getMethod();
        }
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        }
        ApiResponse response = api.handle(new ApiRequest(method, event.getRawPath(),
                event.getQueryStringParameters(), headers));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody("HEAD".equalsIgnoreCase(method) ? "" : response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
