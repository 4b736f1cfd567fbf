package dev.crosscheck.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crosscheck.lambda.AwsClients;
import dev.crosscheck.store.ClaimStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/**
 * The suite against LocalStack in a container: the real Lambda artifact deployed as two functions, the bucket's
 * notifications wired to the ingest function as the template wires them, DynamoDB for the claims. Needs a Docker
 * engine; without one the suite is skipped and says why.
 */
@ExtendWith(RequiresDocker.class)
class LocalStackEndToEndIT extends EndToEndSuite {

    private static final Path ARTIFACT = Path.of("target", "crosscheck-lambda.jar");
    private static final String IMAGE = "localstack/localstack:3.8";
    private static final String BUCKET = "crosscheck-articles";
    private static final String TABLE = "crosscheck-claims";
    /** How the functions, inside LocalStack's Lambda containers, reach LocalStack itself. */
    private static final String INTERNAL_ENDPOINT = "http://localhost.localstack.cloud:4566";

    private static LocalStackContainer localstack;
    private static DeployedBackend backend;

    @BeforeAll
    static void deploy() throws Exception {
        assumeTrue(Files.exists(ARTIFACT), "skipped: " + ARTIFACT + " is missing; run through mvn verify");
        localstack = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices(Service.S3, Service.DYNAMODB, Service.LAMBDA);
        localstack.start();

        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
        Region region = Region.of(localstack.getRegion());
        S3Client s3 = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true)
                .endpointOverride(localstack.getEndpoint()).build();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(localstack.getEndpoint()).build()) {
            new ClaimStore(dynamo, TABLE).createTableIfMissing();
        }
        s3.createBucket(b -> b.bucket(BUCKET));

        SignedHttp http = new SignedHttp(credentials.resolveCredentials(), localstack.getRegion());
        LambdaApi lambda = new LambdaApi(http, localstack.getEndpoint());
        Map<String, String> environment = Map.of(AwsClients.TABLE_NAME, TABLE,
                AwsClients.S3_ENDPOINT, INTERNAL_ENDPOINT, AwsClients.DYNAMODB_ENDPOINT, INTERNAL_ENDPOINT);
        lambda.createFunction("crosscheck-ingest", ARTIFACT, "dev.crosscheck.lambda.IngestHandler::handleRequest",
                environment);
        lambda.createFunction("crosscheck-compare", ARTIFACT, "dev.crosscheck.lambda.CompareHandler::handleRequest",
                environment);

        String ingestArn = "arn:aws:lambda:" + localstack.getRegion() + ":000000000000:function:crosscheck-ingest";
        List<LambdaFunctionConfiguration> notifications = new ArrayList<>();
        for (String suffix : List.of(".txt", ".md", ".html", ".htm")) {
            for (Event event : List.of(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED)) {
                notifications.add(LambdaFunctionConfiguration.builder().lambdaFunctionArn(ingestArn).events(event)
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.SUFFIX).value(suffix))))
                        .build());
            }
        }
        s3.putBucketNotificationConfiguration(b -> b.bucket(BUCKET)
                .notificationConfiguration(n -> n.lambdaFunctionConfigurations(notifications)));

        backend = new DeployedBackend(s3, BUCKET, lambda, "crosscheck-ingest", "crosscheck-compare", null, http,
                120_000);
    }

    @AfterAll
    static void tearDown() {
        if (backend != null) {
            backend.close();
        }
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    protected Backend backend() {
        return backend;
    }
}
