package dev.crosscheck.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * SigV4-signed HTTP calls for the services the end-to-end suites drive without an SDK client of their own: the Lambda
 * API (create, inspect and invoke functions) and an IAM-authorized API Gateway HTTP API.
 */
final class SignedHttp {

    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Response(int status, Map<String, List<String>> headers, String body) {
    }

    private final AwsCredentialsIdentity credentials;
    private final String region;

    SignedHttp(AwsCredentialsIdentity credentials, String region) {
        this.credentials = credentials;
        this.region = region;
    }

    Response send(String service, String method, URI uri, Map<String, String> headers, byte[] body) throws Exception {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        byte[] payload = body == null ? new byte[0] : body;
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        signed.request().forEachHeader((name, values) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> http.header(name, v));
            }
        });
        HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }
}
