package dev.crosscheck.support;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/** Real emulators for tests: DynamoDB Local in-process and an S3Proxy endpoint on loopback, shared per JVM. */
public final class Emulators {

    private static AmazonDynamoDBLocal dynamoLocal;
    private static S3Proxy s3Proxy;
    private static S3Client s3;
    private static software.amazon.dynamodb.services.local.server.DynamoDBProxyServer dynamoServer;
    private static URI dynamoServerEndpoint;

    private Emulators() {
    }

    public static synchronized DynamoDbClient dynamoDb() {
        if (dynamoLocal == null) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                dynamoLocal = DynamoDBEmbedded.create(true);
            } finally {
                System.setOut(out);
            }
        }
        return dynamoLocal.dynamoDbClient();
    }

    /**
     * DynamoDB Local as an HTTP server (in memory, on a free loopback port), started once: for clients that speak
     * DynamoDB's wire protocol themselves, beside the SDK client {@link #dynamoDbOverHttp()} to the same tables.
     */
    public static synchronized URI dynamoDbEndpoint() throws Exception {
        if (dynamoServer == null) {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                dynamoServer = software.amazon.dynamodb.services.local.main.ServerRunner
                        .createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", Integer.toString(port)});
                dynamoServer.start();
            } finally {
                System.setOut(out);
            }
            dynamoServerEndpoint = URI.create("http://127.0.0.1:" + port);
        }
        return dynamoServerEndpoint;
    }

    /** The SDK's DynamoDB client to {@link #dynamoDbEndpoint()}. */
    public static synchronized software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDbOverHttp()
            throws Exception {
        URI endpoint = dynamoDbEndpoint();
        return software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint).build();
    }

    public static synchronized S3Client s3() throws Exception {
        if (s3Proxy == null) {
            s3Proxy = startS3Proxy(0);
            s3 = S3Client.builder()
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .forcePathStyle(true)
                    .endpointOverride(URI.create("http://127.0.0.1:" + s3Proxy.getPort()))
                    .build();
        }
        return s3;
    }

    /**
     * Starts an S3 endpoint (S3Proxy, in-memory store, any credentials accepted) on 127.0.0.1 at {@code port}
     * (0: any free port) and waits until it serves.
     */
    public static S3Proxy startS3Proxy(int port) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, "", "")
                .stopTimeout(0)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return proxy;
    }

    /** A fresh, unique table or bucket name, so tests sharing the emulators never see each other's data. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
