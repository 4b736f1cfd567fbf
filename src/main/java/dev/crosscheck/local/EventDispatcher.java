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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Delivers bucket changes to the ingest function the way S3 and Lambda do: as S3 event JSON, deserialized by the
 * Lambda Java runtime's own serializer, invoked asynchronously, retried twice on failure, and then written to the
 * failure destination (a JSON-lines file) so nothing is lost.
 *
 * <p>Like Lambda's queue of asynchronous invocations, the events accepted and not yet handled survive the process:
 * each is written to the journal folder before the write that caused it is acknowledged, and removed once it is
 * handled (applied, or recorded in the failure destination). A stack started on the same data folder delivers what
 * its predecessor left there, so an upload acknowledged just before a crash is still ingested.
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
    /** Events of the journal a previous run left, not yet handled. */
    private final AtomicInteger replayPending = new AtomicInteger();
    /** Names journal entries in the order the events were accepted, across restarts too. */
    private final AtomicLong journalIds;
    private final Path journal;
    private volatile boolean halted;

    /** @param journal the folder of events accepted and not yet handled; null keeps them in memory only */
    EventDispatcher(String region, RequestHandler<S3Event, String> handler, Path failureDestination, Path journal,
                    Consumer<String> log, Clock clock) {
        this.region = region;
        this.handler = handler;
        this.failureDestination = failureDestination;
        this.journal = journal;
        this.journalIds = new AtomicLong(clock.millis() * 1000);
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
        submit(eventJson, remember(eventJson), null);
    }

    /**
     * Delivers the events a previous run accepted and did not finish handling, oldest first.
     *
     * @return how many there were
     */
    int replayJournal() throws IOException {
        if (journal == null || !Files.isDirectory(journal)) {
            return 0;
        }
        List<Path> entries;
        List<Path> unfinished;
        try (Stream<Path> files = Files.list(journal)) {
            List<Path> all = files.sorted().toList();
            entries = all.stream().filter(p -> p.getFileName().toString().endsWith(".json")).toList();
            unfinished = all.stream().filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
        // An entry still being written when the process died: its write was never acknowledged. The object it
        // describes may be stored; the reconciliation at start compares the bucket with the table and reads it.
        for (Path partial : unfinished) {
            Files.deleteIfExists(partial);
        }
        replayPending.addAndGet(entries.size());
        for (Path entry : entries) {
            submit(Files.readString(entry, StandardCharsets.UTF_8), entry, replayPending);
        }
        return entries.size();
    }

    private void submit(String eventJson, Path entry, AtomicInteger alsoCounted) {
        pending.incrementAndGet();
        Runnable handled = () -> {
            pending.decrementAndGet();
            if (alsoCounted != null) {
                alsoCounted.decrementAndGet();
            }
        };
        try {
            executor.execute(() -> {
                try {
                    if (invoke(eventJson)) {
                        forget(entry);
                    }
                } finally {
                    handled.run();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the process is stopping: the journal keeps the event for the next run
            handled.run();
        }
    }

    /** Writes the event to the journal (whole or not at all) and returns its entry. */
    private Path remember(String eventJson) {
        if (journal == null) {
            return null;
        }
        try {
            Files.createDirectories(journal);
            String name = String.format("%020d", journalIds.incrementAndGet());
            Path temporary = journal.resolve(name + ".tmp");
            Files.writeString(temporary, eventJson, StandardCharsets.UTF_8);
            return Files.move(temporary, journal.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the event in " + journal, e);
        }
    }

    private void forget(Path entry) {
        if (entry != null) {
            try {
                Files.deleteIfExists(entry);
            } catch (IOException e) {
                log.accept("cannot remove the handled event " + entry + ": " + e);
            }
        }
    }

    /** Events the journal held at start, not yet handled. */
    int replayPending() {
        return replayPending.get();
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
    private boolean invoke(String eventJson) {
        Throwable last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (halted) {
                return false;
            }
            try {
                S3Event event = serializer.fromJson(eventJson);
                handler.handleRequest(event, new LocalContext("IngestFunction", log));
                return true;
            } catch (RuntimeException | Error e) {
                if (halted) {
                    return false;   // the process is going away: the journal keeps the event for the next run
                }
                last = e;
                log.accept("ingest attempt " + attempt + " of " + ATTEMPTS + " failed: " + e.getMessage());
                sleep(attempt * 500L);
            }
        }
        recordFailure(eventJson, last);
        return true;
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

    /**
     * Stops at once, the way a killed process stops: the event being handled and those waiting are neither finished
     * nor recorded as failed; they stay in the journal.
     */
    void halt() throws InterruptedException {
        halted = true;
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
