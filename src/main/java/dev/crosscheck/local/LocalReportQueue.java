package dev.crosscheck.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.crosscheck.json.Json;
import dev.crosscheck.lambda.ReportHandler;
import dev.crosscheck.store.ReportRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The report queue of the local stack, with the rules of the SQS FIFO queue it stands for: one message group per
 * story, a group's messages delivered in order in batches of up to ten, and no group's next batch before its last one
 * is done, so one story is never computed twice at once while other stories are computed beside it. Each batch reaches
 * the report function as the SQS event JSON Lambda sends, through the runtime's serializer. A message that fails
 * {@link #ATTEMPTS} times is written to the dead-letter file. Requests live in memory: the story's meta item keeps its
 * mark, and the stack asks again at start for every story whose report is behind ({@link LocalStack}).
 */
final class LocalReportQueue implements ReportRequests, AutoCloseable {

    static final int ATTEMPTS = 3;
    static final int BATCH = 10;
    /** A failed message is delivered again after this (on AWS: the queue's visibility timeout). */
    static final long RETRY_DELAY_MILLIS = 1_000;

    /** @param visibleAt when the queue's delay lets the message be delivered (milliseconds of the clock) */
    private record Message(String id, String story, String body, int attempts, long visibleAt) {
    }

    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Path deadLetters;
    private final Consumer<String> log;
    private final String queueArn;
    private final PojoSerializer<SQSEvent> serializer =
            LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader());
    private final java.util.concurrent.ScheduledExecutorService workers;
    private final long delayMillis;
    private final Map<String, Deque<Message>> groups = new LinkedHashMap<>();
    private final Set<String> running = new HashSet<>();
    private int pending;
    private long batches;
    private volatile boolean halted;

    /**
     * @param workers     report computations at once (the report function's reserved concurrency, locally)
     * @param delayMillis how long a request waits before it can be delivered (the queue's delay): the changes that
     *                    follow within it are computed together
     */
    LocalReportQueue(RequestHandler<SQSEvent, SQSBatchResponse> handler, int workers, long delayMillis,
                     Path deadLetters, String region, Consumer<String> log) {
        this.handler = handler;
        this.delayMillis = delayMillis;
        this.deadLetters = deadLetters;
        this.log = log;
        this.queueArn = "arn:aws:sqs:" + region + ":000000000000:crosscheck-report-requests.fifo";
        this.workers = Executors.newScheduledThreadPool(workers, r -> {
            Thread t = new Thread(r, "report-queue");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void request(String story) {
        if (halted) {
            throw new IllegalStateException("the report queue is stopped");
        }
        Message message = new Message(UUID.randomUUID().toString(), story, ReportHandler.messageBody(story), 0,
                System.currentTimeMillis() + delayMillis);
        synchronized (this) {
            groups.computeIfAbsent(story, s -> new ArrayDeque<>()).addLast(message);
            pending++;
            schedule(story);
        }
    }

    /** Requests sent and not yet done (waiting or being computed). */
    synchronized int pending() {
        return pending;
    }

    /** Batches delivered to the report function so far. */
    synchronized long batches() {
        return batches;
    }

    /**
     * Starts the group's next batch, when its first message is visible, unless one is running or due; callers hold
     * the lock.
     */
    private void schedule(String story) {
        Deque<Message> group = groups.get(story);
        if (running.contains(story) || group == null || group.isEmpty()) {
            return;
        }
        running.add(story);
        long wait = Math.max(0, group.peekFirst().visibleAt() - System.currentTimeMillis());
        workers.schedule(() -> deliver(story), wait, TimeUnit.MILLISECONDS);
    }

    private void deliver(String story) {
        List<Message> batch = new ArrayList<>();
        long now = System.currentTimeMillis();
        synchronized (this) {
            Deque<Message> group = groups.get(story);
            while (!group.isEmpty() && batch.size() < BATCH && group.peekFirst().visibleAt() <= now) {
                batch.add(group.pollFirst());
            }
            batches++;
        }
        Set<String> failed = new HashSet<>();
        try {
            SQSBatchResponse response = handler.handleRequest(serializer.fromJson(eventJson(batch)),
                    new LocalContext("ReportFunction", log));
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException | Error e) {
            log.accept("report computation failed: " + e);
            batch.forEach(m -> failed.add(m.id()));
        }
        synchronized (this) {
            Deque<Message> group = groups.get(story);
            List<Message> again = new ArrayList<>();
            for (Message m : batch) {
                if (!failed.contains(m.id())) {
                    pending--;
                } else if (m.attempts() + 1 >= ATTEMPTS || halted) {
                    pending--;
                    deadLetter(m);
                } else {
                    again.add(new Message(m.id(), m.story(), m.body(), m.attempts() + 1, now + RETRY_DELAY_MILLIS));
                }
            }
            for (int i = again.size() - 1; i >= 0; i--) {
                group.addFirst(again.get(i)); // back at the head of the group: order is kept
            }
            running.remove(story);
            if (group.isEmpty()) {
                groups.remove(story);
            } else if (!halted) {
                schedule(story);
            }
            notifyAll();
        }
    }

    private void deadLetter(Message m) {
        try {
            Files.createDirectories(deadLetters.getParent());
            Files.writeString(deadLetters, m.body() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.accept("report request for " + m.story() + " sent to the dead-letter file " + deadLetters);
    }

    /** The event Lambda's SQS poller sends for a batch of a FIFO queue. */
    private String eventJson(List<Message> batch) {
        List<Map<String, Object>> records = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Message m : batch) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("ApproximateReceiveCount", Integer.toString(m.attempts() + 1));
            attributes.put("SentTimestamp", Long.toString(now));
            attributes.put("SequenceNumber", Long.toString(now));
            attributes.put("MessageGroupId", m.story());
            attributes.put("SenderId", "000000000000");
            attributes.put("MessageDeduplicationId", m.id());
            attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(now));
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", m.id());
            record.put("receiptHandle", m.id());
            record.put("body", m.body());
            record.put("attributes", attributes);
            record.put("messageAttributes", Map.of());
            record.put("md5OfBody", "");
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", queueArn.split(":")[3]);
            records.add(record);
        }
        return Json.write(Map.of("Records", records));
    }

    /** Stops at once, as a killed process would: waiting requests are dropped (the meta items keep their marks). */
    void halt() throws InterruptedException {
        halted = true;
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        halted = true;
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
    }
}
