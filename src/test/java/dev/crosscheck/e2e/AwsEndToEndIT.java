package dev.crosscheck.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The suite against a deployed stack in a real AWS account. Runs only with {@code CROSSCHECK_IT_AWS=1} and the stack's
 * outputs in the environment (see the README, "Deploying to AWS"); never in CI. Credentials and region come from the
 * usual AWS environment or profile. Each test writes under a story of its own and leaves it deleted or small.
 */
@ExtendWith(RequiresAwsAccount.class)
class AwsEndToEndIT extends EndToEndSuite {

    static final String ENABLE = "CROSSCHECK_IT_AWS";
    static final String BUCKET = "CROSSCHECK_IT_BUCKET";
    static final String INGEST_FUNCTION = "CROSSCHECK_IT_INGEST_FUNCTION";
    static final String COMPARE_FUNCTION = "CROSSCHECK_IT_COMPARE_FUNCTION";
    static final String API_URL = "CROSSCHECK_IT_API_URL";

    private static DeployedBackend backend;

    @BeforeAll
    static void connect() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(BUCKET, INGEST_FUNCTION, COMPARE_FUNCTION)) {
            if (System.getenv(name) == null || System.getenv(name).isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(ENABLE + "=1 needs " + missing + " (the stack's outputs)");
        }
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        String regionName = System.getenv().getOrDefault("AWS_REGION", System.getenv().getOrDefault("AWS_DEFAULT_REGION",
                "us-east-1"));
        Region region = Region.of(regionName);
        S3Client s3 = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        SignedHttp http = new SignedHttp(credentials.resolveCredentials(), regionName);
        LambdaApi lambda = new LambdaApi(http, URI.create("https://lambda." + regionName + ".amazonaws.com"));
        String api = System.getenv(API_URL);
        backend = new DeployedBackend(s3, System.getenv(BUCKET), lambda, System.getenv(INGEST_FUNCTION),
                System.getenv(COMPARE_FUNCTION), api == null || api.isBlank() ? null : URI.create(api), http, 120_000);
    }

    @AfterAll
    static void disconnect() {
        if (backend != null) {
            backend.close();
        }
    }

    @Override
    protected Backend backend() {
        return backend;
    }
}
