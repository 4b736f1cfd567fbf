package dev.crosscheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.support.Emulators;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The claim store against DynamoDB Local: versions, stale and duplicate events, removal, and reads by Query. */
class ClaimStoreTest {

    private ClaimStore store;
    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void createTable() {
        dynamo = Emulators.dynamoDb();
        table = Emulators.uniqueName("claims");
        store = new ClaimStore(dynamo, table);
        store.createTableIfMissing();
    }

    @Test
    void storesADocumentWithItsClaims() {
        assertEquals(ClaimStore.WriteOutcome.APPLIED, store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 3)));

        StoryData data = store.loadStory("s").orElseThrow();
        assertEquals(1, data.documents().size());
        assertEquals(3, data.claims().size());
        assertEquals("12", data.claims().get(0).value());
        assertEquals(List.of(new StorySummary("s", 1, 3)), store.listStories());
    }

    @Test
    void documentsAndClaimsComeInPagesOfWholeDocumentsWithoutReadingTheRestOfTheStory() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            store.saveDocument(doc("s/" + name + ".txt", "v1", "01"), claims("s/" + name + ".txt", "12", 3));
        }
        store.removeDocument("s", "s/c.txt", "02", "2023-03-22T00:00:00Z");

        DocumentPage first = store.listDocuments("s", 2, null).orElseThrow();
        assertEquals(List.of("s/a.txt", "s/b.txt"), first.documents().stream().map(StoredDocument::id).toList());
        assertEquals("s/b.txt", first.last());
        DocumentPage second = store.listDocuments("s", 2, first.last()).orElseThrow();
        assertEquals(List.of("s/d.txt", "s/e.txt"), second.documents().stream().map(StoredDocument::id).toList(),
                "a removed document is no page's");
        assertEquals(null, second.last(), "the last page says so");
        assertTrue(store.listDocuments("nowhere", 2, null).isEmpty());

        ClaimPage claims = store.listClaims("s", 4, null).orElseThrow();
        assertEquals(6, claims.claims().size(), "whole documents until the page holds at least four claims");
        assertEquals("s/b.txt", claims.last());
        ClaimPage rest = store.listClaims("s", 4, claims.last()).orElseThrow();
        assertEquals(List.of("s/d.txt", "s/e.txt"), rest.claims().stream().map(Claim::source).distinct().toList());
        assertEquals(null, rest.last());
    }

    @Test
    void everyAppliedChangeGrowsTheStorysVersionAndAStaleEventDoesNot() {
        assertEquals(0, store.version("s"), "a story never written has no version");
        store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 1));
        long first = store.version("s");
        assertTrue(first >= 1);
        store.saveDocument(doc("s/a.txt", "v0", "01"), claims("s/a.txt", "10", 1)); // a duplicate delivery
        store.saveDocument(doc("s/b.txt", "v1", "02"), claims("s/b.txt", "12", 1));
        long second = store.version("s");
        assertTrue(second > first);
        store.removeDocument("s", "s/a.txt", "03", "2023-03-22T00:00:00Z");
        assertTrue(store.version("s") > second, "a removal is a change too");
        assertEquals(List.of("s/b.txt"), store.loadStory("s").orElseThrow().documents().stream()
                .map(StoredDocument::id).toList(), "the version item is no document");
    }

    @Test
    void aNewerVersionReplacesTheOldClaimsEntirely() {
        store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 30));
        store.saveDocument(doc("s/a.txt", "v2", "02"), claims("s/a.txt", "10", 2));

        StoryData data = store.loadStory("s").orElseThrow();
        assertEquals(2, data.claims().size());
        assertTrue(data.claims().stream().allMatch(c -> c.value().equals("10")));
        assertEquals(2, storedClaims("s"), "the old version's claims are deleted, the new version's two are left");
    }

    @Test
    void aStaleOrDuplicateEventChangesNothing() {
        store.saveDocument(doc("s/a.txt", "v2", "0A"), claims("s/a.txt", "10", 2));

        assertEquals(ClaimStore.WriteOutcome.STALE, store.saveDocument(doc("s/a.txt", "v1", "09"), claims("s/a.txt", "12", 3)));
        assertEquals(ClaimStore.WriteOutcome.STALE, store.saveDocument(doc("s/a.txt", "v3", "0A"), claims("s/a.txt", "12", 3)));

        StoryData data = store.loadStory("s").orElseThrow();
        assertEquals(List.of("10", "10"), data.claims().stream().map(Claim::value).toList());
        assertEquals(2, storedClaims("s"), "the losing versions' claims are cleaned up");
    }

    @Test
    void sequencersOfDifferentLengthsCompareAsS3Documents() {
        store.saveDocument(doc("s/a.txt", "v1", "FF"), claims("s/a.txt", "12", 1));
        // "100" is longer, hence later, although "1" < "F" as a string
        assertEquals(ClaimStore.WriteOutcome.APPLIED, store.saveDocument(doc("s/a.txt", "v2", "100"), claims("s/a.txt", "10", 1)));
    }

    @Test
    void removalHidesTheDocumentAndAnOlderCreateCannotReviveIt() {
        store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 2));
        store.saveDocument(doc("s/b.txt", "v1", "01"), claims("s/b.txt", "12", 1));

        assertEquals(ClaimStore.WriteOutcome.APPLIED, store.removeDocument("s", "s/a.txt", "05", "now"));
        assertEquals(ClaimStore.WriteOutcome.STALE, store.saveDocument(doc("s/a.txt", "v0", "03"), claims("s/a.txt", "9", 1)));

        StoryData data = store.loadStory("s").orElseThrow();
        assertEquals(List.of("s/b.txt"), data.documents().stream().map(StoredDocument::id).toList());
        assertEquals(1, data.claims().size());
        assertEquals(List.of(new StorySummary("s", 1, 1)), store.listStories());
    }

    @Test
    void writesMoreThanOneBatchOfClaims() {
        store.saveDocument(doc("s/a.txt", "v1", "01"), claims("s/a.txt", "12", 130));
        assertEquals(130, store.loadStory("s").orElseThrow().claims().size());
    }

    @Test
    void pagesThroughTheStoryRegistryInNameOrder() {
        for (String story : List.of("e", "b", "d", "a", "c")) {
            store.saveDocument(docIn(story, story + "/a.txt"), claims(story + "/a.txt", "12", 2));
        }

        StoryPage first = store.listStories(2, null);
        assertEquals(List.of(new StorySummary("a", 1, 2), new StorySummary("b", 1, 2)), first.stories());
        assertEquals("b", first.last());
        StoryPage second = store.listStories(2, first.last());
        assertEquals(List.of("c", "d"), second.stories().stream().map(StorySummary::story).toList());
        StoryPage third = store.listStories(2, second.last());
        assertEquals(List.of("e"), third.stories().stream().map(StorySummary::story).toList());
        assertFalse(third.hasMore());

        StoryPage exact = store.listStories(5, null);
        assertEquals(5, exact.stories().size());
        assertFalse(exact.hasMore(), "a page that ends with the last story says no more follow");
        assertEquals(List.of("c", "d"), store.listStories(2, "bb").stories().stream()
                .map(StorySummary::story).toList(), "a start after a name that is not a story");
        assertTrue(store.listStories(3, "zzz").stories().isEmpty());
        assertEquals(5, store.listStories().size());
    }

    @Test
    void theStoryListIsAQueryWithLimitAndExclusiveStartKeyNeverAScan() {
        for (String story : List.of("a", "b", "c")) {
            store.saveDocument(docIn(story, story + "/a.txt"), claims(story + "/a.txt", "12", 1));
        }
        List<Object> requests = new java.util.ArrayList<>();
        DynamoDbClient recording = (DynamoDbClient) java.lang.reflect.Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("scan")) {
                        throw new AssertionError("a Scan: " + method);
                    }
                    if (args != null && args.length == 1 && args[0] instanceof QueryRequest q) {
                        requests.add(q);
                    }
                    try {
                        return method.invoke(dynamo, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ClaimStore reading = new ClaimStore(recording, table);

        assertEquals("a", reading.listStories(1, null).last());
        StoryPage second = reading.listStories(1, "a");
        assertEquals(List.of("b"), second.stories().stream().map(StorySummary::story).toList());

        List<QueryRequest> registry = requests.stream().map(QueryRequest.class::cast)
                .filter(q -> q.expressionAttributeValues().get(":pk").s().equals("stories")).toList();
        assertEquals(2, registry.size(), "one registry Query per page");
        assertEquals(2, registry.get(0).limit(), "the page and one more, to know whether more follow");
        assertTrue(registry.get(0).exclusiveStartKey().isEmpty());
        assertEquals("a", registry.get(1).exclusiveStartKey().get("sk").s());
    }

    @Test
    void anUnknownStoryIsEmpty() {
        assertTrue(store.loadStory("nothing-here").isEmpty());
    }

    /** Claims held by the story's claim items in the table, whatever their version (an item holds a list of them). */
    private int storedClaims(String story) {
        return dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                .expressionAttributeValues(java.util.Map.of(
                        ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(ClaimStore.storyPartition(story)),
                        ":c", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("claim#"))))
                .items().stream().mapToInt(item -> item.get("chunk").l().size()).sum();
    }

    private static StoredDocument doc(String id, String version, String sequencer) {
        return new StoredDocument("s", id, DocumentStatus.INGESTED, null, "T", "P", "metadata", "2023-03-21",
                "metadata", null, id + "@" + version, Sequencers.normalize(sequencer), 0, "2023-03-21T00:00:00Z");
    }

    private static StoredDocument docIn(String story, String id) {
        return new StoredDocument(story, id, DocumentStatus.INGESTED, null, "T", "P", "metadata", "2023-03-21",
                "metadata", null, id + "@v1", Sequencers.normalize("01"), 0, "2023-03-21T00:00:00Z");
    }

    private static List<Claim> claims(String source, String value, int n) {
        return IntStream.range(0, n).mapToObj(i -> new Claim(ClaimKind.COUNT, "count:china:plan:points#" + i,
                "China's peace plan: points", "points", value, value + " points", false, false, 0.9,
                new Evidence(source, "The plan has " + value + " points.", 13, 15, 0))).toList();
    }
}
