package dev.crosscheck.lambda;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients built the lean way for Lambda: explicit region and credentials provider (no provider chains to walk),
 * the URL-connection HTTP client, one instance per container. Endpoint overrides let the same handlers run against
 * LocalStack or another emulator.
 */
public final class AwsClients {

    /** Environment variables the handlers read. The SAM template sets them; a test checks it. */
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String S3_ENDPOINT = "CROSSCHECK_S3_ENDPOINT";
    public static final String DYNAMODB_ENDPOINT = "CROSSCHECK_DYNAMODB_ENDPOINT";
    public static final String AWS_REGION = "AWS_REGION";
    /** The bucket stored reports live in (the report function writes it, the API function reads it). */
    public static final String REPORTS_BUCKET = "REPORTS_BUCKET";
    /** The articles bucket (the reconcile function lists it; the ingest function is told its bucket by each event). */
    public static final String ARTICLES_BUCKET = "ARTICLES_BUCKET";
    /** The report queue the ingest function asks for report computations on. */
    public static final String REPORT_QUEUE_URL = "REPORT_QUEUE_URL";
    public static final String SQS_ENDPOINT = "CROSSCHECK_SQS_ENDPOINT";

    /**
     * Variables the template need not set: the endpoints exist for emulators only, and Lambda sets the region itself.
     * {@link #TABLE_NAME} is required.
     */
    public static final java.util.Set<String> OPTIONAL = java.util.Set.of(S3_ENDPOINT, DYNAMODB_ENDPOINT, SQS_ENDPOINT,
            AWS_REGION);

    private final Map<String, String> env;

    public AwsClients(Map<String, String> env) {
        this.env = env;
    }

    public String tableName() {
        String table = env.get(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME + " is not set");
        }
        return table;
    }

    /** The articles bucket's name. */
    public String articlesBucket() {
        String bucket = blankToNull(env.get(ARTICLES_BUCKET));
        if (bucket == null) {
            throw new IllegalStateException("environment variable " + ARTICLES_BUCKET + " is not set");
        }
        return bucket;
    }

    /** The reports bucket's name, or null when the environment names none. */
    public String reportsBucket() {
        return blankToNull(env.get(REPORTS_BUCKET));
    }

    /** The report queue's URL, or null when the environment names none. */
    public String reportQueueUrl() {
        return blankToNull(env.get(REPORT_QUEUE_URL));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public S3Client s3() {
        var builder = S3Client.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = env.get(S3_ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }

    /** Presigned GETs and links to stored reports, signed with the function's own credentials. */
    public dev.crosscheck.store.S3Links s3Links() {
        return s3Links(null);
    }

    /** The same, following its links with the given HTTP client (null: one of its own). */
    public dev.crosscheck.store.S3Links s3Links(software.amazon.awssdk.http.SdkHttpClient http) {
        String endpoint = env.get(S3_ENDPOINT);
        return new dev.crosscheck.store.S3Links(credentials(), region().id(),
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint), http);
    }

    /**
     * The API function's reads of the table ({@code GetItem}, {@code Query}) without the SDK's DynamoDB service client:
     * its HTTP client, signer and retry strategy, over DynamoDB's JSON protocol.
     */
    public dev.crosscheck.store.DynamoDbReadClient dynamoDbReads(software.amazon.awssdk.http.SdkHttpClient http) {
        String endpoint = env.get(DYNAMODB_ENDPOINT);
        return new dev.crosscheck.store.DynamoDbReadClient(http, credentials(), region().id(),
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
    }

    /**
     * The claims table as the ingest path writes it: every burst of changes of a story asks the report queue for its
     * report, when the environment names one.
     */
    public dev.crosscheck.store.ClaimStore claimStore() {
        String queue = reportQueueUrl();
        return queue == null ? new dev.crosscheck.store.ClaimStore(dynamoDb(), tableName())
                : new dev.crosscheck.store.ClaimStore(dynamoDb(), tableName(), new SqsReportRequests(sqs(), queue),
                        java.time.Clock.systemUTC());
    }

    /**
     * The ingest function's code over these clients: the given bucket client and store (shared with whoever else
     * uses them), the story limits of the environment.
     */
    public dev.crosscheck.ingest.Ingestor ingestor(S3Client s3, dev.crosscheck.store.ClaimStore store) {
        return new dev.crosscheck.ingest.Ingestor(s3, store, new dev.crosscheck.analysis.ArticleAnalyzer(),
                java.time.Clock.systemUTC(), dev.crosscheck.store.StoryLimits.fromEnvironment(env));
    }

    public SqsClient sqs() {
        var builder = SqsClient.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = env.get(SQS_ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    public DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = env.get(DYNAMODB_ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private Region region() {
        String region = env.get(AWS_REGION);
        return Region.of(region == null || region.isBlank() ? "us-east-1" : region);
    }

    /**
     * Lambda puts the function's credentials in the environment; with SnapStart it serves them from a container
     * endpoint instead. Either is taken directly, without walking the default provider chain.
     */
    private AwsCredentialsProvider credentials() {
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key != null && secret != null) {
            String token = env.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token));
        }
        if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return ContainerCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
