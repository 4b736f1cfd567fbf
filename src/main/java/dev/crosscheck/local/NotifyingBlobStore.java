package dev.crosscheck.local;

import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy sends no event notifications; this blob store does what S3 does after a successful write or delete: it tells
 * the listener, which turns the change into an S3 event for the ingest function.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    interface Listener {
        void created(String bucket, String key, String eventName, long size, String eTag);

        void removed(String bucket, String key);

        /** A write or delete of the key is about to be made: its event follows once it is done. */
        default void changing(String bucket, String key) {
        }
    }

    /**
     * S3Proxy keeps an object of its own under this prefix while a multipart upload is open: no client wrote it, so
     * it raises no event (S3 has no such object).
     */
    static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    /**
     * The name of the file the emulator writes an object to before moving it in place ({@code KEY-UUID}); a crash
     * during the write leaves it behind, where it would be listed as an object no client wrote.
     */
    static final java.util.regex.Pattern UNFINISHED_WRITE = java.util.regex.Pattern.compile(
            ".*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Whether the key's last segment (or a file's name) is that of the emulator's file of a write in progress. */
    static boolean unfinishedWrite(String key) {
        return UNFINISHED_WRITE.matcher(key.substring(key.lastIndexOf('/') + 1)).matches();
    }

    /**
     * Moves the files of writes a crash interrupted out of the emulator's folder (their PUT was never acknowledged)
     * into {@code quarantine}, keeping their paths: an object of such a name written before the emulator refused them
     * is kept there, not lost.
     *
     * @return the keys moved, bucket first ("BUCKET/KEY")
     */
    static java.util.List<String> quarantineUnfinishedWrites(java.nio.file.Path folder, java.nio.file.Path quarantine)
            throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        java.util.List<java.nio.file.Path> unfinished;
        try (var files = java.nio.file.Files.walk(folder)) {
            unfinished = files.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> unfinishedWrite(f.getFileName().toString())).toList();
        }
        java.util.List<String> moved = new java.util.ArrayList<>();
        for (java.nio.file.Path file : unfinished) {
            java.nio.file.Path relative = folder.relativize(file);
            java.nio.file.Path target = quarantine.resolve(relative.toString());
            java.nio.file.Files.createDirectories(target.getParent());
            java.nio.file.Files.move(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            moved.add(relative.toString().replace(java.io.File.separatorChar, '/'));
        }
        return moved;
    }

    private final Listener listener;

    NotifyingBlobStore(BlobStore delegate, Listener listener) {
        super(delegate);
        this.listener = listener;
    }

    /**
     * Why the emulator, which keeps objects as files, cannot keep this key as given (S3 would), or null: a path
     * segment "." or ".." or an empty one ("a//b.txt") would be stored under another name ("a/./b.txt" as "a/b.txt"),
     * so the bucket's listing and its events would disagree. The write is refused with the reason instead.
     */
    static String unstorableKey(String key) {
        if (key == null) {
            return null;
        }
        if (unfinishedWrite(key)) {
            return "The local S3 emulator writes an object to a file named as its key followed by '-' and a UUID"
                    + " before putting it in place, and removes such files a crash left behind; the key \"" + key
                    + "\" would be taken for one: use another name.";
        }
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !(last && i > 0))) {
                return "The local S3 emulator stores objects as files and would store the key \"" + key
                        + "\" under another name (a path segment that is empty, '.' or '..'); S3 keeps such keys,"
                        + " crosscheck could not address them anyway: use a key without such segments.";
            }
        }
        return null;
    }

    private static void refuseUnstorable(String key) {
        String problem = unstorableKey(key);
        if (problem != null) {
            throw org.gaul.s3proxy.blobstore.S3Exceptions.invalidArgument(problem);
        }
    }

    /**
     * A listing without the files of writes in progress: the emulator lists the temporary file of a write until it is
     * moved in place, where S3 lists nothing before the write completes (a reconciliation would take it for an object).
     */
    @Override
    public software.amazon.awssdk.services.s3.model.ListObjectsV2Response list(
            software.amazon.awssdk.services.s3.model.ListObjectsV2Request request) {
        var response = super.list(request);
        var contents = response.contents().stream()
                .filter(o -> !unfinishedWrite(o.key()))
                .toList();
        if (contents.size() == response.contents().size()) {
            return response;
        }
        return response.toBuilder().contents(contents).keyCount(contents.size() + response.commonPrefixes().size())
                .build();
    }

    @Override
    public org.gaul.s3proxy.blobstore.domain.MultipartUpload initiateMultipartUpload(
            software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest request) {
        refuseUnstorable(request.key());
        return super.initiateMultipartUpload(request);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        if (!internal(request.key()) && unstorableKey(request.key()) != null) {
            // the body is read first: a refusal sent while the client still writes would reach it as a reset
            try {
                content.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException unreadable) {
                // refused all the same
            }
            refuseUnstorable(request.key());
        }
        if (!internal(request.key())) {
            listener.changing(request.bucket(), request.key());
        }
        PutObjectResponse response = super.putBlob(request, content);
        if (internal(request.key())) {
            return response;
        }
        Long declared = request.contentLength();
        HeadObjectResponse stored = head(request.bucket(), request.key());
        if (declared != null && declared > 0 && stored != null && stored.contentLength() != null
                && stored.contentLength() == 0) {
            // The servlet container took the body (a form-encoded PUT is read as form parameters) and the emulator
            // stored nothing: S3 would have stored the body, so the client is told, and nothing is kept.
            super.removeBlob(DeleteObjectRequest.builder().bucket(request.bucket()).key(request.key()).build());
            throw org.gaul.s3proxy.blobstore.S3Exceptions.invalidRequest("The request declared " + declared
                    + " bytes and none were stored (a form-encoded body is not an object); send it as"
                    + " application/octet-stream.");
        }
        createdEvent(request.bucket(), request.key(), "ObjectCreated:Put");
        return response;
    }

    private static boolean internal(String key) {
        return key != null && key.startsWith(MULTIPART_STUB_PREFIX);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        refuseUnstorable(request.destinationKey());
        listener.changing(request.destinationBucket(), request.destinationKey());
        CopyObjectResponse response = super.copyBlob(request);
        createdEvent(request.destinationBucket(), request.destinationKey(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        listener.changing(upload.containerName(), upload.blobName());
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        createdEvent(upload.containerName(), upload.blobName(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        if (!internal(request.key())) {
            listener.changing(request.bucket(), request.key());
        }
        DeleteObjectResponse response = super.removeBlob(request);
        if (!internal(request.key())) {
            listener.removed(request.bucket(), request.key());
        }
        return response;
    }

    private HeadObjectResponse head(String bucket, String key) {
        return blobMetadata(
                software.amazon.awssdk.services.s3.model.HeadObjectRequest.builder().bucket(bucket).key(key).build());
    }

    private void createdEvent(String bucket, String key, String eventName) {
        HeadObjectResponse head = head(bucket, key);
        long size = head != null && head.contentLength() != null ? head.contentLength() : 0;
        listener.created(bucket, key, eventName, size, head != null ? head.eTag() : null);
    }
}
