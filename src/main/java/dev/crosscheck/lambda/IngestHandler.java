package dev.crosscheck.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.ObjectEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The S3-triggered function: applies every record of the event. A record that fails does not stop the others; the
 * invocation then fails, so Lambda retries the event (the store makes replays harmless) and, after its retries, sends
 * it to the failure destination.
 */
public final class IngestHandler implements RequestHandler<S3Event, String> {

    private final Ingestor ingestor;

    /** SnapStart priming hook, held here because the runtime's context holds it weakly. */
    private Priming priming;

    /**
     * Used by the Lambda runtime: clients from the environment, built once per container; with SnapStart the code paths
     * are primed before the snapshot.
     */
    public IngestHandler() {
        this(fromEnvironment());
        this.priming = Priming.register();
    }

    public IngestHandler(Ingestor ingestor) {
        this.ingestor = ingestor;
    }

    private static Ingestor fromEnvironment() {
        AwsClients clients = new AwsClients(System.getenv());
        return clients.ingestor(clients.s3(), clients.claimStore());
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        List<String> done = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        List<S3EventNotificationRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        for (S3EventNotificationRecord record : records) {
            ObjectEvent objectEvent = toObjectEvent(record);
            if (objectEvent == null) {
                done.add("ignored " + record.getEventName());
                continue;
            }
            try {
                Ingestor.Outcome outcome = ingestor.apply(objectEvent);
                done.add(outcome.name().toLowerCase() + " " + objectEvent.key());
                log(context, "{\"event\":\"" + record.getEventName() + "\",\"key\":" + quote(objectEvent.key())
                        + ",\"outcome\":\"" + outcome.name().toLowerCase() + "\"}");
            } catch (RuntimeException e) {
                failures.add(e);
                log(context, "{\"event\":\"" + record.getEventName() + "\",\"key\":" + quote(objectEvent.key())
                        + ",\"outcome\":\"failed\",\"error\":" + quote(String.valueOf(e)) + "}");
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(
                    failures.size() + " of " + records.size() + " records failed; the event will be retried");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        return String.join("\n", done);
    }

    static ObjectEvent toObjectEvent(S3EventNotificationRecord record) {
        String name = record.getEventName() == null ? "" : record.getEventName();
        ObjectEvent.Type type;
        if (name.startsWith("ObjectCreated:")) {
            type = ObjectEvent.Type.CREATED;
        } else if (name.startsWith("ObjectRemoved:")) {
            type = ObjectEvent.Type.REMOVED;
        } else {
            return null;
        }
        var s3 = record.getS3();
        // S3 event keys are URL-encoded the form way: '+' is a space, "%2B" a plus.
        String key = URLDecoder.decode(s3.getObject().getKey(), StandardCharsets.UTF_8);
        String time = record.getEventTime() == null ? null : record.getEventTime().toString();
        return new ObjectEvent(type, s3.getBucket().getName(), key, s3.getObject().getSequencer(), time);
    }

    private static void log(Context context, String line) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line + "\n");
        }
    }

    private static String quote(String s) {
        return dev.crosscheck.json.Json.write(s);
    }
}
