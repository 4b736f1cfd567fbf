package dev.crosscheck.lambda;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.SourceInfo;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.compare.Timeline;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.extract.ClaimExtractor;
import dev.crosscheck.json.Json;
import dev.crosscheck.web.ReportPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialized function, run the code paths an invocation
 * runs, so the snapshot holds loaded classes, read word lists and a warmed JIT instead of paying for them on the first
 * request after every restore. Nothing here touches the network: the SDK is exercised by building the requests the
 * store and the ingest path send, not by sending them.
 */
public final class Priming implements Resource {

    static final String ARTICLE = "priming-article.txt";

    /** What a priming run did, for logs and tests. */
    public record Result(int claims, int reportChars) {
    }

    private Priming() {
    }

    /**
     * Registers a priming hook with the runtime. The global CRaC context keeps resources weakly: the caller keeps the
     * returned instance in a field for as long as the handler lives.
     */
    public static Priming register() {
        Priming priming = new Priming();
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            Result result = prime();
            System.out.println("{\"priming\":\"done\",\"claims\":" + result.claims() + ",\"reportChars\":"
                    + result.reportChars() + "}");
        } catch (RuntimeException e) {
            // A failed warm-up costs speed only; the snapshot is still taken.
            System.out.println("{\"priming\":\"failed\",\"error\":" + Json.write(String.valueOf(e)) + "}");
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to restore: the SDK clients resolve credentials per request
    }

    /** Analyzes the built-in article, compares it with itself as a second source and writes the report as JSON. */
    public static Result prime() {
        byte[] article = builtInArticle();
        ClaimExtractor.prime(); // the tagger's models, whatever the built-in article happens to need
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        List<Claim> claims = new ArrayList<>();
        List<SourceInfo> sources = new ArrayList<>();
        for (String id : List.of("priming/a.txt", "priming/b.txt")) {
            AnalyzedArticle analyzed = analyzer.analyze(id, article,
                    new DocumentMetadata("2023-03-21", "Priming", null, null, Instant.parse("2023-03-21T12:00:00Z")));
            claims.addAll(analyzed.claims());
            sources.add(new SourceInfo(id, "Priming", "Priming", "2023-03-21", "metadata"));
        }
        for (Claim claim : claims) {
            Json.read(Json.write(claim), Claim.class);
        }
        Report report = new StoryComparator().compare("priming", sources, claims);
        String json = Json.write(report);
        // the report page's renderer, stylesheet and script hashes, for the first browser after a restore
        ReportPage.render(new ReportPage.Input(report, List.of(), Timeline.of(claims), Set.of(), Set.of(),
                "./report.html"));
        touchSdkRequests(claims.isEmpty() ? "{}" : Json.write(claims.get(0)));
        return new Result(claims.size(), json.length());
    }

    private static void touchSdkRequests(String claimJson) {
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("story#priming"),
                "sk", AttributeValue.fromS("claim#0#v#00000"), "chunk", AttributeValue.fromL(List.of(AttributeValue.fromS(claimJson))),
                "claims", AttributeValue.fromN("1"));
        PutItemRequest.builder().tableName("priming").item(item)
                .conditionExpression("attribute_not_exists(pk) OR sequencer < :seq")
                .expressionAttributeValues(Map.of(":seq", AttributeValue.fromS("0"))).build();
        BatchWriteItemRequest.builder().requestItems(Map.of("priming", List.of(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build()).build()))).build();
        QueryRequest.builder().tableName("priming").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("story#priming"))).consistentRead(true)
                .build();
        HeadObjectRequest.builder().bucket("priming").key("priming/a.txt").build();
        GetObjectRequest.builder().bucket("priming").key("priming/a.txt").build();
    }

    private static byte[] builtInArticle() {
        try (InputStream in = Priming.class.getResourceAsStream(ARTICLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ARTICLE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
