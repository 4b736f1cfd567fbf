package dev.crosscheck.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Presigned GETs of S3 objects: the SDK's Signature Version 4 signer, with the signature in the query string (what the
 * S3 presigner produces), and the JDK's HTTP client to follow one. The API function reads stored reports this way and
 * hands such links out: no S3 client and no S3 presigner is built on its cold start, only the signer its DynamoDB
 * client loads anyway.
 */
public final class S3Links {

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private volatile SdkHttpClient http;

    /**
     * @param endpoint an S3-compatible endpoint, addressed path-style (emulators); null for AWS, addressed
     *                 virtual-hosted-style ({@code https://BUCKET.s3.REGION.amazonaws.com/KEY})
     */
    public S3Links(AwsCredentialsProvider credentials, String region, URI endpoint) {
        this(credentials, region, endpoint, null);
    }

    /**
     * @param http the HTTP client that follows the links {@link #get} makes (the function's other client, so that
     *             one TLS context serves both); null for one of its own, made on the first {@code get}
     */
    public S3Links(AwsCredentialsProvider credentials, String region, URI endpoint, SdkHttpClient http) {
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
        this.http = http;
    }

    private SdkHttpClient http() {
        SdkHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create();
                }
                client = http;
            }
        }
        return client;
    }

    /** A link to the object that anyone holding it may GET until it expires (at most seven days, as S3 allows). */
    public URL link(String bucket, String key, Duration validity) {
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        URI uri = endpoint == null
                ? URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com" + path)
                : URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket + path);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, validity)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
        try {
            return signed.request().getUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The object, GET through a link valid for a minute; empty when S3 answers 404, or 403 (no ListBucket right). */
    public Optional<byte[]> get(String bucket, String key) {
        try {
            URI uri = link(bucket, key, Duration.ofMinutes(1)).toURI();
            HttpExecuteResponse response = http().prepareRequest(HttpExecuteRequest.builder()
                    .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build()).build()).call();
            int status = response.httpResponse().statusCode();
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                byte[] body = in.readAllBytes(); // read out, so that the connection is kept for the next request
                if (status == 404 || status == 403) {
                    return Optional.empty();
                }
                if (status != 200) {
                    throw new IllegalStateException("GET s3://" + bucket + "/" + key + ": HTTP " + status);
                }
                return Optional.of(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET s3://" + bucket + "/" + key, e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
