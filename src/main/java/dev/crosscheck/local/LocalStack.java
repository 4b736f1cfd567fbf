package dev.crosscheck.local;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.api.StoryApi;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.Reconciler;
import dev.crosscheck.lambda.ApiHandler;
import dev.crosscheck.lambda.IngestHandler;
import dev.crosscheck.lambda.ReportHandler;
import dev.crosscheck.reports.ReportComputation;
import dev.crosscheck.store.ReportArchive;
import dev.crosscheck.store.S3Links;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.StoryLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * crosscheck on a laptop, no Docker and no AWS account: an S3-compatible endpoint (S3Proxy, folder-backed) whose
 * writes and deletes invoke the ingest function with genuine S3 events, DynamoDB Local in-process (folder-backed), and
 * the HTTP API on loopback in front of the comparison function. The functions are the same handler classes that run in
 * Lambda. Every listener binds to 127.0.0.1 only.
 */
public final class LocalStack implements AutoCloseable {

    public static final String DEFAULT_BUCKET = "crosscheck-articles";
    public static final String DEFAULT_TABLE = "crosscheck-claims";
    public static final String REGION = "us-east-1";

    /**
     * @param dataDir where S3 objects, the DynamoDB database and the failure destination live; a restart keeps them
     * @param s3Port  0 for any free port
     * @param apiPort 0 for any free port
     */
    public record Config(Path dataDir, int s3Port, int apiPort, String bucket, String table, Consumer<String> log) {

        public static Config defaults(Path dataDir) {
            return new Config(dataDir, 4566, 3000, DEFAULT_BUCKET, DEFAULT_TABLE, System.err::println);
        }

        public Config withPorts(int s3, int api) {
            return new Config(dataDir, s3, api, bucket, table, log);
        }

        public Config withLog(Consumer<String> newLog) {
            return new Config(dataDir, s3Port, apiPort, bucket, table, newLog);
        }
    }

    private final Config config;
    private final AmazonDynamoDBLocal dynamoLocal;
    private final java.util.Set<Thread> databaseThreads;
    private final DynamoDbClient dynamo;
    private final S3Proxy s3Proxy;
    private final EventDispatcher dispatcher;
    private final LocalHttpApi api;
    private final S3Client s3;
    private final ClaimStore store;
    private final LocalReportQueue reportQueue;
    private final ReportComputation computation;
    private final DataFolderLock lock;
    /** Keys whose events this run accepted before its reconciliation at start finished (then no longer kept). */
    private final java.util.Set<String> changedSinceStart = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private final java.util.concurrent.CompletableFuture<Reconciler.Result> reconciliation =
            new java.util.concurrent.CompletableFuture<>();

    /**
     * How the ingest function reaches the stack's services: the table through {@code dynamo} (given the stack's own
     * client), the bucket through the S3 client {@code s3} builds for the endpoint (null: the stack's own client).
     * Fault tests put a failing link in between; the HTTP API always reads the table directly.
     */
    record IngestLinks(UnaryOperator<DynamoDbClient> dynamo, Function<URI, S3Client> s3) {
        static final IngestLinks DIRECT = new IngestLinks(UnaryOperator.identity(), null);
    }

    private LocalStack(Config config, IngestLinks links, DataFolderLock lock) throws Exception {
        this.config = config;
        this.lock = lock;
        Path dataDir = config.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir.resolve("s3"));
        Files.createDirectories(dataDir.resolve("dynamodb"));

        java.util.Set<Thread> earlierDatabases = WriteAheadLog.databaseThreads();
        this.dynamoLocal = quietly(() -> DynamoDBEmbedded.create(dataDir.resolve("dynamodb").resolve("claims.db").toFile(),
                true));
        this.databaseThreads = WriteAheadLog.databaseThreads();
        databaseThreads.removeAll(earlierDatabases);
        WriteAheadLog.enable(dataDir.resolve("dynamodb").resolve("claims.db").toFile(), config.log());
        this.dynamo = dynamoLocal.dynamoDbClient();
        this.store = new ClaimStore(dynamo, config.table());
        store.createTableIfMissing();

        List<String> unfinished = NotifyingBlobStore.quarantineUnfinishedWrites(dataDir.resolve("s3"),
                dataDir.resolve(INTERRUPTED_WRITES));
        if (!unfinished.isEmpty()) {
            config.log().accept("moved " + unfinished.size() + " files of writes the last stop interrupted (never"
                    + " acknowledged) to " + dataDir.resolve(INTERRUPTED_WRITES) + ": " + String.join(", ", unfinished));
        }
        // S3 clients reach the endpoint with any credentials, as with LocalStack: requests are not authenticated.
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dataDir.resolve("s3").toString());
        BlobStore files = BlobStores.create("filesystem", properties);
        int s3Port = config.s3Port() == 0 ? freeLoopbackPort() : config.s3Port();
        this.s3 = S3Client.builder()
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
                .build();
        S3Client ingestS3 = links.s3() == null ? s3 : links.s3().apply(URI.create("http://127.0.0.1:" + s3Port));
        // The report function and its queue: every applied change asks for the story's report through it.
        this.computation = new ReportComputation(store, new ReportArchive(s3, null, reportsBucket(), store),
                new StoryComparator());
        this.reportQueue = new LocalReportQueue(new ReportHandler(computation), REPORT_WORKERS,
                Long.getLong(REPORT_DELAY_PROPERTY, DEFAULT_REPORT_DELAY_MILLIS),
                dataDir.resolve("failed-reports.jsonl"), REGION, config.log());
        ClaimStore ingestStore = new ClaimStore(links.dynamo().apply(dynamo), config.table(), reportQueue,
                Clock.systemUTC());
        Ingestor ingestor = new Ingestor(ingestS3, ingestStore, new ArticleAnalyzer(), Clock.systemUTC(),
                StoryLimits.fromEnvironment(System.getenv()));
        Reconciler reconciler = new Reconciler(ingestS3, ingestStore, Clock.systemUTC());
        this.dispatcher = new EventDispatcher(REGION, new IngestHandler(ingestor),
                failureDestination(), dataDir.resolve("pending-events"), config.log(), Clock.systemUTC());
        this.s3Proxy = S3Proxy.builder()
                .blobStore(new NotifyingBlobStore(files, onlyArticles(dispatcher)))
                .endpoint(URI.create("http://127.0.0.1:" + s3Port))
                .awsAuthentication(AuthenticationType.NONE, "", "")
                .stopTimeout(0)
                .build();
        s3Proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(s3Proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3 endpoint did not start: " + s3Proxy.getState());
            }
            Thread.sleep(20);
        }
        S3Links s3Links = new S3Links(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                REGION, URI.create("http://127.0.0.1:" + s3Port));
        // The API function as deployed: the stream handler, reading stored files through presigned GETs.
        this.api = new LocalHttpApi(config.apiPort(), new StreamHandlerAdapter(new ApiHandler(
                new StoryApi(store, new ReportArchive(null, s3Links, reportsBucket(), store)))), config.log());
        for (String bucket : java.util.List.of(config.bucket(), reportsBucket())) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException exists) {
                // kept from an earlier run
            }
        }
        int behind = askForReportsBehind();
        if (behind > 0) {
            config.log().accept("computing the reports of " + behind + " stories changed since their last report");
        }
        int replayed = dispatcher.replayJournal();
        if (replayed > 0) {
            config.log().accept("delivering " + replayed + " bucket events accepted before the last stop");
        }
        // Then the bucket and the table are compared: a crash between a write and its event, or while an event was
        // applied, left them out of step; what is out of step is applied by the ingest function's code.
        Reconciler.Changes byIngestor = Reconciler.Changes.by(ingestor);
        Reconciler.Changes unlessStopping = event -> {
            if (closing) {
                throw new java.util.concurrent.CancellationException("the stack is stopping");
            }
            return byIngestor.apply(event);
        };
        Thread reconcile = new Thread(() -> reconcileAtStart(reconciler, unlessStopping), "reconcile-at-start");
        reconcile.setDaemon(true);
        reconcile.start();
    }

    /** Where a start moves the emulator's files of writes a crash interrupted. */
    static final String INTERRUPTED_WRITES = "interrupted-writes";

    /** The file a running stack holds locked in its data folder. */
    static final String LOCK_FILE = "stack.lock";

    private void reconcileAtStart(Reconciler reconciler, Reconciler.Changes changes) {
        try {
            // the events the last run accepted first; those accepted since are ordered against it by the store
            while (dispatcher.replayPending() > 0) {
                if (closing) {
                    reconciliation.completeExceptionally(new java.util.concurrent.CancellationException(
                            "the stack stopped before its reconciliation at start"));
                    return;
                }
                Thread.sleep(10);
            }
            // keys written or deleted since this start have their events in this run's journal: left to them
            Reconciler.Result result = reconciler.run(config.bucket(), changes, java.time.Instant.MAX,
                    changedSinceStart::contains);
            if (!result.actions().isEmpty() || !result.failures().isEmpty()) {
                config.log().accept(result.summary());
                result.failures().forEach(f -> config.log().accept("  not reconciled (the next start tries again): "
                        + f));
            }
            reconciliation.complete(result);
            changedSinceStart.clear();
        } catch (Throwable e) {
            config.log().accept("reconciliation at start failed (the next start tries again): " + e);
            reconciliation.completeExceptionally(e);
        }
    }

    /** The reconciliation of bucket and table that every start runs once the journal's events are delivered. */
    public java.util.concurrent.CompletableFuture<Reconciler.Result> reconciliation() {
        return reconciliation;
    }

    private void noteChangedSinceStart(String key) {
        if (!reconciliation.isDone()) {
            changedSinceStart.add(key);
        }
    }

    /** Report computations at once: the report function's reserved concurrency, locally. */
    static final int REPORT_WORKERS = 2;
    /**
     * How long a report request waits before it is computed, so that the changes following it are computed together
     * (the report queue's delay; 5 s on AWS). Shorter here: one person at a laptop waits for it.
     */
    static final long DEFAULT_REPORT_DELAY_MILLIS = 1_000;
    /** A system property that sets the delay in milliseconds. */
    public static final String REPORT_DELAY_PROPERTY = "crosscheck.reportDelayMillis";

    /** The bucket the stack's stored reports live in: the articles bucket's name and "-reports". */
    public String reportsBucket() {
        return config.bucket() + "-reports";
    }

    /** Bucket events of the articles bucket only: the reports bucket triggers nothing, as on AWS. */
    private NotifyingBlobStore.Listener onlyArticles(NotifyingBlobStore.Listener listener) {
        return new NotifyingBlobStore.Listener() {
            @Override
            public void created(String bucket, String key, String eventName, long size, String eTag) {
                if (!bucket.equals(reportsBucket())) {
                    listener.created(bucket, key, eventName, size, eTag);
                }
            }

            @Override
            public void changing(String bucket, String key) {
                if (!bucket.equals(reportsBucket())) {
                    // noted before the write, so a listing never shows it without its event on the way
                    noteChangedSinceStart(key);
                }
            }

            @Override
            public void removed(String bucket, String key) {
                if (!bucket.equals(reportsBucket())) {
                    listener.removed(bucket, key);
                }
            }
        };
    }

    /**
     * Asks for the report of every story whose stored report is older than the story or whose request was never
     * taken: requests live in memory only, so a stop could have lost them.
     */
    private int askForReportsBehind() {
        int asked = 0;
        for (var summary : store.listStories()) {
            var state = store.reportState(summary.story());
            if (state.isPresent() && state.get().pending()) {
                reportQueue.request(summary.story());
                asked++;
            }
        }
        return asked;
    }

    /** Report computations by outcome since the stack started. */
    public java.util.Map<ReportComputation.Outcome, Long> reportComputations() {
        return computation.counts();
    }

    public static LocalStack start(Config config) throws Exception {
        return start(config, IngestLinks.DIRECT);
    }

    static LocalStack start(Config config, IngestLinks links) throws Exception {
        DataFolderLock lock = DataFolderLock.take(config.dataDir().toAbsolutePath());
        try {
            return new LocalStack(config, links, lock);
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
    }

    /** One stack per data folder: two would write the same database and journal. */
    private record DataFolderLock(Path folder, FileChannel file, FileLock lock) implements AutoCloseable {

        /**
         * Folders locked by this process. Checked before the lock file is opened: closing a second channel of a file
         * this process holds locked would release the lock (POSIX locks belong to the process, not the channel).
         */
        private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static DataFolderLock take(Path dataDir) throws IOException {
            Files.createDirectories(dataDir);
            Path folder = dataDir.toRealPath();
            if (!HELD.add(folder)) {
                throw new DataFolderInUseException(folder);
            }
            try {
                FileChannel file = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock held = file.tryLock();
                if (held == null) {
                    file.close();   // no lock of this process's on it: another process holds it
                    throw new DataFolderInUseException(folder);
                }
                return new DataFolderLock(folder, file, held);
            } catch (IOException | RuntimeException e) {
                HELD.remove(folder);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                file.close();
            } finally {
                HELD.remove(folder);
            }
        }
    }

    /** A start refused: a stack runs on the data folder already, in this process or another. */
    public static final class DataFolderInUseException extends IllegalStateException {
        DataFolderInUseException(Path folder) {
            super("a local stack is already running on the data folder " + folder
                    + "; stop it first, or give another folder with --data");
        }
    }

    /** The stack's own DynamoDB client (tests read the table's raw items through it). */
    DynamoDbClient dynamo() {
        return dynamo;
    }

    /** Where events that failed every attempt are written. */
    Path failureDestination() {
        return config.dataDir().toAbsolutePath().resolve("failed-events.jsonl");
    }

    /** An S3 client for this stack's endpoint (test/test credentials, path-style), as a user's would be. */
    public S3Client s3() {
        return s3;
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Proxy.getPort();
    }

    public String apiEndpoint() {
        return "http://127.0.0.1:" + api.port();
    }

    public String bucket() {
        return config.bucket();
    }

    public ClaimStore store() {
        return store;
    }

    /**
     * Delivers an S3 event (the JSON S3 sends) to the ingest function as the bucket's own events are delivered:
     * asynchronously, with retries and the failure destination. Replays, duplicates and late events are made this way.
     */
    public void deliver(String s3EventJson) {
        dispatcher.dispatch(s3EventJson);
    }

    /**
     * Waits until every bucket change so far has been handled by the ingest function and every report it asked for
     * has been computed.
     */
    public void awaitIngestion(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!reconciliation.isDone() || dispatcher.pending() > 0 || reportQueue.pending() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(dispatcher.pending() + " events and " + reportQueue.pending()
                        + " report requests still pending" + (reconciliation.isDone() ? ""
                        : ", the reconciliation at start still running,") + " after " + timeoutMillis + " ms");
            }
            Thread.sleep(10);
        }
    }

    /** Stops the way a killed process stops: events not yet handled are left in the journal, not finished. */
    void halt() throws Exception {
        closing = true;
        dispatcher.halt();
        reportQueue.halt();
        stop();
    }

    @Override
    public void close() throws Exception {
        closing = true;
        try {
            // a reconciliation under way stops applying changes and ends before the services it uses go away
            reconciliation.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.CancellationException failedSlowOrStopped) {
            // logged where it failed; the next start reconciles again
        }
        stop();
    }

    private void stop() throws Exception {
        try {
            api.close();
            dispatcher.close();
            reportQueue.close();
            s3Proxy.stop();
            s3.close();
            dynamoLocal.shutdown();
            WriteAheadLog.awaitClosed(databaseThreads, 10_000);
        } finally {
            lock.close();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private interface Start<T> {
        T get() throws Exception;
    }

    /** DynamoDB Local prints a banner on stdout that no logging setting silences; stdout is kept for results. */
    private static <T> T quietly(Start<T> start) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return start.get();
        } finally {
            System.setOut(out);
        }
    }

}
