package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.ingest.Ingestor;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.Sequencers;
import dev.crosscheck.store.StoryData;
import dev.crosscheck.support.Emulators;
import dev.crosscheck.support.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Several function instances receiving the events of one key at once, duplicated and out of order, as S3 and Lambda
 * may deliver them: the document ends with the newest event's sequencer and exactly one set of claims.
 */
class ConcurrentDeliveryTest {

    private static final String BUCKET = "crosscheck-articles";
    private static final String KEY = "xi-moscow-2023/" + Seeds.UPI;

    @Test
    void concurrentDuplicateAndReorderedEventsOfOneKeyLeaveOneVersion() throws Exception {
        S3Client s3 = Emulators.s3();
        Seeds.ensureBucket(s3, BUCKET);
        Seeds.upload(s3, BUCKET, KEY, Seeds.UPI);
        DynamoDbClient dynamo = Emulators.dynamoDb();
        String table = Emulators.uniqueName("claims");
        ClaimStore store = new ClaimStore(dynamo, table);
        store.createTableIfMissing();
        IngestHandler handler = new IngestHandler(new Ingestor(s3, store, new ArticleAnalyzer(), Clock.systemUTC()));
        var serializer = LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader());
        String template = Files.readString(Path.of("events", "s3-put.json"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Random random = new Random(3);
        try {
            int expectedClaims = -1;
            String newest = null;
            for (int round = 0; round < 3; round++) {
                List<String> events = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    String sequencer = String.format("%018X", 0x0065C4A1B2C3D4E5L + round * 16L + i);
                    newest = sequencer;
                    String event = template.replace("0065C4A1B2C3D4E5F6", sequencer);
                    events.add(event);
                    events.add(event);
                }
                Collections.shuffle(events, random);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (String event : events) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return handler.handleRequest(serializer.fromJson(event), null);
                    }));
                }
                start.countDown();
                int applied = 0;
                for (Future<String> r : results) {
                    applied += r.get(120, TimeUnit.SECONDS).startsWith("ingested") ? 1 : 0;
                }
                assertTrue(applied >= 1 && applied <= 4, "round " + round + ": each sequencer applies at most once");

                StoryData story = store.loadStory("xi-moscow-2023").orElseThrow();
                assertEquals(1, story.documents().size());
                assertEquals(Sequencers.normalize(newest), story.documents().get(0).sequencer(), "round " + round);
                if (expectedClaims < 0) {
                    expectedClaims = story.claims().size();
                }
                assertEquals(expectedClaims, story.claims().size(), "round " + round);
                List<Map<String, AttributeValue>> items = dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("story#xi-moscow-2023"),
                                ":c", AttributeValue.fromS("claim#")))).items().stream().toList();
                assertEquals(expectedClaims, items.stream().mapToInt(i -> i.get("chunk").l().size()).sum(),
                        "round " + round + ": no claim of another version is left in the table");
                assertEquals(1, items.stream().map(i -> i.get("version").s()).distinct().count());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
