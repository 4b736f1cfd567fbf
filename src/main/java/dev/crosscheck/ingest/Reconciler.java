package dev.crosscheck.ingest;

import dev.crosscheck.analysis.ObjectKeys;
import dev.crosscheck.analysis.ObjectKinds;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.Sequencers;
import dev.crosscheck.store.StoredObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Brings the table back in step with the bucket when events were lost (a crash between a write and its event, an
 * event that expired in the failure queue, a function that was down): it lists the bucket's objects and the table's
 * documents and applies, for each object out of step, the change its lost event would have applied.
 *
 * <ul>
 *   <li><b>missing</b>: an object the table does not hold, or holds as removed, is read;</li>
 *   <li><b>stale</b>: an object whose ETag is not the one the table's version was read from (where either is
 *       unknown: an object written after the version was stored) is read again;</li>
 *   <li><b>sidecar</b>: a document whose metadata sidecar is not the one it was read with (added, changed, deleted) is
 *       read again;</li>
 *   <li><b>deleted</b>: a document the table holds whose object is gone (checked again with a HEAD) is removed.</li>
 * </ul>
 *
 * <p>Each change is ordered after what the table holds and before any later event of the key ({@link
 * Sequencers#after}), so an event delivered late, or concurrently, still wins; the reading itself is the ingest
 * function's, which rechecks the object. Running it when nothing is out of step changes nothing. It reads the whole
 * listing into memory, a few hundred bytes per object.
 */
public final class Reconciler {

    /** Why an object was out of step. */
    public enum Finding {
        MISSING, STALE, SIDECAR, DELETED
    }

    /** One change applied, or that would be with a dry run: {@code outcome} says what it did. */
    public record Action(Finding finding, String story, String key, String outcome) {
    }

    /**
     * What a run found and did.
     *
     * @param objects   the objects listed (documents and others, sidecars and folder markers not counted)
     * @param documents the document items read from the table, removed ones too
     * @param failures  changes that failed ("KEY: error"); the next run tries them again
     * @param deferred  keys out of step left for the next run: the run's time was up
     */
    public record Result(String bucket, String startedAt, boolean dryRun, int objects, int documents,
                         List<Action> actions, List<String> failures, List<String> deferred) {

        public long count(Finding finding) {
            return actions.stream().filter(a -> a.finding() == finding).count();
        }

        /** One line for a log: the counts, or that bucket and table agree. */
        public String summary() {
            if (actions.isEmpty() && failures.isEmpty() && deferred.isEmpty()) {
                return "bucket " + bucket + " and the table agree (" + objects + " objects, " + documents
                        + " documents)";
            }
            return "bucket " + bucket + " reconciled with the table" + (dryRun ? " (dry run, nothing applied)" : "")
                    + ": " + count(Finding.MISSING) + " missing, " + count(Finding.STALE) + " stale, "
                    + count(Finding.SIDECAR) + " with a changed sidecar, " + count(Finding.DELETED)
                    + " deleted; " + failures.size() + " failed"
                    + (deferred.isEmpty() ? "" : "; " + deferred.size() + " left for the next run (time was up)");
        }
    }

    /** Applies one change as the ingest function applies an event; returns what it did. */
    @FunctionalInterface
    public interface Changes {
        String apply(ObjectEvent event);

        /** Applies nothing: what would be done is reported. */
        Changes DRY_RUN = event -> "not applied (dry run)";

        /** Applies the change in this process, by the ingest function's own code. */
        static Changes by(Ingestor ingestor) {
            return event -> ingestor.apply(event).name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final S3Client s3;
    private final ClaimStore store;
    private final Clock clock;

    public Reconciler(S3Client s3, ClaimStore store, Clock clock) {
        this.s3 = s3;
        this.store = store;
        this.clock = clock;
    }

    public Result run(String bucket, Changes changes) {
        return run(bucket, changes, Instant.MAX);
    }

    /**
     * A run that applies changes until {@code deadline} only (a function's remaining time, less a margin); what is
     * left out of step is reported as deferred, for the next run.
     */
    public Result run(String bucket, Changes changes, Instant deadline) {
        return run(bucket, changes, deadline, key -> false);
    }

    /**
     * A run that leaves alone the keys {@code handledByEvents} names: their events are on their way (a local stack's
     * start names the keys written since it started, so the uploads it takes while reconciling are not read twice).
     */
    public Result run(String bucket, Changes changes, Instant deadline,
                      java.util.function.Predicate<String> handledByEvents) {
        String startedAt = Instant.now(clock).toString();
        // The table first: an object written after its document was read is then seen in the listing as missing or
        // stale, and read; listing the bucket first could take a document created meanwhile for a deleted one.
        Map<String, StoredObject> stored = new HashMap<>();
        for (String story : store.registeredStories()) {
            for (StoredObject object : store.storedObjects(story)) {
                stored.put(object.key(), object);
            }
        }
        Map<String, S3Object> objects = new TreeMap<>();
        Map<String, S3Object> sidecars = new HashMap<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
            for (S3Object object : page.contents()) {
                switch (ObjectKinds.of(object.key())) {
                    case SIDECAR -> sidecars.put(object.key(), object);
                    case DOCUMENT, OTHER -> {
                        if (!handledByEvents.test(object.key())) {
                            objects.put(object.key(), object);
                        }
                    }
                    case FOLDER -> { }
                }
            }
        }
        List<Action> actions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        for (S3Object object : objects.values()) {
            String key = object.key();
            StoredObject held = stored.get(key);
            Finding finding;
            if (held == null || held.status() == DocumentStatus.REMOVED) {
                finding = Finding.MISSING;
            } else if (!sameContent(bucket, object, held)) {
                finding = Finding.STALE;
            } else if (ObjectKinds.of(key) == ObjectKinds.Kind.DOCUMENT && ObjectKeys.keyProblem(key) == null
                    && sidecarChanged(sidecars.get(ObjectKinds.sidecarOf(key)), held)) {
                finding = Finding.SIDECAR;
            } else {
                continue;
            }
            if (!Instant.now(clock).isBefore(deadline)) {
                deferred.add(key);
                continue;
            }
            String sequencer = held == null ? null : Sequencers.after(held.sequencer());
            apply(changes, new ObjectEvent(ObjectEvent.Type.CREATED, bucket, key, sequencer, startedAt), finding,
                    ObjectKeys.storyFor(key), actions, failures);
        }
        for (StoredObject held : stored.values()) {
            if (held.status() == DocumentStatus.REMOVED || objects.containsKey(held.key())
                    || handledByEvents.test(held.key())) {
                continue;
            }
            if (!Instant.now(clock).isBefore(deadline)) {
                deferred.add(held.key());
                continue;
            }
            if (exists(bucket, held.key())) {
                continue;
            }
            apply(changes, new ObjectEvent(ObjectEvent.Type.REMOVED, bucket, held.key(),
                    Sequencers.after(held.sequencer()), startedAt), Finding.DELETED, held.story(), actions, failures);
        }
        return new Result(bucket, startedAt, changes == Changes.DRY_RUN, objects.size(), stored.size(),
                List.copyOf(actions), List.copyOf(failures), List.copyOf(deferred));
    }

    private static void apply(Changes changes, ObjectEvent event, Finding finding, String story, List<Action> actions,
                              List<String> failures) {
        try {
            actions.add(new Action(finding, story, event.key(), changes.apply(event)));
        } catch (RuntimeException e) {
            failures.add(event.key() + ": " + e);
        }
    }

    /**
     * Whether the document's sidecar is not the one it was read with: added, changed or deleted since. A document
     * stored before sidecar ETags were recorded (it has no object ETag either) counts as changed only when its sidecar
     * was written after it was stored.
     */
    private static boolean sidecarChanged(S3Object sidecar, StoredObject held) {
        if (held.objectETag() == null) {
            return sidecar != null && writtenAfter(sidecar, held);
        }
        return !Objects.equals(sidecar == null ? null : tag(sidecar.eTag()), tag(held.sidecarETag()));
    }

    /**
     * Whether the table's version was read from the object as it is: by their ETags, or, where either is unknown (a
     * store that gives none, a document stored before ETags were recorded), by the object not having been written
     * after the version was stored.
     */
    private boolean sameContent(String bucket, S3Object object, StoredObject held) {
        String current = eTagOf(bucket, object);
        if (held.objectETag() != null && current != null) {
            return tag(held.objectETag()).equals(current);
        }
        return object.lastModified() != null && held.updatedAt() != null && !writtenAfter(object, held);
    }

    /** Whether the object was written after the document's version was stored (false when either time is unknown). */
    private static boolean writtenAfter(S3Object object, StoredObject held) {
        return object.lastModified() != null && held.updatedAt() != null
                && object.lastModified().isAfter(Instant.parse(held.updatedAt()));
    }

    /**
     * The object's ETag as the listing gives it, or as a HEAD gives it when the listing has none (some S3-compatible
     * stores list objects without); null when it is gone since.
     */
    private String eTagOf(String bucket, S3Object object) {
        if (object.eTag() != null && !object.eTag().isBlank()) {
            return tag(object.eTag());
        }
        try {
            return tag(s3.headObject(b -> b.bucket(bucket).key(object.key())).eTag());
        } catch (NoSuchKeyException gone) {
            return null;
        }
    }

    /** Whether the object exists now: one missing from the listing may have been written since. */
    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        }
    }

    /** An ETag without its quotes (listings and HEAD responses may differ in quoting). */
    private static String tag(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
