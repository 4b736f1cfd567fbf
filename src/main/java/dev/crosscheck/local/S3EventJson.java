package dev.crosscheck.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crosscheck.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Writes S3 event notifications in the JSON shape S3 sends to Lambda (event version 2.1). */
final class S3EventJson {

    private S3EventJson() {
    }

    /**
     * @param eventName e.g. {@code ObjectCreated:Put} or {@code ObjectRemoved:Delete}
     * @param key       the object key, not yet encoded: S3 encodes it the form way (space as '+')
     */
    static String event(String region, String bucket, String eventName, String key, long size, String eTag,
                        String sequencer, Instant time) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", time.toString());
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
        response.put("x-amz-id-2", UUID.randomUUID().toString());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "crosscheck-ingest");
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket);
        b.putObject("ownerIdentity").put("principalId", "LOCAL");
        b.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        if (eventName.startsWith("ObjectCreated")) {
            object.put("size", size);
            if (eTag != null) {
                object.put("eTag", eTag.replace("\"", ""));
            }
        }
        object.put("sequencer", sequencer);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode records = root.putArray("Records");
        records.add(record);
        return Json.write(root);
    }

    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
