package dev.crosscheck.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.ingest.ObjectEvent;
import dev.crosscheck.store.ClaimStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cold-start baseline for the ingest function: the same pipeline, with its SDK clients written the way the SDK's
 * defaults lead people to. The clients are built in the handler method, with the default HTTP client (Apache, when it
 * is on the classpath) and the default region and credential provider chains. Only the emulator endpoints are set,
 * exactly as crosscheck's own handler sets them; a deployed function would not set them at all.
 */
public final class BaselineIngestHandler implements RequestHandler<S3Event, String> {

    @Override
    public String handleRequest(S3Event event, Context context) {
        S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(System.getenv("CROSSCHECK_S3_ENDPOINT")))
                .forcePathStyle(true)
                .build();
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getenv("CROSSCHECK_DYNAMODB_ENDPOINT")))
                .build();
        Ingestor ingestor = new Ingestor(s3, new ClaimStore(dynamo, System.getenv("TABLE_NAME")),
                new ArticleAnalyzer(), Clock.systemUTC());
        StringBuilder done = new StringBuilder();
        for (S3EventNotificationRecord record : event.getRecords()) {
            var object = record.getS3().getObject();
            ObjectEvent objectEvent = new ObjectEvent(ObjectEvent.Type.CREATED, record.getS3().getBucket().getName(),
                    URLDecoder.decode(object.getKey(), StandardCharsets.UTF_8), object.getSequencer(),
                    record.getEventTime().toString());
            done.append(ingestor.apply(objectEvent).name().toLowerCase()).append(' ').append(objectEvent.key());
        }
        return done.toString();
    }
}
