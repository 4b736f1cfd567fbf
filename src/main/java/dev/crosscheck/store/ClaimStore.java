package dev.crosscheck.store;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Documents and claims in one DynamoDB table, one partition per story; every read is a Query, never a Scan.
 *
 * <p>Items (partition key {@code pk}, sort key {@code sk}):
 * <ul>
 *   <li>{@code stories} / {@code STORY}: the story registry, so the story list is a Query too;</li>
 *   <li>{@code story#STORY} / {@code doc#ID}: a document, its status, metadata, the S3 sequencer applied last and the
 *       {@code version} of its current claims;</li>
 *   <li>{@code story#STORY} / {@code claim#VERSION#NNNNN}: one claim of one version of a document.</li>
 * </ul>
 *
 * <p>A new version's claims are written first; then the document item switches to that version with a conditional
 * write that only an event newer than the one applied can win; then the old version's claims are deleted. Reports read
 * only the current version's claims, so they never mix two versions of a document, and a stale or duplicate event
 * changes nothing.
 */
public final class ClaimStore implements StoryRepository {

    /** Outcome of a conditional write. */
    public enum WriteOutcome {
        APPLIED, STALE
    }

    static final String PK = "pk";
    static final String SK = "sk";
    static final String STORIES_PARTITION = "stories";
    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public ClaimStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public String table() {
        return table;
    }

    /** Creates the table when it does not exist (local stack and tests; on AWS the template creates it). */
    public void createTableIfMissing() {
        try {
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build()));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        } catch (ResourceInUseException alreadyThere) {
            // the table exists: nothing to do
        }
    }

    /**
     * Stores a document and its claims as its new current version, unless an event at least as new was applied before.
     */
    public WriteOutcome saveDocument(StoredDocument document, List<Claim> claims) {
        String partition = storyPartition(document.story());
        List<Map<String, AttributeValue>> claimItems = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            claimItems.add(claimItem(partition, document.version(), i, document.id(), claims.get(i)));
        }
        batchWrite(claimItems.stream().map(item -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build()).build()).toList());

        Map<String, AttributeValue> previous;
        try {
            previous = switchDocument(document, claims.size());
        } catch (ConditionalCheckFailedException stale) {
            deleteClaims(partition, document.id(), document.version());
            return WriteOutcome.STALE;
        }
        deletePreviousClaims(partition, document.id(), previous, document.version());
        registerStory(document.story());
        return WriteOutcome.APPLIED;
    }

    /** Marks a document removed (a tombstone keeps its sequencer) and deletes its claims, unless the event is stale. */
    public WriteOutcome removeDocument(String story, String id, String sequencer, String at) {
        StoredDocument tombstone = new StoredDocument(story, id, DocumentStatus.REMOVED, null, null, null, null,
                null, null, null, "", Sequencers.normalize(sequencer), 0, at);
        Map<String, AttributeValue> previous;
        try {
            previous = switchDocument(tombstone, 0);
        } catch (ConditionalCheckFailedException stale) {
            return WriteOutcome.STALE;
        }
        deletePreviousClaims(storyPartition(story), id, previous, "");
        return WriteOutcome.APPLIED;
    }

    /**
     * A page of the story registry: a Query of the registry partition with {@code Limit} and
     * {@code ExclusiveStartKey}, one item more than the page holds to learn whether more follow; then each story's
     * document items (a Query of its partition restricted to {@code doc#}) for its counts.
     */
    @Override
    public StoryPage listStories(int limit, String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " stories, not " + limit);
        }
        List<String> names = new ArrayList<>(limit + 1);
        Map<String, AttributeValue> start = after == null ? null
                : Map.of(PK, s(STORIES_PARTITION), SK, s(after));
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(STORIES_PARTITION)))
                    .consistentRead(true)
                    .limit(limit + 1 - names.size());
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                names.add(item.get("story").s());
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && names.size() <= limit);
        boolean more = names.size() > limit;
        List<StorySummary> stories = new ArrayList<>(Math.min(limit, names.size()));
        for (String story : names.subList(0, Math.min(limit, names.size()))) {
            stories.add(summary(story));
        }
        return new StoryPage(stories, more ? stories.get(stories.size() - 1).story() : null);
    }

    /** A story's counts from its document items alone, reading only their status and claim count. */
    private StorySummary summary(String story) {
        int documents = 0;
        int claims = 0;
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(storyPartition(story)), ":prefix", s("doc#")))
                .projectionExpression("#status, claims")
                .expressionAttributeNames(Map.of("#status", "status"))
                .consistentRead(true).build();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            for (Map<String, AttributeValue> doc : page.items()) {
                if (DocumentStatus.valueOf(doc.get("status").s()) != DocumentStatus.REMOVED) {
                    documents++;
                    claims += doc.containsKey("claims") ? Integer.parseInt(doc.get("claims").n()) : 0;
                }
            }
        }
        return new StorySummary(story, documents, claims);
    }

    @Override
    public Optional<StoryData> loadStory(String story) {
        Map<String, StoredDocument> documents = new LinkedHashMap<>();
        Map<String, List<Claim>> claimsByVersion = new HashMap<>();
        for (Map<String, AttributeValue> item : query(storyPartition(story), null)) {
            String sk = item.get(SK).s();
            if (sk.startsWith("doc#")) {
                StoredDocument d = toDocument(story, item);
                documents.put(d.id(), d);
            } else if (sk.startsWith("claim#")) {
                claimsByVersion.computeIfAbsent(versionOf(item.get("document").s(), item.get("version").s()),
                                v -> new ArrayList<>())
                        .add(Json.read(item.get("claim").s(), Claim.class));
            }
        }
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        List<StoredDocument> live = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (StoredDocument d : documents.values()) {
            if (d.status() == DocumentStatus.REMOVED) {
                continue;
            }
            live.add(d);
            claims.addAll(claimsByVersion.getOrDefault(versionOf(d.id(), d.version()), List.of()));
        }
        return Optional.of(new StoryData(story, live, claims));
    }

    private static String versionOf(String documentId, String version) {
        return documentId + "\u0000" + version;
    }

    private Map<String, AttributeValue> switchDocument(StoredDocument d, int claimCount) {
        Map<String, AttributeValue> item = documentItem(d, claimCount);
        PutItemResponse response = dynamo.putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR sequencer < :seq")
                .expressionAttributeValues(Map.of(":seq", s(d.sequencer())))
                .returnValues(ReturnValue.ALL_OLD));
        return response.hasAttributes() ? response.attributes() : Map.of();
    }

    private void deletePreviousClaims(String partition, String documentId, Map<String, AttributeValue> previous,
                                      String currentVersion) {
        AttributeValue old = previous.get("version");
        if (old != null && !old.s().isEmpty() && !old.s().equals(currentVersion)) {
            deleteClaims(partition, documentId, old.s());
        }
    }

    private void deleteClaims(String partition, String documentId, String version) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(partition, "claim#" + version + "#")) {
            if (!documentId.equals(item.get("document").s())) {
                continue;
            }
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                    .key(Map.of(PK, item.get(PK), SK, item.get(SK))).build()).build());
        }
        batchWrite(deletes);
    }

    private void registerStory(String story) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                PK, s(STORIES_PARTITION), SK, s(story), "story", s(story))));
    }

    /** BatchWriteItem in chunks of 25; unprocessed items are retried with exponential backoff, then it fails loudly. */
    private void batchWrite(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH_SIZE) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + BATCH_SIZE));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException(pending.size() + " items of table " + table
                            + " still unprocessed after " + MAX_BATCH_ATTEMPTS + " attempts");
                }
                if (attempt > 1) {
                    backoff(attempt);
                }
                List<WriteRequest> chunk = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, chunk)));
                pending = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            }
        }
    }

    private static void backoff(int attempt) {
        long millis = Math.min(2_000L, 25L << Math.min(attempt, 10));
        try {
            Thread.sleep(millis / 2 + (long) (Math.random() * millis / 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch write", e);
        }
    }

    private List<Map<String, AttributeValue>> query(String partition, String sortKeyPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(partition));
        String condition = "pk = :pk";
        if (sortKeyPrefix != null) {
            condition += " AND begins_with(sk, :prefix)";
            values.put(":prefix", s(sortKeyPrefix));
        }
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression(condition).expressionAttributeValues(values).consistentRead(true).build();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            items.addAll(page.items());
        }
        return items;
    }

    static String storyPartition(String story) {
        return "story#" + story;
    }

    private Map<String, AttributeValue> documentItem(StoredDocument d, int claimCount) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(storyPartition(d.story())));
        item.put(SK, s("doc#" + d.id()));
        item.put("id", s(d.id()));
        item.put("status", s(d.status().name()));
        item.put("version", s(d.version()));
        item.put("sequencer", s(d.sequencer()));
        item.put("claims", AttributeValue.fromN(Integer.toString(claimCount)));
        putIfPresent(item, "reason", d.reason());
        putIfPresent(item, "title", d.title());
        putIfPresent(item, "publisher", d.publisher());
        putIfPresent(item, "publisherFrom", d.publisherFrom());
        putIfPresent(item, "published", d.published());
        putIfPresent(item, "publishedFrom", d.publishedFrom());
        putIfPresent(item, "url", d.url());
        putIfPresent(item, "updatedAt", d.updatedAt());
        return item;
    }

    private static StoredDocument toDocument(String story, Map<String, AttributeValue> item) {
        return new StoredDocument(story, str(item, "id"), DocumentStatus.valueOf(str(item, "status")),
                str(item, "reason"), str(item, "title"), str(item, "publisher"), str(item, "publisherFrom"),
                str(item, "published"), str(item, "publishedFrom"), str(item, "url"), str(item, "version"),
                str(item, "sequencer"), item.containsKey("claims") ? Integer.parseInt(item.get("claims").n()) : 0,
                str(item, "updatedAt"));
    }

    private static Map<String, AttributeValue> claimItem(String partition, String version, int index, String documentId,
                                                         Claim claim) {
        return Map.of(
                PK, s(partition),
                SK, s("claim#" + version + "#" + String.format("%05d", index)),
                "version", s(version),
                "document", s(documentId),
                "kind", s(claim.kind().wireName()),
                "key", s(claim.key()),
                "claim", s(Json.write(claim)));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
