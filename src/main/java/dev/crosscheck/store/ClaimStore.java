package dev.crosscheck.store;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.Coverage;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Documents and claims in one DynamoDB table, one partition per story; every read is a Query, never a Scan.
 *
 * <p>Items (partition key {@code pk}, sort key {@code sk}):
 * <ul>
 *   <li>{@code stories} / {@code STORY}: the story registry, so the story list is a Query too;</li>
 *   <li>{@code story#STORY} / {@code doc#ID}: a document, its status, metadata, the S3 sequencer applied last, the
 *       {@code version} of its current claims and that version's {@code coverage} (JSON: figures, claimed, the
 *       unread ones with their sentences, at most {@value dev.crosscheck.claim.Coverage#MAX_UNREAD});</li>
 *   <li>{@code story#STORY} / {@code meta}: the story's {@code version}, one more with every change applied;</li>
 *   <li>{@code story#STORY} / {@code claim#DOC#VERSION#NNNNN}: the claims of one version of a document, as a list of
 *       claim JSON strings ({@code chunk}), as many per item as fit in {@value #CHUNK_JSON_BYTES} bytes, with the
 *       sequencer of the event that wrote them ({@code DOC} is a fixed-length digest of the document id, so one Query
 *       finds every claim item of a document). A typical article's claims are one item: one write, not one per claim.
 *       Items of one claim each ({@code claim}, a single JSON string), written by earlier releases, still read.</li>
 * </ul>
 *
 * <p>A new version's claims are written first; then the document item switches to that version with a conditional
 * write that only an event newer than the one applied can win; then every other version of the document whose
 * sequencer is not newer than the applied one is deleted: the version replaced, a losing concurrent version, and
 * leftovers of an attempt that failed between its writes. None of those can ever win the switch again, so the sweep
 * never deletes a version that might still become current. A stale or duplicate event changes nothing.
 *
 * <p>Reads take the current version of each document only, and check that they saw all of its claims (the document
 * item stores their number): a report never mixes two versions of a document, nor shows part of one.
 */
public final class ClaimStore implements StoryRepository {

    /** Outcome of a conditional write. */
    public enum WriteOutcome {
        APPLIED, STALE
    }

    static final String PK = "pk";
    static final String SK = "sk";
    static final String STORIES_PARTITION = "stories";
    /** The sort key of a story's meta item, which holds its version. */
    static final String META = "meta";
    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;
    private static final int MAX_READ_ATTEMPTS = 10;
    /** Evidence quotes longer than this are cut around the claim, keeping items far below DynamoDB's 400 KB. */
    static final int MAX_QUOTE_CHARS = 8_000;
    /** A claim item whose JSON is still larger than this after the cut is not stored (DynamoDB would refuse it). */
    static final int MAX_CLAIM_JSON_BYTES = 300_000;
    /**
     * Claim JSON bytes per claim item at most: the keys and attributes of the item stay far below DynamoDB's 400 KB,
     * and a claim of {@link #MAX_CLAIM_JSON_BYTES} always fits an item of its own.
     */
    static final int CHUNK_JSON_BYTES = 350_000;
    /** Stories registered by this instance: a warm function does not write the registry item again. */
    private static final int MAX_KNOWN_STORIES = 10_000;

    /**
     * A request for a report older than this (seconds) is taken as lost (its message dropped, its computation dead):
     * the next change asks again.
     */
    static final long STALE_REQUEST_SECONDS = 900;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ReportRequests reportRequests;
    private final java.time.Clock clock;
    private final java.util.Set<String> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A store whose changes ask for no report computation: reports are computed when read. */
    public ClaimStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null, java.time.Clock.systemUTC());
    }

    /** A store that asks {@code reportRequests} for a report computation after each burst of changes of a story. */
    public ClaimStore(DynamoDbClient dynamo, String table, ReportRequests reportRequests, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.reportRequests = reportRequests;
        this.clock = clock;
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
        List<Map<String, AttributeValue>> claimItems = new ArrayList<>();
        List<AttributeValue> chunk = new ArrayList<>();
        int chunkBytes = 0;
        int stored = 0;
        for (Claim claim : claims) {
            String json = Json.write(storable(claim));
            int bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > MAX_CLAIM_JSON_BYTES) {
                continue;
            }
            if (!chunk.isEmpty() && chunkBytes + bytes > CHUNK_JSON_BYTES) {
                claimItems.add(claimItem(partition, document, claimItems.size(), chunk));
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(s(json));
            chunkBytes += bytes;
            stored++;
        }
        if (!chunk.isEmpty()) {
            claimItems.add(claimItem(partition, document, claimItems.size(), chunk));
        }
        // Registered before the switch: a retry after a failure past the switch finds the event stale, so the
        // registry could not be written then.
        registerStory(document.story());
        batchWrite(claimItems.stream().map(item -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build()).build()).toList());

        try {
            switchDocument(document, stored);
        } catch (ConditionalCheckFailedException stale) {
            deleteVersion(partition, document.id(), document.version());
            finishIfApplied(document.story(), document.id(), document.sequencer());
            return WriteOutcome.STALE;
        }
        sweep(partition, document.id(), document.version(), document.sequencer());
        touch(document.story());
        return WriteOutcome.APPLIED;
    }

    /** Marks a document removed (a tombstone keeps its sequencer) and deletes its claims, unless the event is stale. */
    public WriteOutcome removeDocument(String story, String id, String sequencer, String at) {
        StoredDocument tombstone = new StoredDocument(story, id, DocumentStatus.REMOVED, null, null, null, null,
                null, null, null, "", Sequencers.normalize(sequencer), 0, at);
        // registered too, so that reconciliation, which reads registered stories, finds the tombstone and orders a
        // later re-read of the key after it (a removal may be a new story's first event, delivered out of order)
        registerStory(story);
        try {
            switchDocument(tombstone, 0);
        } catch (ConditionalCheckFailedException stale) {
            finishIfApplied(story, id, tombstone.sequencer());
            return WriteOutcome.STALE;
        }
        sweep(storyPartition(story), id, "", tombstone.sequencer());
        touch(story);
        return WriteOutcome.APPLIED;
    }

    /**
     * Counts a change of the story: its {@code meta} item's version grows by one (an atomic ADD). Done after the
     * document's switch, and again by a retry of an event applied before ({@link #finishIfApplied}), so a version read
     * before the story never counts a change the story read after it lacks.
     */
    private void touch(String story) {
        Map<String, AttributeValue> key = Map.of(PK, s(storyPartition(story)), SK, s(META));
        if (reportRequests == null) {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("ADD #version :one")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            return;
        }
        // One request: the version grows and the story is marked as awaiting its report, unless it already is.
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("ADD #version :one SET #queued = if_not_exists(#queued, :now)")
                .expressionAttributeNames(Map.of("#version", "version", "#queued", "queuedAt"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":now", AttributeValue.fromN(Long.toString(now))))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_OLD)).attributes();
        AttributeValue queuedAt = old == null ? null : old.get("queuedAt");
        if (queuedAt != null) {
            long since = Long.parseLong(queuedAt.n());
            if (now - since < STALE_REQUEST_SECONDS) {
                return; // asked already; that computation, still to start, will read this change
            }
            try {
                // The earlier request is taken as lost; only one change takes over from it.
                dynamo.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("SET #queued = :now")
                        .conditionExpression("#queued = :since")
                        .expressionAttributeNames(Map.of("#queued", "queuedAt"))
                        .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)),
                                ":since", queuedAt)));
            } catch (ConditionalCheckFailedException another) {
                return;
            }
        }
        try {
            reportRequests.request(story);
        } catch (RuntimeException e) {
            // Withdraw the mark, so that the retry of this change (the caller fails) asks again.
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("REMOVE #queued")
                        .conditionExpression("#queued = :now")
                        .expressionAttributeNames(Map.of("#queued", "queuedAt"))
                        .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
            } catch (RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    /**
     * The sequencer of the event that made the document what it is now; empty when the store does not hold it or holds
     * it as removed.
     */
    public Optional<String> currentSequencer(String story, String id) {
        Map<String, AttributeValue> item = documentItem(storyPartition(story), id);
        if (item == null || item.isEmpty() || DocumentStatus.valueOf(str(item, "status")) == DocumentStatus.REMOVED) {
            return Optional.empty();
        }
        return Optional.ofNullable(str(item, "sequencer"));
    }

    /** What the story's meta item says of its report; empty when the story has never changed. */
    public java.util.Optional<ReportState> reportState(String story) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(storyPartition(story)), SK, s(META)))).item();
        return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(reportState(item));
    }

    private static ReportState reportState(Map<String, AttributeValue> item) {
        Map<String, Long> sizes = new java.util.TreeMap<>();
        AttributeValue bytes = item.get("reportBytes");
        if (bytes != null && bytes.hasM()) {
            bytes.m().forEach((file, n) -> sizes.put(file, Long.parseLong(n.n())));
        }
        return new ReportState(number(item, "version"), number(item, "reportVersion"), item.containsKey("queuedAt"),
                sizes, item.containsKey("reportDocuments") ? number(item, "reportDocuments") : -1);
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    /**
     * Takes the story's outstanding report request, if any: its mark is removed, so that any change from now on asks
     * again, and the state returned is read in the same write; what is read of the story after it holds at least
     * the version it gives. Empty when the story has never changed.
     */
    public java.util.Optional<ReportState> takeReportRequest(String story) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(PK, s(storyPartition(story)), SK, s(META)))
                    .updateExpression("REMOVE #queued")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#queued", "queuedAt", "#pk", PK))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes();
            return java.util.Optional.of(reportState(item));
        } catch (ConditionalCheckFailedException neverChanged) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Makes {@code reportVersion} the story's stored report, unless a report of that version or a newer one is there
     * already (two computations may finish out of order), with the sizes of its files (bytes by file name). Returns the version it replaced, 0 for none, or -1 when it
     * lost.
     */
    public long switchReport(String story, long reportVersion, Map<String, Long> sizes) {
        return switchReport(story, reportVersion, sizes, -1);
    }

    /** The same, recording how many documents the report covers ({@code -1}: not recorded). */
    public long switchReport(String story, long reportVersion, Map<String, Long> sizes, long documents) {
        Map<String, AttributeValue> sizeItem = new java.util.TreeMap<>();
        sizes.forEach((file, bytes) -> sizeItem.put(file, AttributeValue.fromN(Long.toString(bytes))));
        try {
            Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(PK, s(storyPartition(story)), SK, s(META)))
                    .updateExpression("SET #report = :v, #sizes = :sizes, #documents = :documents")
                    .conditionExpression("attribute_not_exists(#report) OR #report < :v")
                    .expressionAttributeNames(Map.of("#report", "reportVersion", "#sizes", "reportBytes",
                            "#documents", "reportDocuments"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(reportVersion)),
                            ":sizes", AttributeValue.fromM(sizeItem),
                            ":documents", AttributeValue.fromN(Long.toString(documents))))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_OLD))
                    .attributes();
            return old == null ? 0 : number(old, "reportVersion");
        } catch (ConditionalCheckFailedException newerThere) {
            return -1;
        }
    }

    @Override
    public long version(String story) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(storyPartition(story)), SK, s(META)))).item();
        return item == null || !item.containsKey("version") ? 0 : Long.parseLong(item.get("version").n());
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
        // Registered stories in name order; one whose documents are all removed has ended and is not listed (its
        // registry item stays: an ingest function instance that registered it does not register it again).
        List<StorySummary> stories = new ArrayList<>(limit);
        boolean more = false;
        String cursor = after;
        scan:
        while (true) {
            List<Map<String, AttributeValue>> batch = itemsAfter(STORIES_PARTITION, null, cursor, limit + 1,
                    i -> true);
            for (Map<String, AttributeValue> item : batch) {
                String story = item.get("story").s();
                cursor = story;
                StorySummary summary = summary(story);
                if (summary.documents() == 0) {
                    continue;
                }
                if (stories.size() == limit) {
                    more = true;
                    break scan;
                }
                stories.add(summary);
            }
            if (batch.size() < limit + 1) {
                break;
            }
        }
        return new StoryPage(stories, more ? stories.get(stories.size() - 1).story() : null);
    }

    /**
     * Every story ever registered, ended ones too, in name order (a Query of the registry): what reconciliation
     * compares with the bucket.
     */
    public List<String> registeredStories() {
        List<String> stories = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(STORIES_PARTITION, null)) {
            stories.add(item.get("story").s());
        }
        return stories;
    }

    /**
     * What the table holds of each object of a story, removed ones too (one Query of its document items, reading their
     * id, status, sequencer and the ETags read): what reconciliation compares with the bucket's listing.
     */
    public List<StoredObject> storedObjects(String story) {
        List<StoredObject> objects = new ArrayList<>();
        for (Map<String, AttributeValue> doc : documentFields(story,
                "id, #status, sequencer, objectETag, sidecarETag, updatedAt")) {
            objects.add(new StoredObject(story, doc.get("id").s(), DocumentStatus.valueOf(doc.get("status").s()),
                    str(doc, "sequencer"), str(doc, "objectETag"), str(doc, "sidecarETag"), str(doc, "updatedAt")));
        }
        return objects;
    }

    /** A story's counts from its document items alone, reading only their status, claim count and reason. */
    private StorySummary summary(String story) {
        int documents = 0;
        int claims = 0;
        boolean overLimit = false;
        for (Map<String, AttributeValue> doc : documentFields(story, "#status, claims, reason")) {
            DocumentStatus status = DocumentStatus.valueOf(doc.get("status").s());
            if (status != DocumentStatus.REMOVED) {
                documents++;
                claims += doc.containsKey("claims") ? Integer.parseInt(doc.get("claims").n()) : 0;
                overLimit |= status == DocumentStatus.REJECTED && doc.containsKey("reason")
                        && doc.get("reason").s().startsWith(StoryLimits.REASON_PREFIX);
            }
        }
        return new StorySummary(story, documents, claims, overLimit);
    }

    /**
     * What the story's ingested documents take, document {@code except} left out (one Query of its document items,
     * reading their id, status and size): what a story's limits are checked against.
     */
    public StoryUsage usage(String story, String except) {
        int documents = 0;
        long bytes = 0;
        for (Map<String, AttributeValue> doc : documentFields(story, "id, #status, bytes")) {
            if (DocumentStatus.valueOf(doc.get("status").s()) == DocumentStatus.INGESTED
                    && !doc.get("id").s().equals(except)) {
                documents++;
                bytes += doc.containsKey("bytes") ? Long.parseLong(doc.get("bytes").n()) : 0;
            }
        }
        return new StoryUsage(documents, bytes);
    }

    /** The given attributes of every document item of a story ({@code #status} stands for status). */
    private List<Map<String, AttributeValue>> documentFields(String story, String projection) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(storyPartition(story)), ":prefix", s("doc#")))
                .projectionExpression(projection)
                .expressionAttributeNames(Map.of("#status", "status"))
                .consistentRead(true).build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            items.addAll(page.items());
        }
        return items;
    }

    @Override
    public Optional<StoryData> loadStory(String story) {
        String partition = storyPartition(story);
        Map<String, StoredDocument> documents = new LinkedHashMap<>();
        Map<String, List<Claim>> claimsByVersion = new HashMap<>();
        for (Map<String, AttributeValue> item : query(partition, null)) {
            String sk = item.get(SK).s();
            if (sk.startsWith("doc#")) {
                StoredDocument d = toDocument(story, item);
                documents.put(d.id(), d);
            } else if (sk.startsWith("claim#")) {
                addClaims(item, claimsByVersion.computeIfAbsent(
                        versionOf(item.get("document").s(), item.get("version").s()), v -> new ArrayList<>()));
            }
        }
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        List<StoredDocument> live = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (StoredDocument read : documents.values()) {
            StoredDocument d = read;
            List<Claim> current = claimsByVersion.getOrDefault(versionOf(d.id(), d.version()), List.of());
            if (d.status() != DocumentStatus.REMOVED && current.size() != d.claims()) {
                // The document changed while the partition was read: read it and its claims again, on their own.
                Map.Entry<StoredDocument, List<Claim>> reread = loadDocument(partition, story, d.id());
                d = reread.getKey();
                current = reread.getValue();
            }
            if (d == null || d.status() == DocumentStatus.REMOVED) {
                continue;
            }
            live.add(d);
            claims.addAll(current);
        }
        // a story whose documents are all removed has ended
        return live.isEmpty() ? Optional.empty() : Optional.of(new StoryData(story, live, claims));
    }

    /**
     * A page of the story's documents: Queries of its {@code doc#} items from the one after {@code after}, with
     * {@code Limit}, one document more than the page holds to learn whether more follow; removed documents are
     * skipped. Empty when the story has no document item at all.
     */
    @Override
    public Optional<DocumentPage> listDocuments(String story, int limit, String after) {
        List<StoredDocument> page = new ArrayList<>(limit + 1);
        for (Map<String, AttributeValue> item : itemsAfter(storyPartition(story), "doc#",
                after == null ? null : "doc#" + after, limit + 1,
                i -> DocumentStatus.valueOf(i.get("status").s()) != DocumentStatus.REMOVED)) {
            page.add(toDocument(story, item));
        }
        if (page.isEmpty() && after == null) {
            return Optional.empty();    // no story, or one whose documents are all removed
        }
        boolean more = page.size() > limit;
        List<StoredDocument> shown = page.subList(0, Math.min(limit, page.size()));
        return Optional.of(new DocumentPage(shown, more ? shown.get(shown.size() - 1).id() : null));
    }

    /**
     * Up to {@code wanted} items of a partition (of those whose sort key starts with {@code prefix}, when given) that
     * {@code kept} accepts, in sort-key order after {@code afterSortKey} (from the first when null): Queries with
     * {@code Limit} and {@code ExclusiveStartKey}, as many as it takes, never the rest of the partition.
     */
    private List<Map<String, AttributeValue>> itemsAfter(String partition, String prefix, String afterSortKey,
                                                         int wanted, Predicate<Map<String, AttributeValue>> kept) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(wanted);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(partition));
        if (prefix != null) {
            values.put(":prefix", s(prefix));
        }
        Map<String, AttributeValue> start = afterSortKey == null ? null
                : Map.of(PK, s(partition), SK, s(afterSortKey));
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression(prefix == null ? "pk = :pk" : "pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(values)
                    .consistentRead(true)
                    .limit(wanted - items.size());
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (kept.test(item)) {
                    items.add(item);
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() < wanted);
        return items;
    }

    /**
     * A page of the story's claims: its documents a page at a time, each ingested one's current claims read by the
     * Query of its version's claim items (checked against the claim count its item holds, read again on its own
     * when it changed in between, as {@link #loadStory} does), whole documents until {@code limit} claims are reached.
     */
    @Override
    public Optional<ClaimPage> listClaims(String story, int limit, String after) {
        String partition = storyPartition(story);
        List<Claim> claims = new ArrayList<>();
        String cursor = after;
        boolean first = true;
        while (true) {
            Optional<DocumentPage> documents = listDocuments(story, Math.min(MAX_PAGE, limit), cursor);
            if (documents.isEmpty()) {
                return first ? Optional.empty() : Optional.of(new ClaimPage(claims, null));
            }
            first = false;
            List<StoredDocument> page = documents.get().documents();
            for (int i = 0; i < page.size(); i++) {
                StoredDocument d = page.get(i);
                if (d.status() == DocumentStatus.INGESTED && d.claims() > 0) {
                    List<Claim> current = claimsOf(partition, d.id(), d.version());
                    if (current.size() != d.claims()) {
                        // the document changed since its item was read: read it and its claims again, on their own
                        Map.Entry<StoredDocument, List<Claim>> read = loadDocument(partition, story, d.id());
                        boolean gone = read.getKey() == null || read.getKey().status() == DocumentStatus.REMOVED;
                        current = gone ? List.of() : read.getValue();
                    }
                    claims.addAll(current);
                }
                boolean moreHere = i + 1 < page.size() || documents.get().last() != null;
                if (claims.size() >= limit && moreHere) {
                    return Optional.of(new ClaimPage(claims, d.id()));
                }
            }
            if (documents.get().last() == null) {
                return Optional.of(new ClaimPage(claims, null));
            }
            cursor = documents.get().last();
        }
    }

    /**
     * A retry of the event applied last (its sequencer is the document's) loses the switch to its own earlier attempt,
     * which may have died after the switch and before its sweep and the story's registration: those are done again
     * (both are idempotent), so no orphaned version outlives a retry and no story goes missing from the list.
     */
    private void finishIfApplied(String story, String id, String sequencer) {
        String partition = storyPartition(story);
        Map<String, AttributeValue> item = documentItem(partition, id);
        if (item == null || item.isEmpty() || !sequencer.equals(str(item, "sequencer"))) {
            return;
        }
        sweep(partition, id, str(item, "version"), sequencer);
        if (DocumentStatus.valueOf(str(item, "status")) != DocumentStatus.REMOVED) {
            registerStory(story);
        }
        touch(story);
    }

    /**
     * One document and all claims of its current version, read until the two agree (the document item holds the number
     * of its claims; a switch between the two reads shows as a different number or version).
     */
    private Map.Entry<StoredDocument, List<Claim>> loadDocument(String partition, String story, String id) {
        for (int attempt = 1; attempt <= MAX_READ_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = documentItem(partition, id);
            if (item == null || item.isEmpty()) {
                return new java.util.AbstractMap.SimpleEntry<>(null, List.of());
            }
            StoredDocument d = toDocument(story, item);
            if (d.status() == DocumentStatus.REMOVED) {
                return new java.util.AbstractMap.SimpleEntry<>(d, List.of());
            }
            List<Claim> claims = claimsOf(partition, id, d.version());
            if (claims.size() == d.claims()) {
                return new java.util.AbstractMap.SimpleEntry<>(d, claims);
            }
            backoff(attempt);
        }
        throw new IllegalStateException("document " + id + " kept changing while it was read");
    }

    /** The claims of one version of a document: the Query of its claim items. */
    private List<Claim> claimsOf(String partition, String id, String version) {
        List<Claim> claims = new ArrayList<>();
        for (Map<String, AttributeValue> c : query(partition, claimPrefix(id, version))) {
            if (id.equals(c.get("document").s()) && version.equals(c.get("version").s())) {
                addClaims(c, claims);
            }
        }
        return claims;
    }

    /** The claims of one claim item: a list of them, or one claim in an item written by an earlier release. */
    private static void addClaims(Map<String, AttributeValue> item, List<Claim> into) {
        AttributeValue chunk = item.get("chunk");
        if (chunk != null) {
            for (AttributeValue json : chunk.l()) {
                into.add(Json.read(json.s(), Claim.class));
            }
        } else {
            into.add(Json.read(item.get("claim").s(), Claim.class));
        }
    }

    private static String versionOf(String documentId, String version) {
        return documentId + "\u0000" + version;
    }

    private void switchDocument(StoredDocument d, int claimCount) {
        Map<String, AttributeValue> item = documentItem(d, claimCount);
        dynamo.putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR sequencer < :seq")
                .expressionAttributeValues(Map.of(":seq", s(d.sequencer()))));
    }

    /**
     * Deletes the document's claim items of every version but {@code current} written by an event not newer than
     * {@code applied}: once {@code applied} is the document's sequencer, such versions can never win the switch.
     */
    private void sweep(String partition, String documentId, String current, String applied) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(partition, claimPrefix(documentId, null))) {
            String version = item.get("version").s();
            AttributeValue sequencer = item.get("sequencer");
            if (documentId.equals(item.get("document").s()) && !version.equals(current)
                    && (sequencer == null || sequencer.s().compareTo(applied) <= 0)) {
                deletes.add(delete(item));
            }
        }
        batchWrite(deletes);
    }

    /** Deletes the claim items of one version of a document (a version that lost the switch). */
    private void deleteVersion(String partition, String documentId, String version) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(partition, claimPrefix(documentId, version))) {
            if (documentId.equals(item.get("document").s()) && version.equals(item.get("version").s())) {
                deletes.add(delete(item));
            }
        }
        batchWrite(deletes);
    }

    private static WriteRequest delete(Map<String, AttributeValue> item) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                .key(Map.of(PK, item.get(PK), SK, item.get(SK))).build()).build();
    }

    /** The sort-key prefix of a document's claim items, or of one version's when {@code version} is given. */
    static String claimPrefix(String documentId, String version) {
        String prefix = "claim#" + documentDigest(documentId) + "#";
        return version == null ? prefix : prefix + version + "#";
    }

    private static String documentDigest(String documentId) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(documentId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claim as stored: evidence from a very long sentence is cut around the claim (and flagged). */
    static Claim storable(Claim claim) {
        Evidence evidence = claim.evidence().around(MAX_QUOTE_CHARS);
        if (evidence == claim.evidence()) {
            return claim;
        }
        return claim.withEvidence(evidence);
    }

    /**
     * Puts the story's registry item, unless this instance did so before: registry items are never deleted, so one
     * write per story and process is enough (the counts of a story are read from its document items, not kept here).
     */
    private void registerStory(String story) {
        if (registered.contains(story)) {
            return;
        }
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                PK, s(STORIES_PARTITION), SK, s(story), "story", s(story))));
        if (registered.size() >= MAX_KNOWN_STORIES) {
            registered.clear();
        }
        registered.add(story);
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

    /** A document's item as it is now (a strongly consistent read); null or empty when there is none. */
    private Map<String, AttributeValue> documentItem(String partition, String id) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(partition), SK, s("doc#" + id)))).item();
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
        if (d.bytes() > 0) {
            item.put("bytes", AttributeValue.fromN(Long.toString(d.bytes())));
        }
        putIfPresent(item, "reason", d.reason());
        putIfPresent(item, "title", d.title());
        putIfPresent(item, "publisher", d.publisher());
        putIfPresent(item, "publisherFrom", d.publisherFrom());
        putIfPresent(item, "published", d.published());
        putIfPresent(item, "publishedFrom", d.publishedFrom());
        putIfPresent(item, "url", d.url());
        putIfPresent(item, "updatedAt", d.updatedAt());
        if (d.coverage().figures() > 0) {
            item.put("coverage", s(Json.write(d.coverage())));
        }
        putIfPresent(item, "print", d.print());
        putIfPresent(item, "places", d.places());
        if (!d.warnings().isEmpty()) {
            item.put("warnings", AttributeValue.fromL(d.warnings().stream().map(ClaimStore::s).toList()));
        }
        putIfPresent(item, "objectETag", d.objectETag());
        putIfPresent(item, "sidecarETag", d.sidecarETag());
        return item;
    }

    private static StoredDocument toDocument(String story, Map<String, AttributeValue> item) {
        return new StoredDocument(story, str(item, "id"), DocumentStatus.valueOf(str(item, "status")),
                str(item, "reason"), str(item, "title"), str(item, "publisher"), str(item, "publisherFrom"),
                str(item, "published"), str(item, "publishedFrom"), str(item, "url"), str(item, "version"),
                str(item, "sequencer"), item.containsKey("claims") ? Integer.parseInt(item.get("claims").n()) : 0,
                str(item, "updatedAt"), item.containsKey("coverage")
                        ? Json.read(item.get("coverage").s(), Coverage.class) : Coverage.NONE, str(item, "print"),
                str(item, "places"), item.containsKey("bytes") ? Long.parseLong(item.get("bytes").n()) : 0,
                item.containsKey("warnings") ? item.get("warnings").l().stream().map(AttributeValue::s).toList()
                        : List.of(), str(item, "objectETag"), str(item, "sidecarETag"));
    }

    private static Map<String, AttributeValue> claimItem(String partition, StoredDocument document, int index,
                                                         List<AttributeValue> claimJson) {
        return Map.of(
                PK, s(partition),
                SK, s(claimPrefix(document.id(), document.version()) + String.format("%05d", index)),
                "version", s(document.version()),
                "document", s(document.id()),
                "sequencer", s(document.sequencer()),
                "chunk", AttributeValue.fromL(claimJson));
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
