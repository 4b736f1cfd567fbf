package dev.crosscheck.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.json.Json;
import dev.crosscheck.reports.ReportComputation;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.ReportArchive;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report function: fed by the report queue (SQS FIFO, one message group per story, so at most one computation of
 * a story runs at a time), it computes each story named in the batch once and stores its report. A story that fails
 * is reported as a batch item failure with every later message of the batch (a FIFO queue must not deliver a
 * group's later messages before an earlier one); the queue delivers them again, and after its retries moves them to
 * its dead-letter queue.
 */
public final class ReportHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ReportComputation computation;

    /** SnapStart priming hook, held here because the runtime's context holds it weakly. */
    private Priming priming;

    /** Used by the Lambda runtime: clients from the environment, built once per container; code paths primed. */
    public ReportHandler() {
        this(fromEnvironment());
        this.priming = Priming.register();
    }

    public ReportHandler(ReportComputation computation) {
        this.computation = computation;
    }

    private static ReportComputation fromEnvironment() {
        AwsClients clients = new AwsClients(System.getenv());
        ClaimStore store = new ClaimStore(clients.dynamoDb(), clients.tableName());
        return new ReportComputation(store, new ReportArchive(clients.s3(), null, clients.reportsBucket(), store),
                new StoryComparator());
    }

    /** The body of a report queue message: the story whose report to compute. */
    public static String messageBody(String story) {
        return Json.write(Map.of("story", story));
    }

    static String storyOf(SQSEvent.SQSMessage message) {
        Object story = Json.read(message.getBody(), Map.class).get("story");
        if (!(story instanceof String name) || name.isEmpty()) {
            throw new IllegalArgumentException("a report request names no story");
        }
        return name;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of()
                : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (SQSEvent.SQSMessage message : messages) {
            if (!failures.isEmpty()) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            String story;
            try {
                story = storyOf(message);
            } catch (RuntimeException malformed) {
                // Nothing to compute and nothing a retry could change: logged and taken off the queue.
                log(context, "{\"report\":\"ignored\",\"messageId\":" + Json.write(message.getMessageId())
                        + ",\"error\":" + Json.write(String.valueOf(malformed)) + "}");
                continue;
            }
            if (!done.add(story)) {
                continue; // computed in this batch already, after this message was sent
            }
            try {
                long start = System.nanoTime();
                ReportComputation.Result result = computation.compute(story);
                log(context, "{\"report\":\"" + result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        + "\",\"story\":" + Json.write(story) + ",\"version\":" + result.version()
                        + ",\"sources\":" + result.sources() + ",\"findings\":" + result.findings()
                        + ",\"bytes\":" + result.bytes() + ",\"ms\":" + (System.nanoTime() - start) / 1_000_000
                        + "}");
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                log(context, "{\"report\":\"failed\",\"story\":" + Json.write(story) + ",\"error\":"
                        + Json.write(String.valueOf(e)) + "}");
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static void log(Context context, String line) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line + "\n");
        }
    }
}
