package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The deployment artifact: small, free of emulators and tests, and complete enough to load both handlers on its own. */
class LambdaArtifactIT {

    private static final Path JAR = Path.of("target", "crosscheck-lambda.jar");
    private static final long BUDGET_BYTES = 15L * 1024 * 1024;
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
    void bothHandlersLoadFromTheArtifactAlone() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> handlerInterface = loader.loadClass(RequestHandler.class.getName());
            for (String name : List.of("dev.crosscheck.lambda.IngestHandler", "dev.crosscheck.lambda.CompareHandler")) {
                Class<?> handler = Class.forName(name, true, loader);
                assertTrue(handlerInterface.isAssignableFrom(handler), name);
            }
            // Extraction resources (models, word lists) are inside too.
            Class<?> analyzer = Class.forName("dev.crosscheck.analysis.ArticleAnalyzer", true, loader);
            analyzer.getConstructor().newInstance();
        }
    }
}
