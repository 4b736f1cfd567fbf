package dev.crosscheck.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A fault injector around a real DynamoDB client: every call goes to the real table, except that the first
 * {@code throttledBatches} BatchWriteItem calls only send part of their items and hand the rest back as
 * UnprocessedItems, the way DynamoDB does when a partition is throttled.
 */
final class UnprocessingDynamoDb implements DynamoDbClient {

    private final DynamoDbClient delegate;
    private final int throttledBatches;
    private final boolean deletesOnly;
    final AtomicInteger batchCalls = new AtomicInteger();
    final AtomicInteger itemsHandedBack = new AtomicInteger();
    final AtomicInteger putCalls = new AtomicInteger();

    UnprocessingDynamoDb(DynamoDbClient delegate, int throttledBatches) {
        this(delegate, throttledBatches, false);
    }

    /** With {@code deletesOnly}, only batches of deletes are throttled (and counted); batches of puts go through. */
    UnprocessingDynamoDb(DynamoDbClient delegate, int throttledBatches, boolean deletesOnly) {
        this.delegate = delegate;
        this.throttledBatches = throttledBatches;
        this.deletesOnly = deletesOnly;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        if (deletesOnly && request.requestItems().values().stream().flatMap(List::stream)
                .noneMatch(w -> w.deleteRequest() != null)) {
            return delegate.batchWriteItem(request);
        }
        if (batchCalls.incrementAndGet() > throttledBatches) {
            return delegate.batchWriteItem(request);
        }
        Map<String, List<WriteRequest>> processed = new HashMap<>();
        Map<String, List<WriteRequest>> unprocessed = new HashMap<>();
        request.requestItems().forEach((table, writes) -> {
            int keep = writes.size() / 3;   // a third goes through, the rest comes back
            processed.put(table, new ArrayList<>(writes.subList(0, keep)));
            unprocessed.put(table, new ArrayList<>(writes.subList(keep, writes.size())));
            itemsHandedBack.addAndGet(writes.size() - keep);
        });
        processed.values().removeIf(List::isEmpty);
        if (!processed.isEmpty()) {
            BatchWriteItemResponse real = delegate.batchWriteItem(request.toBuilder().requestItems(processed).build());
            real.unprocessedItems().forEach((table, writes) -> unprocessed.get(table).addAll(writes));
        }
        return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        putCalls.incrementAndGet();
        return delegate.putItem(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse updateItem(
            software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest request) {
        return delegate.updateItem(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return delegate.getItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return delegate.query(request);
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // the delegate is shared
    }
}
