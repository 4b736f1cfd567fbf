package dev.crosscheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.json.Json;
import dev.crosscheck.support.Emulators;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store under DynamoDB's limits: throttled batch writes and the 400 KB item size. */
class ClaimStoreLimitsTest {

    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void setUp() {
        dynamo = Emulators.dynamoDb();
        table = Emulators.uniqueName("claims");
        new ClaimStore(dynamo, table).createTableIfMissing();
    }

    @Test
    void unprocessedBatchItemsAreRetriedUntilEveryClaimIsStored() {
        UnprocessingDynamoDb throttled = new UnprocessingDynamoDb(dynamo, 4);
        ClaimStore store = new ClaimStore(throttled, table);

        assertEquals(ClaimStore.WriteOutcome.APPLIED, store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 60)));

        assertTrue(throttled.itemsHandedBack.get() > 0);
        assertTrue(throttled.batchCalls.get() > 3, "60 claims are 3 chunks of 25; retries add calls");
        StoryData data = new ClaimStore(dynamo, table).loadStory("s").orElseThrow();
        assertEquals(60, data.claims().size());
        assertEquals(60, data.documents().get(0).claims());
    }

    @Test
    void deletesOfAReplacedVersionAreRetriedToo() {
        new ClaimStore(dynamo, table).saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 40));
        UnprocessingDynamoDb throttled = new UnprocessingDynamoDb(dynamo, 6);

        new ClaimStore(throttled, table).saveDocument(doc("s/a.txt", "v2", "02"), claims("s/a.txt", "10", 30));

        StoryData data = new ClaimStore(dynamo, table).loadStory("s").orElseThrow();
        assertEquals(30, data.claims().size());
        assertEquals(30, dynamo.scan(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("sk").s().startsWith("claim#")).count(), "the old version's 40 items are gone");
    }

    @Test
    void itemsThatStayUnprocessedFailTheWriteLoudly() {
        ClaimStore store = new ClaimStore(new UnprocessingDynamoDb(dynamo, Integer.MAX_VALUE), table);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 10)));
        assertTrue(e.getMessage().contains("unprocessed"), e.getMessage());
        assertTrue(new ClaimStore(dynamo, table).loadStory("s").isEmpty(),
                "the document was never switched to the incomplete version");
    }

    @Test
    void evidenceFromAOneMegabyteSentenceIsCutAroundTheClaimAndFlagged() {
        String before = "word ".repeat(100_000);
        String after = " and more".repeat(60_000);
        String sentence = before + "12 points" + after;
        assertTrue(sentence.length() > 1_000_000);
        int sentenceStart = 5_000;
        int start = sentenceStart + before.length();
        Claim claim = new Claim(ClaimKind.COUNT, "count:plan:points", "plan: points", "points", "12", "12 points",
                false, false, 0.9, new Evidence("s/long.txt", sentence, start, start + 9, sentenceStart));
        ClaimStore store = new ClaimStore(dynamo, table);

        store.saveDocument(doc("s/long.txt", "v1", "01"), List.of(claim, claims("s/long.txt", "3", 1).get(0)));

        List<Claim> stored = store.loadStory("s").orElseThrow().claims();
        assertEquals(2, stored.size());
        Evidence evidence = stored.get(0).evidence();
        assertTrue(evidence.truncated());
        assertTrue(evidence.quote().length() <= ClaimStore.MAX_QUOTE_CHARS);
        assertEquals(start, evidence.start());
        assertEquals(start + 9, evidence.end());
        assertEquals("12 points", evidence.quote().substring(evidence.start() - evidence.sentenceStart(),
                evidence.end() - evidence.sentenceStart()));
        assertTrue(evidence.quote().startsWith("word") && evidence.quote().contains("and more"),
                "context on both sides of the claim");
        assertFalse(stored.get(1).evidence().truncated(), "a short sentence is kept whole");
    }

    @Test
    void aClaimThatCannotFitAnItemIsLeftOutAndTheCountsAgree() {
        String hugeQuote = "x".repeat(500_000);
        Claim quote = new Claim(ClaimKind.QUOTE, "quote:x", "x", null, hugeQuote, hugeQuote, false, false, 0.9,
                new Evidence("s/q.txt", "He said: " + hugeQuote, 9, 9 + hugeQuote.length(), 0));
        ClaimStore store = new ClaimStore(dynamo, table);

        store.saveDocument(doc("s/q.txt", "v1", "01"), List.of(quote, claims("s/q.txt", "3", 1).get(0)));

        StoryData data = store.loadStory("s").orElseThrow();
        assertEquals(List.of("3"), data.claims().stream().map(Claim::value).toList());
        assertEquals(1, data.documents().get(0).claims());
    }

    @Test
    void claimJsonWrittenBeforeTheTruncationFlagStillReads() {
        String old = "{\"source\":\"s/a.txt\",\"quote\":\"The plan has 12 points.\",\"start\":13,\"end\":15,"
                + "\"sentenceStart\":0}";
        Evidence evidence = Json.read(old, Evidence.class);
        assertEquals(new Evidence("s/a.txt", "The plan has 12 points.", 13, 15, 0, false), evidence);
        assertEquals(evidence, Json.read(Json.write(evidence), Evidence.class));
    }

    private static StoredDocument doc(String id, String version, String sequencer) {
        return new StoredDocument("s", id, DocumentStatus.INGESTED, null, "T", "P", "metadata", "2023-03-21",
                "metadata", null, id + "@" + version, Sequencers.normalize(sequencer), 0, "2023-03-21T00:00:00Z");
    }

    private static List<Claim> claims(String source, String value, int n) {
        return IntStream.range(0, n).mapToObj(i -> new Claim(ClaimKind.COUNT, "count:plan:points#" + i,
                "plan: points", "points", value, value + " points", false, false, 0.9,
                new Evidence(source, "The plan has " + value + " points.", 13, 13 + value.length(), 0))).toList();
    }
}
