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
    }

    /**
     * S3Proxy keeps an object of its own under this prefix while a multipart upload is open: no client wrote it, so
     * it raises no event (S3 has no such object).
     */
    static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private final Listener listener;

    NotifyingBlobStore(BlobStore delegate, Listener listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
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
        CopyObjectResponse response = super.copyBlob(request);
        createdEvent(request.destinationBucket(), request.destinationKey(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        createdEvent(upload.containerName(), upload.blobName(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
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
