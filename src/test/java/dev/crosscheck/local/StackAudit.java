package dev.crosscheck.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.analysis.ObjectKeys;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryData;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Compares the bucket with the table after a fault: every object in the bucket must be either current and complete in
 * the table (its claims exactly those a fresh extraction of the object gives) or recorded in the failure destination;
 * nothing in the table may belong to no object; no claim item of a version that is not current may outlive an
 * ingestion that succeeded.
 */
final class StackAudit {

    /** What the audit found; {@code problems} is empty when the invariant holds. */
    record Result(int objects, int current, int inFailureDestination, int leftoverClaimItems, List<String> problems) {
    }

    private StackAudit() {
    }

    static Result run(LocalStack stack) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> failed = failedKeys(stack.failureDestination());
        Map<String, List<String>> keysByStory = new TreeMap<>();
        for (S3Object object : stack.s3().listObjectsV2Paginator(b -> b.bucket(stack.bucket())).contents()) {
            var kind = dev.crosscheck.analysis.ObjectKinds.of(object.key());
            if (kind == dev.crosscheck.analysis.ObjectKinds.Kind.SIDECAR
                    || kind == dev.crosscheck.analysis.ObjectKinds.Kind.FOLDER) {
                continue;   // a sidecar is part of its documents' metadata, a folder marker nothing
            }
            keysByStory.computeIfAbsent(ObjectKeys.storyFor(object.key()), s -> new ArrayList<>()).add(object.key());
        }
        Set<String> stories = new TreeSet<>(keysByStory.keySet());
        stories.addAll(storiesInTable(stack));
        int objects = 0;
        int current = 0;
        int recordedFailed = 0;
        int leftovers = 0;
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        for (String story : stories) {
            List<String> keys = keysByStory.getOrDefault(story, List.of());
            Optional<StoryData> data = stack.store().loadStory(story);
            Map<String, StoredDocument> documents = new HashMap<>();
            Map<String, List<String>> claimsBySource = new HashMap<>();
            data.ifPresent(d -> {
                d.documents().forEach(doc -> documents.put(doc.id(), doc));
                for (Claim claim : d.claims()) {
                    claimsBySource.computeIfAbsent(claim.source(), s -> new ArrayList<>()).add(Json.write(claim));
                }
            });
            for (String key : keys) {
                objects++;
                StoredDocument doc = documents.get(key);
                List<String> stored = sorted(claimsBySource.getOrDefault(key, List.of()));
                String mismatch = doc == null ? "in the bucket, not in the table"
                        : mismatch(doc, stored, freshExtraction(stack, analyzer, key));
                if (mismatch == null) {
                    current++;
                } else if (failed.contains(key)) {
                    // a failed event may leave the previous version current, never a partial one
                    recordedFailed++;
                    if (doc != null && stored.size() != doc.claims()) {
                        problems.add(key + ": recorded as failed, and its stored version is partial ("
                                + stored.size() + " of " + doc.claims() + " claims)");
                    }
                } else {
                    problems.add(key + ": " + mismatch + ", and not in the failure destination");
                }
            }
            Set<String> inBucket = new LinkedHashSet<>(keys);
            for (StoredDocument doc : documents.values()) {
                if (!inBucket.contains(doc.id())) {
                    problems.add(doc.id() + ": in the reports, not in the bucket");
                }
            }
            for (Map.Entry<String, Set<String>> e : claimVersions(stack, story).entrySet()) {
                String key = e.getKey();
                StoredDocument doc = documents.get(key);
                Set<String> stale = new TreeSet<>(e.getValue());
                if (doc != null) {
                    stale.remove(doc.version());
                }
                if (!stale.isEmpty()) {
                    leftovers += stale.size();
                    if (!failed.contains(key)) {
                        problems.add(key + ": claim items of " + stale.size()
                                + " non-current version(s) left after a successful ingestion");
                    }
                }
            }
        }
        return new Result(objects, current, recordedFailed, leftovers, problems);
    }

    /** Why the stored document is not the object's current content, or null if it is, claim for claim. */
    private static String mismatch(StoredDocument doc, List<String> stored, AnalyzedArticle fresh) {
        DocumentStatus expectedStatus = fresh.rejected() ? DocumentStatus.REJECTED : DocumentStatus.INGESTED;
        List<String> expected = sorted(fresh.claims().stream().map(Json::write).toList());
        if (doc.status() != expectedStatus) {
            return "status " + doc.status() + ", a fresh extraction says " + expectedStatus;
        }
        if (doc.claims() != expected.size() || !stored.equals(expected)) {
            return stored.size() + " claims stored (document says " + doc.claims()
                    + "), a fresh extraction of the object gives " + expected.size()
                    + (stored.size() == expected.size() ? " different ones" : "");
        }
        return null;
    }

    /** The keys of the events in the failure destination (S3 encodes keys the form way). */
    static Set<String> failedKeys(Path failureDestination) throws IOException {
        Set<String> keys = new TreeSet<>();
        if (!Files.exists(failureDestination)) {
            return keys;
        }
        for (String line : Files.readAllLines(failureDestination, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            for (JsonNode record : Json.MAPPER.readTree(line).get("event").get("Records")) {
                keys.add(URLDecoder.decode(record.get("s3").get("object").get("key").asText(), StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    /** The failure destination's events, one JSON per line, as they were delivered. */
    static List<String> failedEvents(Path failureDestination) throws IOException {
        List<String> events = new ArrayList<>();
        if (Files.exists(failureDestination)) {
            for (String line : Files.readAllLines(failureDestination, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    events.add(Json.write(Json.MAPPER.readTree(line).get("event")));
                }
            }
        }
        return events;
    }

    /**
     * The object read and analyzed the way the ingest function does, with the metadata S3 returns for it and what its
     * sidecar adds.
     */
    static AnalyzedArticle freshExtraction(LocalStack stack, ArticleAnalyzer analyzer, String key) {
        HeadObjectResponse head = stack.s3().headObject(b -> b.bucket(stack.bucket()).key(key));
        Map<String, String> meta = new HashMap<>(head.metadata());
        try {
            byte[] sidecar = stack.s3().getObjectAsBytes(b -> b.bucket(stack.bucket())
                    .key(dev.crosscheck.analysis.ObjectKinds.sidecarOf(key))).asByteArray();
            dev.crosscheck.document.Sidecars.fields(sidecar).forEach(meta::putIfAbsent);
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException none) {
            // no sidecar
        }
        DocumentMetadata metadata = new DocumentMetadata(meta.get("published"), meta.get("publisher"),
                meta.get("title"), meta.get("url"), head.lastModified() != null ? head.lastModified() : Instant.now());
        byte[] bytes = stack.s3().getObjectAsBytes(b -> b.bucket(stack.bucket()).key(key)).asByteArray();
        return analyzer.analyze(key, bytes, metadata);
    }

    private static List<String> sorted(List<String> claims) {
        List<String> copy = new ArrayList<>(claims);
        copy.sort(null);
        return copy;
    }

    private static Set<String> storiesInTable(LocalStack stack) {
        Set<String> stories = new TreeSet<>();
        for (Map<String, AttributeValue> item : query(stack, "stories", null)) {
            stories.add(item.get("story").s());
        }
        return stories;
    }

    /** Every version of every document that has claim items in the story's partition, read raw. */
    private static Map<String, Set<String>> claimVersions(LocalStack stack, String story) {
        Map<String, Set<String>> versions = new HashMap<>();
        for (Map<String, AttributeValue> item : query(stack, "story#" + story, "claim#")) {
            versions.computeIfAbsent(item.get("document").s(), k -> new TreeSet<>()).add(item.get("version").s());
        }
        return versions;
    }

    private static List<Map<String, AttributeValue>> query(LocalStack stack, String partition, String prefix) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(partition));
        String condition = "pk = :pk";
        if (prefix != null) {
            condition += " AND begins_with(sk, :prefix)";
            values.put(":prefix", AttributeValue.fromS(prefix));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest request = QueryRequest.builder().tableName(stack.store().table()).keyConditionExpression(condition)
                .expressionAttributeValues(values).consistentRead(true).build();
        for (QueryResponse page : stack.dynamo().queryPaginator(request)) {
            items.addAll(page.items());
        }
        return items;
    }
}
