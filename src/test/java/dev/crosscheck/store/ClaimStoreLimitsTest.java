package dev.crosscheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.claim.Modality;
import dev.crosscheck.json.Json;
import dev.crosscheck.support.Emulators;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        assertTrue(throttled.batchCalls.get() > 4, "4 calls handed items back; the claims got through after them");
        StoryData data = new ClaimStore(dynamo, table).loadStory("s").orElseThrow();
        assertEquals(60, data.claims().size());
        assertEquals(60, data.documents().get(0).claims());
    }

    @Test
    void deletesOfAReplacedVersionAreRetriedToo() {
        new ClaimStore(dynamo, table).saveDocument(doc("s/a.txt", "v1", "01"), bulkyClaims("s/a.txt", "12", 120));
        assertTrue(claimItems().size() >= 3, "the old version spans several items: " + claimItems().size());
        UnprocessingDynamoDb throttled = new UnprocessingDynamoDb(dynamo, 5, true);

        new ClaimStore(throttled, table).saveDocument(doc("s/a.txt", "v2", "02"), claims("s/a.txt", "10", 30));

        assertTrue(throttled.itemsHandedBack.get() > 0, "deletes were handed back");
        StoryData data = new ClaimStore(dynamo, table).loadStory("s").orElseThrow();
        assertEquals(30, data.claims().size());
        assertEquals(List.of(30), claimItems().stream().map(i -> i.get("chunk").l().size()).toList(),
                "the old version's items are gone; the new version's 30 claims are one item");
    }

    @Test
    void claimsArePackedIntoItemsUnderTheSizeLimitAndReadBackInOrder() {
        List<Claim> written = bulkyClaims("s/a.txt", "7", 120);
        ClaimStore store = new ClaimStore(dynamo, table);

        store.saveDocument(doc("s/a.txt", "v1", "01"), written);

        List<Map<String, AttributeValue>> items = claimItems();
        assertTrue(items.size() >= 3, "about 1 MB of claim JSON takes several items: " + items.size());
        for (Map<String, AttributeValue> item : items) {
            int bytes = item.get("chunk").l().stream()
                    .mapToInt(v -> v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
            assertTrue(bytes <= ClaimStore.CHUNK_JSON_BYTES, bytes + " bytes in one item");
        }
        StoryData data = store.loadStory("s").orElseThrow();
        assertEquals(written, data.claims());
        assertEquals(120, data.documents().get(0).claims());
    }

    @Test
    void aStoryIsRegisteredOnceByAStoreInstanceAndItsCountsStayRight() {
        UnprocessingDynamoDb counting = new UnprocessingDynamoDb(dynamo, 0);
        ClaimStore store = new ClaimStore(counting, table);

        store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 3));
        int putsForTheFirst = counting.putCalls.get();
        store.saveDocument(doc("s/b.txt", "v1", "02"), claims("s/b.txt", "12", 4));
        store.saveDocument(doc("s/a.txt", "v2", "03"), claims("s/a.txt", "12", 5));

        assertEquals(2, putsForTheFirst, "registry item and the document switch");
        assertEquals(putsForTheFirst + 2, counting.putCalls.get(), "later documents of the story: the switch only");
        assertEquals(List.of(new StorySummary("s", 2, 9)), new ClaimStore(dynamo, table).listStories());
    }

    @Test
    void claimItemsOfOneClaimEachStillRead() {
        ClaimStore store = new ClaimStore(dynamo, table);
        store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 2));
        Map<String, AttributeValue> packed = claimItems().get(0);
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", packed.get("pk"), "sk", packed.get("sk"))));
        List<AttributeValue> chunk = packed.get("chunk").l();
        for (int i = 0; i < chunk.size(); i++) {
            Map<String, AttributeValue> single = new java.util.HashMap<>(packed);
            single.remove("chunk");
            single.put("claim", chunk.get(i));
            single.put("kind", AttributeValue.fromS("count"));
            single.put("sk", AttributeValue.fromS(ClaimStore.claimPrefix("s/a.txt", "s/a.txt@v1") + "0000" + i));
            dynamo.putItem(b -> b.tableName(table).item(single));
        }

        assertEquals(claims("s/a.txt", "12", 2), store.loadStory("s").orElseThrow().claims());
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

    @Test
    void claimJsonWrittenBeforeScopesAndAttributionsReadsAsAnAssertedClaimOfTheWholeEvent() {
        String old = "{\"kind\":\"count\",\"key\":\"count:-:-:person:deaths\",\"subject\":\"Deaths\","
                + "\"attribute\":\"deaths\",\"value\":\"93\",\"display\":\"93 people\",\"approximate\":false,"
                + "\"running\":true,\"confidence\":0.9,\"evidence\":{\"source\":\"s/a.txt\","
                + "\"quote\":\"The toll rose to 93 people.\",\"start\":16,\"end\":25,\"sentenceStart\":0}}";
        Claim claim = Json.read(old, Claim.class);
        assertEquals(Modality.ASSERTED, claim.modality(), "a claim stored before modalities was told as a fact");
        assertEquals(null, claim.scope());
        assertEquals(null, claim.attribution());
        assertEquals(null, claim.asOf());
        assertEquals(false, claim.superseded());
        assertEquals(claim, Json.read(Json.write(claim), Claim.class), "and it is written back in today's form");
    }

    private static StoredDocument doc(String id, String version, String sequencer) {
        return new StoredDocument("s", id, DocumentStatus.INGESTED, null, "T", "P", "metadata", "2023-03-21",
                "metadata", null, id + "@" + version, Sequencers.normalize(sequencer), 0, "2023-03-21T00:00:00Z");
    }

    private List<Map<String, AttributeValue>> claimItems() {
        return dynamo.scan(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("sk").s().startsWith("claim#")).toList();
    }

    /** Claims whose evidence is a sentence of about 7,500 characters: some 8 KB of JSON each. */
    private static List<Claim> bulkyClaims(String source, String value, int n) {
        String sentence = "The plan has " + value + " points" + ", and more".repeat(750) + ".";
        return IntStream.range(0, n).mapToObj(i -> new Claim(ClaimKind.COUNT, "count:plan:points#" + i,
                "plan: points", "points", value, value + " points", false, false, 0.9,
                new Evidence(source, sentence, 13, 13 + value.length(), 0))).toList();
    }

    private static List<Claim> claims(String source, String value, int n) {
        return IntStream.range(0, n).mapToObj(i -> new Claim(ClaimKind.COUNT, "count:plan:points#" + i,
                "plan: points", "points", value, value + " points", false, false, 0.9,
                new Evidence(source, "The plan has " + value + " points.", 13, 13 + value.length(), 0))).toList();
    }
}
