package dev.crosscheck.local;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The ingest function's link to the real DynamoDB Local table, with faults put in by a test: before each call the
 * current {@link Fault} may throw what the SDK throws when DynamoDB cannot be reached or throttles (after its own
 * retries), or an {@link Error} that kills the function where it stands. Calls that pass reach the real table.
 */
final class FaultyDynamoDb implements DynamoDbClient {

    /** Decides, for each call, whether it fails and how; null lets it through. */
    interface Fault {
        Throwable on(String operation, SdkRequest request);
    }

    /** The function killed mid-invocation (a timeout, the runtime stopping it): nothing in the function catches it. */
    static final class Killed extends Error {
        Killed(String where) {
            super("function killed at " + where);
        }
    }

    static final Fault NONE = (operation, request) -> null;

    private final DynamoDbClient delegate;
    private volatile Fault fault = NONE;
    final AtomicInteger injected = new AtomicInteger();
    final AtomicInteger passed = new AtomicInteger();

    FaultyDynamoDb(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    void fault(Fault next) {
        this.fault = next;
    }

    /** What the SDK throws when the endpoint refuses connections (after its retries). */
    static SdkClientException unreachable() {
        return SdkClientException.builder()
                .message("Unable to execute HTTP request: Connect to 127.0.0.1:8000 failed: Connection refused")
                .cause(new ConnectException("Connection refused")).build();
    }

    /** What the SDK throws for DynamoDB's 400 ProvisionedThroughputExceededException (after its retries). */
    static ProvisionedThroughputExceededException throttled() {
        String message = "The level of configured provisioned throughput for the table was exceeded.";
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage(message).serviceName("DynamoDb").build())
                .build();
    }

    /** True for the conditional write that makes a version of a document current. */
    static boolean isSwitch(SdkRequest request) {
        if (request instanceof PutItemRequest put) {
            return onSequencer(put.conditionExpression());
        }
        if (request instanceof UpdateItemRequest update) {
            return onSequencer(update.conditionExpression());
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.transactItems().stream().anyMatch(item ->
                    item.put() != null && onSequencer(item.put().conditionExpression())
                            || item.update() != null && onSequencer(item.update().conditionExpression()));
        }
        return false;
    }

    private static boolean onSequencer(String condition) {
        return condition != null && condition.contains("sequencer");
    }

    private <T> T call(String operation, SdkRequest request, Supplier<T> real) {
        Throwable failure = fault.on(operation, request);
        if (failure != null) {
            injected.incrementAndGet();
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failure;
        }
        passed.incrementAndGet();
        return real.get();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return call("BatchWriteItem", request, () -> delegate.batchWriteItem(request));
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return call("PutItem", request, () -> delegate.putItem(request));
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return call("UpdateItem", request, () -> delegate.updateItem(request));
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return call("DeleteItem", request, () -> delegate.deleteItem(request));
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        return call("TransactWriteItems", request, () -> delegate.transactWriteItems(request));
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return call("GetItem", request, () -> delegate.getItem(request));
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return call("Query", request, () -> delegate.query(request));
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
        // the stack owns the real client
    }
}
