package dev.crosscheck.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Delivers bucket changes to the ingest function the way S3 and Lambda do: as S3 event JSON, deserialized by the
 * Lambda Java runtime's own serializer, invoked asynchronously, retried twice on failure, and then written to the
 * failure destination (a JSON-lines file) so nothing is lost.
 */
final class EventDispatcher implements NotifyingBlobStore.Listener, AutoCloseable {

    static final int ATTEMPTS = 3;

    private final String region;
    private final RequestHandler<S3Event, String> handler;
    private final Path failureDestination;
    private final Consumer<String> log;
    private final Clock clock;
    private final PojoSerializer<S3Event> serializer =
            LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader());
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "s3-events");
        t.setDaemon(true);
        return t;
    });
    /** Sequencers grow across restarts: they start from the clock, in microseconds. */
    private final AtomicLong sequencer;
    private final AtomicInteger pending = new AtomicInteger();

    EventDispatcher(String region, RequestHandler<S3Event, String> handler, Path failureDestination,
                    Consumer<String> log, Clock clock) {
        this.region = region;
        this.handler = handler;
        this.failureDestination = failureDestination;
        this.log = log;
        this.clock = clock;
        this.sequencer = new AtomicLong(clock.millis() * 1000);
    }

    @Override
    public void created(String bucket, String key, String eventName, long size, String eTag) {
        dispatch(S3EventJson.event(region, bucket, eventName, key, size, eTag, nextSequencer(), Instant.now(clock)));
    }

    @Override
    public void removed(String bucket, String key) {
        dispatch(S3EventJson.event(region, bucket, "ObjectRemoved:Delete", key, 0, null, nextSequencer(),
                Instant.now(clock)));
    }

    /** Delivers one event JSON (as S3 would send it) to the ingest function, asynchronously. */
    void dispatch(String eventJson) {
        pending.incrementAndGet();
        executor.execute(() -> {
            try {
                invoke(eventJson);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Events accepted but not yet handled. */
    int pending() {
        return pending.get();
    }

    /**
     * Invokes the handler until it succeeds, at most {@link #ATTEMPTS} times. Any throwable is a failed invocation, an
     * {@link Error} too: a function that dies (out of memory, stack overflow, killed mid-write) is retried by Lambda and
     * then sent to the failure destination, never dropped.
     */
    private void invoke(String eventJson) {
        Throwable last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                S3Event event = serializer.fromJson(eventJson);
                handler.handleRequest(event, new LocalContext("IngestFunction", log));
                return;
            } catch (RuntimeException | Error e) {
                last = e;
                log.accept("ingest attempt " + attempt + " of " + ATTEMPTS + " failed: " + e.getMessage());
                sleep(attempt * 500L);
            }
        }
        recordFailure(eventJson, last);
    }

    private void recordFailure(String eventJson, Throwable error) {
        String line = "{\"error\":" + dev.crosscheck.json.Json.write(String.valueOf(error)) + ",\"event\":" + eventJson
                + "}\n";
        try {
            Files.createDirectories(failureDestination.getParent());
            Files.writeString(failureDestination, line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.accept("event sent to the failure destination " + failureDestination);
    }

    private String nextSequencer() {
        return String.format("%016X", sequencer.incrementAndGet());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
