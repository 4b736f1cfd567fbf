package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local stack killed with SIGKILL ({@code kill -9}) in the middle of bursts of writes, ten times on one data
 * folder: PUTs from several clients (new keys and overwrites), {@code aws s3 sync} of a folder with sidecars, and
 * {@code aws s3 rm --recursive}. After each kill a stack starts on the folder, and once its journal is delivered and
 * its reconciliation done, bucket and table must agree exactly ({@link StackAudit}: every object current, claim for
 * claim; nothing in the table without its object; no leftover claims) and no half-written journal entry is left.
 *
 * <p>The stack under fire runs in a process of its own, started as {@code ./crosscheck local} starts it. The sync and
 * rm bursts use the aws CLI, as a user would; without it on the PATH they are PUT and DELETE bursts through the SDK.
 */
@Timeout(900)
class CrashRecoveryIT {

    private static final int ROUNDS = 10;
    private static final String BUCKET = LocalStack.DEFAULT_BUCKET;

    @TempDir
    Path data;

    @TempDir
    Path folders;

    private final java.util.Set<Process> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void afterAKillDuringAnyBurstTheNextStartLeavesBucketAndTableInStep() throws Exception {
        Random random = new Random(20231122);
        boolean awsCli = awsCliAvailable();
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String burst = List.of("put", "sync", "rm").get(round % 3);
            int current = round;
            int s3Port = freePort();
            Process child = startChild(s3Port);
            try (S3Client s3 = client(s3Port)) {
                ExecutorService writers = Executors.newFixedThreadPool(4);
                java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
                String prefix;
                switch (burst) {
                    case "put" -> {
                        prefix = "burst/";
                        for (int w = 0; w < 4; w++) {
                            int writer = w;
                            writers.submit(() -> putBurst(s3, current, writer, started));
                        }
                    }
                    case "sync" -> {
                        prefix = "synced-" + current + "/";
                        writers.submit(() -> syncBurst(s3, s3Port, awsCli, current, started));
                    }
                    default -> {
                        prefix = "synced-" + (current - 1) + "/";
                        writers.submit(() -> removeBurst(s3, s3Port, awsCli, prefix, current, started));
                    }
                }
                // the kill lands while the burst's requests are reaching the stack, at a random point of it
                assertTrue(awaitFirstChange(s3, prefix, started), "round " + round + ": the " + burst
                        + " burst changed the bucket before the kill");
                Thread.sleep(random.nextInt(burst.equals("put") ? 150 : 600));
                child.destroyForcibly();    // SIGKILL: no shutdown hook, no flush
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                writers.shutdownNow();
                writers.awaitTermination(60, TimeUnit.SECONDS);
            }
            try (LocalStack stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0)
                    .withLog(line -> { }))) {
                stack.awaitIngestion(300_000);
                StackAudit.Result audit = StackAudit.run(stack);
                assertEquals(List.of(), audit.problems(), "round " + round + " (" + burst + "): " + audit);
                try (Stream<Path> journal = Files.exists(data.resolve("pending-events"))
                        ? Files.list(data.resolve("pending-events")) : Stream.empty()) {
                    assertEquals(List.of(), journal.toList(), "round " + round + ": the journal is delivered");
                }
                rounds.add(burst + ": " + audit.objects() + " objects, " + stack.reconciliation().get().summary());
            }
        }
        System.out.println("crash rounds:\n  " + String.join("\n  ", rounds));
    }

    /** New keys and overwrites of keys of earlier rounds, some deleted again. */
    /**
     * Returns once the burst changed the bucket: a PUT acknowledged, or the folder's object count changed after the
     * CLI was started (at most 60 s).
     */
    private static boolean awaitFirstChange(S3Client s3, String prefix, java.util.concurrent.CountDownLatch started)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        if (!started.await(60, TimeUnit.SECONDS)) {
            return false;
        }
        if (prefix.equals("burst/")) {
            return true;    // a PUT was acknowledged
        }
        int before = count(s3, prefix);
        while (System.currentTimeMillis() < deadline) {
            if (count(s3, prefix) != before) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static int count(S3Client s3, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .mapToInt(o -> 1).sum();
    }

    private static void putBurst(S3Client s3, int round, int writer, java.util.concurrent.CountDownLatch started) {
        for (int n = 0; n < 25 && !Thread.currentThread().isInterrupted(); n++) {
            String key = "burst/w" + writer + "-" + (n % 12) + ".txt";
            try {
                Articles.variant(key, round * 100 + writer * 25 + n).upload(s3, BUCKET);
                started.countDown();
                if (n % 7 == 6) {
                    String removed = "burst/w" + writer + "-" + (n % 5) + ".txt";
                    s3.deleteObject(b -> b.bucket(BUCKET).key(removed));
                }
            } catch (RuntimeException stackKilled) {
                return;
            }
        }
    }

    /** A folder of articles beside their sidecars, synchronised into a story of its own. */
    private void syncBurst(S3Client s3, int s3Port, boolean awsCli, int round,
                           java.util.concurrent.CountDownLatch started) {
        try {
            Path folder = folders.resolve("sync-" + round);
            Files.createDirectories(folder);
            for (int n = 0; n < 30; n++) {
                Articles.Article article = Articles.variant("a" + n + ".txt", round * 50 + n);
                Files.write(folder.resolve("a" + n + ".txt"), article.body());
                if (n % 2 == 0) {
                    Files.writeString(folder.resolve("a" + n + ".meta.json"), "{\"published\": \"2023-03-2"
                            + (n % 9) + "\", \"publisher\": \"Wire " + n + "\"}");
                }
            }
            String target = "s3://" + BUCKET + "/synced-" + round + "/";
            started.countDown();
            if (awsCli) {
                aws(s3Port, "s3", "sync", folder.toString(), target);
            } else {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        s3.putObject(b -> b.bucket(BUCKET).key("synced-" + round + "/" + file.getFileName()),
                                file);
                    }
                }
            }
        } catch (IOException | RuntimeException stackKilled) {
            // the stack went away mid-burst: that is the point
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The folder of the sync before removed object by object, after a few more writes to it. */
    private static void removeBurst(S3Client s3, int s3Port, boolean awsCli, String prefix, int round,
                                    java.util.concurrent.CountDownLatch started) {
        try {
            for (int n = 0; n < 6; n++) {
                Articles.variant(prefix + "extra-" + n + ".txt", round * 10 + n).upload(s3, BUCKET);
            }
            started.countDown();
            if (awsCli) {
                aws(s3Port, "s3", "rm", "--recursive", "s3://" + BUCKET + "/" + prefix);
            } else {
                for (var object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents()) {
                    s3.deleteObject(b -> b.bucket(BUCKET).key(object.key()));
                }
            }
        } catch (IOException | RuntimeException stackKilled) {
            // the stack went away mid-burst
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void aws(int s3Port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", "http://127.0.0.1:" + s3Port,
                "--region", LocalStack.REGION, "--only-show-errors"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process cli = builder.start();
        try {
            cli.waitFor(120, TimeUnit.SECONDS);
        } finally {
            cli.destroyForcibly();
        }
    }

    private static boolean awsCliAvailable() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** {@code crosscheck local} on the data folder in a JVM of its own; returns once it says it is running. */
    private Process startChild(int s3Port) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classpath = Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(Path.of("target/classpath.txt")).trim();
        Process child = new ProcessBuilder(javaCommand, "-XX:+UseSerialGC", "-cp", classpath, "dev.crosscheck.cli.Main",
                "local", "--data", data.toString(), "--s3-port", Integer.toString(s3Port),
                "--api-port", Integer.toString(freePort()))
                .redirectError(folders.resolve("stack-errors.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        // a child that never says it runs is killed after 120 s, which ends the read below
        java.util.concurrent.CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(() -> {
            if (!running.contains(child)) {
                child.destroyForcibly();
            }
        });
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("crosscheck local stack is running")) {
                running.add(child);
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the child's stdout flowing
                        }
                    } catch (IOException closed) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return child;
            }
        }
        child.destroyForcibly();
        throw new IllegalStateException("the local stack did not start: "
                + Files.readString(folders.resolve("stack-errors.log")));
    }

    private static S3Client client(int port) {
        return S3Client.builder()
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
