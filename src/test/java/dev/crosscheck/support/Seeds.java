package dev.crosscheck.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The seed articles of the repository (seeds/), uploaded the way a user would: with their sidecar as metadata. */
public final class Seeds {

    public static final String STORY = "xi-moscow-2023";
    public static final String UPI = "000_8e30010a3892d27c.txt";
    public static final String ANI = "004_ce661559d7daa382.txt";
    public static final List<String> FILES = List.of(UPI, ANI);

    private Seeds() {
    }

    public static Path file(String name) {
        return Path.of("seeds", STORY, name);
    }

    public static Map<String, String> metadata(String name) throws IOException {
        Path sidecar = file(name.replaceFirst("\\.txt$", ".meta.json"));
        JsonNode node = Json.MAPPER.readTree(Files.readString(sidecar));
        Map<String, String> metadata = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return metadata;
    }

    /** Puts a seed article at {@code key} with its metadata. */
    public static void upload(S3Client s3, String bucket, String key, String name) throws IOException {
        Map<String, String> metadata = metadata(name);
        s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromFile(file(name)));
    }

    /** Creates the bucket unless this JVM's S3 endpoint already has it. */
    public static void ensureBucket(S3Client s3, String bucket) {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }
}
