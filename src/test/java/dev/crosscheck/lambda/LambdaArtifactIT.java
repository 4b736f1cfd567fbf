package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import org.junit.jupiter.api.Test;

/** The deployment artifact: small, free of emulators and tests, and complete enough to load both handlers on its own. */
class LambdaArtifactIT {

    private static final Path JAR = Path.of("target", "crosscheck-lambda.jar");
    /** 20 MB, decimal, as the budget reads (raised from 15 MB for the tagger's models); the build fails above it too. */
    private static final long BUDGET_BYTES = 20_000_000L;
    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "dev/crosscheck/local/", "dev/crosscheck/cli/", "org/gaul/", "software/amazon/dynamodb/services/local/",
            "com/amazonaws/services/dynamodbv2/local/", "org/eclipse/jetty/", "org/junit/", "com/almworks/sqlite4java/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/nio/netty/", "io/netty/",
            "ch/qos/logback/", "org/apache/logging/log4j/");

    @Test
    void staysWithinItsSizeBudget() throws Exception {
        long size = Files.size(JAR);
        assertTrue(size <= BUDGET_BYTES, "Lambda artifact is " + size + " bytes");
    }

    @Test
    void containsNoEmulatorsNoLocalStackAndNoTests() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> offending = jar.stream().map(e -> e.getName())
                    .filter(name -> FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith)
                            || name.endsWith("Test.class") || name.endsWith("IT.class"))
                    .limit(10).toList();
            assertEquals(List.of(), offending);
        }
    }

    @Test
    void everyHandlerAndTheEventsItTakesLoadFromTheArtifactAlone() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> handlerInterface = loader.loadClass(RequestHandler.class.getName());
            for (String name : List.of("dev.crosscheck.lambda.IngestHandler", "dev.crosscheck.lambda.CompareHandler",
                    "dev.crosscheck.lambda.ReportHandler", "dev.crosscheck.lambda.ReconcileHandler")) {
                Class<?> handler = Class.forName(name, true, loader);
                assertTrue(handlerInterface.isAssignableFrom(handler), name);
                // the event classes the runtime deserializes into, and the classes their fields use
                for (var method : handler.getMethods()) {
                    for (Class<?> parameter : method.getParameterTypes()) {
                        for (var field : parameter.getDeclaredMethods()) {
                            field.getReturnType();
                        }
                    }
                }
            }
        }
    }

    @Test
    void primesItsCodePathsWithOnlyTheArtifactOnTheClasspath() throws Exception {
        try (URLClassLoader loader = isolated()) {
            Class<?> priming = Class.forName("dev.crosscheck.lambda.Priming", true, loader);
            assertTrue(Class.forName("org.crac.Resource", false, loader).isAssignableFrom(priming));
            Object result = priming.getMethod("prime").invoke(null);
            int claims = (int) result.getClass().getMethod("claims").invoke(result);
            assertTrue(claims > 0, "priming from the artifact alone: " + result);
        }
    }

    @Test
    void extractsClaimsWithOnlyTheArtifactOnTheClasspath() throws Exception {
        try (URLClassLoader loader = isolated()) {
            Class<?> analyzerClass = Class.forName("dev.crosscheck.analysis.ArticleAnalyzer", true, loader);
            Class<?> metadataClass = Class.forName("dev.crosscheck.document.DocumentMetadata", true, loader);
            Object analyzer = analyzerClass.getConstructor().newInstance();
            Object metadata = metadataClass.getConstructor(String.class, String.class, String.class, String.class,
                    java.time.Instant.class).newInstance("2023-03-21", "UPI", null, null, java.time.Instant.now());
            Object article = analyzerClass.getMethod("analyze", String.class, byte[].class, metadataClass)
                    .invoke(analyzer, "xi/upi.txt", Files.readAllBytes(Seeds.file(Seeds.UPI)), metadata);
            List<?> claims = (List<?>) article.getClass().getMethod("claims").invoke(article);
            assertTrue(claims.size() > 5, "claims extracted from the artifact alone: " + claims);
        }
    }

    @Test
    void itsS3ClientReadsObjectsFromAnS3Endpoint() throws Exception {
        software.amazon.awssdk.services.s3.S3Client testClient = Emulators.s3();
        Seeds.ensureBucket(testClient, "artifact-check");
        Seeds.upload(testClient, "artifact-check", "s/upi.txt", Seeds.UPI);
        String endpoint = testClient.serviceClientConfiguration().endpointOverride().orElseThrow().toString();
        try (URLClassLoader loader = isolated()) {
            Class<?> clients = Class.forName("dev.crosscheck.lambda.AwsClients", true, loader);
            Object s3 = clients.getMethod("s3").invoke(clients.getConstructor(java.util.Map.class).newInstance(
                    java.util.Map.of("CROSSCHECK_S3_ENDPOINT", endpoint, "AWS_REGION", "us-east-1",
                            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test")));
            Class<?> s3Client = Class.forName("software.amazon.awssdk.services.s3.S3Client", true, loader);
            Class<?> consumer = java.util.function.Consumer.class;
            Class<?> builder = Class.forName("software.amazon.awssdk.services.s3.model.HeadObjectRequest$Builder", true,
                    loader);
            Object head = s3Client.getMethod("headObject", consumer).invoke(s3, (java.util.function.Consumer<Object>) b -> {
                try {
                    builder.getMethod("bucket", String.class).invoke(b, "artifact-check");
                    builder.getMethod("key", String.class).invoke(b, "s/upi.txt");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            Object metadata = Class.forName("software.amazon.awssdk.services.s3.model.HeadObjectResponse", true, loader)
                    .getMethod("metadata").invoke(head);
            assertEquals("UPI", ((java.util.Map<?, ?>) metadata).get("publisher"));
        }
    }

    /**
     * The clients as deployed (explicit region and credentials, no endpoint override) resolve their endpoints and sign
     * a request with only the artifact: the SDK's per-service endpoint metadata, left out of it, is never needed. The
     * call itself cannot succeed (made-up credentials; maybe no network): any failure but a missing class will do.
     */
    @Test
    void clientsAsDeployedResolveEndpointsAndSignWithOnlyTheArtifact() throws Exception {
        try (URLClassLoader loader = isolated()) {
            Class<?> clients = Class.forName("dev.crosscheck.lambda.AwsClients", true, loader);
            Object aws = clients.getConstructor(java.util.Map.class).newInstance(java.util.Map.of(
                    "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE00",
                    "AWS_SECRET_ACCESS_KEY", "not-a-secret", "TABLE_NAME", "crosscheck-artifact-check"));
            Object s3 = clients.getMethod("s3").invoke(aws);
            Class<?> s3Client = Class.forName("software.amazon.awssdk.services.s3.S3Client", true, loader);
            Class<?> headRequest = Class.forName("software.amazon.awssdk.services.s3.model.HeadObjectRequest", true,
                    loader);
            Class<?> headBuilder = Class.forName(headRequest.getName() + "$Builder", true, loader);
            Object builder = headRequest.getMethod("builder").invoke(null);
            headBuilder.getMethod("bucket", String.class).invoke(builder, "crosscheck-artifact-check-none");
            headBuilder.getMethod("key", String.class).invoke(builder, "s/none.txt");
            Object request = headBuilder.getMethod("build").invoke(builder);
            Throwable failure = assertThrows(java.lang.reflect.InvocationTargetException.class,
                    () -> s3Client.getMethod("headObject", headRequest).invoke(s3, request)).getCause();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertFalse(t instanceof LinkageError, "a class missing from the artifact: " + t);
            }
            assertTrue(failure.getClass().getName().startsWith("software.amazon.awssdk."), String.valueOf(failure));
            Object dynamo = clients.getMethod("dynamoDb").invoke(aws);
            Object store = Class.forName("dev.crosscheck.store.ClaimStore", true, loader)
                    .getConstructor(Class.forName("software.amazon.awssdk.services.dynamodb.DynamoDbClient", true,
                            loader), String.class).newInstance(dynamo, "crosscheck-artifact-check");
            Throwable storeFailure = assertThrows(java.lang.reflect.InvocationTargetException.class,
                    () -> store.getClass().getMethod("loadStory", String.class).invoke(store, "none")).getCause();
            for (Throwable t = storeFailure; t != null; t = t.getCause()) {
                assertFalse(t instanceof LinkageError, "a class missing from the artifact: " + t);
            }
            assertTrue(storeFailure.getClass().getName().startsWith("software.amazon.awssdk."),
                    String.valueOf(storeFailure));
        }
    }

    private static URLClassLoader isolated() throws Exception {
        return new URLClassLoader(new URL[]{JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
