package dev.crosscheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;

/** The HTTP API event the deployed suites send reads, with the Lambda runtime's serializer, as API Gateway's would. */
class DeployedBackendTest {

    @Test
    void theHttpEventCarriesPathAndQuery() throws Exception {
        APIGatewayV2HTTPEvent event = LambdaEventSerializers
                .serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
                .fromJson(DeployedBackend.httpEvent("/stories/e2e-1/report?kind=count&verdict=agreement"));

        assertEquals("/stories/e2e-1/report", event.getRawPath());
        assertEquals("kind=count&verdict=agreement", event.getRawQueryString());
        assertEquals("count", event.getQueryStringParameters().get("kind"));
        assertEquals("agreement", event.getQueryStringParameters().get("verdict"));
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
    }
}
