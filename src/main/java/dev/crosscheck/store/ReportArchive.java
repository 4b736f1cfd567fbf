package dev.crosscheck.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stored reports: each version of a story's report is a set of objects in the reports bucket under
 * {@code STORY/VERSION/} (the story name percent-encoded), and the story's meta item in the table names the current
 * version ({@link ClaimStore#switchReport}). A version's objects are written before it becomes current and never
 * change; the version it replaces is kept (a link to it handed out a moment ago still works) and older ones deleted.
 */
public final class ReportArchive {

    private final S3Client s3;
    private final S3Links links;
    private final String bucket;
    private final ClaimStore store;

    /**
     * @param s3    for writing and reading stored files; null where files are only read (the API function), which
     *              then reads them through presigned GETs and builds no S3 client
     * @param links for presigned GETs and links to stored files; null where none is made (the report computation)
     */
    public ReportArchive(S3Client s3, S3Links links, String bucket, ClaimStore store) {
        this.s3 = s3;
        this.links = links;
        this.bucket = bucket;
        this.store = store;
    }

    public String bucket() {
        return bucket;
    }

    /** The object key of one file of one version of a story's report. */
    public static String key(String story, long version, ReportFile file) {
        return prefix(story) + version + "/" + file.fileName();
    }

    private static String prefix(String story) {
        return URLEncoder.encode(story, StandardCharsets.UTF_8) + "/";
    }

    /** What the story's meta item says of its report; empty when the story has never changed. */
    public Optional<ReportState> state(String story) {
        return store.reportState(story);
    }

    /**
     * Stores the files of the story's report at {@code version} and makes it current, unless a report as new is
     * current already; then deletes every version older than the one replaced. Returns whether it became current.
     */
    public boolean save(String story, long version, Map<ReportFile, byte[]> files) {
        return save(story, version, files, -1);
    }

    /** The same, recording how many documents the report covers (0: the story has ended; -1: not recorded). */
    public boolean save(String story, long version, Map<ReportFile, byte[]> files, long documents) {
        for (Map.Entry<ReportFile, byte[]> e : files.entrySet()) {
            s3.putObject(b -> b.bucket(bucket).key(key(story, version, e.getKey()))
                    .contentType(e.getKey().contentType()), RequestBody.fromBytes(e.getValue()));
        }
        Map<String, Long> sizes = new java.util.TreeMap<>();
        files.forEach((file, bytes) -> sizes.put(file.fileName(), (long) bytes.length));
        long replaced = store.switchReport(story, version, sizes, documents);
        if (replaced < 0) {
            deleteVersions(story, v -> v == version);
            return false;
        }
        if (replaced > 0) {
            deleteVersions(story, v -> v < replaced);
        }
        return true;
    }

    private void deleteVersions(String story, java.util.function.LongPredicate which) {
        String prefix = prefix(story);
        List<ObjectIdentifier> doomed = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            String rest = o.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            try {
                if (which.test(Long.parseLong(rest.substring(0, slash)))) {
                    doomed.add(ObjectIdentifier.builder().key(o.key()).build());
                }
            } catch (NumberFormatException notOurs) {
                // an object this archive did not write: left alone
            }
        }
        for (int i = 0; i < doomed.size(); i += 1000) {
            List<ObjectIdentifier> batch = doomed.subList(i, Math.min(doomed.size(), i + 1000));
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
    }

    /** One stored file; empty when it is not there. */
    public Optional<byte[]> read(String story, long version, ReportFile file) {
        if (s3 == null) {
            return links.get(bucket, key(story, version, file));
        }
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(story, version, file))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** A link to one stored file that anyone holding it may open until it expires. */
    public java.net.URL link(String story, long version, ReportFile file, Duration validFor) {
        if (links == null) {
            throw new IllegalStateException("this archive hands out no links");
        }
        return links.link(bucket, key(story, version, file), validFor);
    }
}
