package dev.crosscheck.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.crosscheck.ingest.Reconciler;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.ClaimStore;
import java.time.Clock;

/**
 * The scheduled reconciliation: compares the articles bucket with the table and applies, with the ingest function's
 * own code, whatever a lost event left out of step ({@link Reconciler}). Its result is logged as one JSON line (what
 * it found and did, key by key) and returned; a change that failed fails the invocation, which raises the stack's
 * alarm, and the next run tries it again.
 */
public final class ReconcileHandler implements RequestHandler<ScheduledEvent, String> {

    /** Time kept back from the invocation's remaining time, for the change under way and the log. */
    static final long MARGIN_MILLIS = 60_000;

    private final Reconciler reconciler;
    private final String bucket;
    private final Reconciler.Changes changes;

    /** Used by the Lambda runtime: clients from the environment, as the ingest function builds them. */
    public ReconcileHandler() {
        this(fromEnvironment(new AwsClients(System.getenv())));
    }

    public ReconcileHandler(Reconciler reconciler, String bucket, Reconciler.Changes changes) {
        this.reconciler = reconciler;
        this.bucket = bucket;
        this.changes = changes;
    }

    private ReconcileHandler(Parts parts) {
        this(parts.reconciler(), parts.bucket(), parts.changes());
    }

    private record Parts(Reconciler reconciler, String bucket, Reconciler.Changes changes) {
    }

    /** The reconciler and the ingest function's way of applying a change, over the same clients. */
    private static Parts fromEnvironment(AwsClients clients) {
        var s3 = clients.s3();
        ClaimStore store = clients.claimStore();
        return new Parts(new Reconciler(s3, store, Clock.systemUTC()), clients.articlesBucket(),
                Reconciler.Changes.by(clients.ingestor(s3, store)));
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        // what is left when the invocation's time is nearly up waits for the next run, rather than the run failing
        java.time.Instant deadline = context == null || context.getRemainingTimeInMillis() <= 0
                ? java.time.Instant.MAX
                : java.time.Instant.now().plusMillis(Math.max(0, context.getRemainingTimeInMillis() - MARGIN_MILLIS));
        Reconciler.Result result = reconciler.run(bucket, changes, deadline);
        String json = Json.write(result);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(json + "\n");
        }
        if (!result.failures().isEmpty()) {
            throw new IllegalStateException(result.summary() + "; the next run tries them again: "
                    + String.join("; ", result.failures()));
        }
        return json;
    }
}
