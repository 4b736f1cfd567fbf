package dev.crosscheck.bench;

import dev.crosscheck.analysis.AnalyzedArticle;
import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.document.Document;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The capacity model of docs/scaling.md, measured: ingests the seed articles and the test corpus into DynamoDB Local
 * through {@link ClaimStore} (the code the ingest function runs), with {@code ReturnConsumedCapacity=TOTAL} on every
 * request, reads every item back and weighs it by DynamoDB's item-size rules, then projects the per-article and
 * per-report costs onto one story partition's limits and onto a price list. {@code ./crosscheck bench --capacity} (also at the end of a full
 * {@code ./crosscheck bench}).
 */
public final class CapacityModel {

    // Limits and prices assumed (us-east-1, on-demand, list prices as published for 2025; see docs/scaling.md).
    static final double PARTITION_WCU_PER_S = 1_000;
    static final double PARTITION_RCU_PER_S = 3_000;
    static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
    static final double LAMBDA_REQUEST = 0.20 / 1e6;
    static final double DYNAMO_WRU = 0.625 / 1e6;
    static final double DYNAMO_RRU = 0.125 / 1e6;
    static final double S3_GET = 0.0004 / 1_000;
    static final double LAMBDA_GB = 0.5;   // the ingest function's MemorySize 512 in template.yaml

    /** Consumed capacity summed per operation. */
    static final class Meter {
        final Map<String, double[]> byOperation = new LinkedHashMap<>();   // {calls, read units, write units}

        void add(String operation, ConsumedCapacity c) {
            double[] t = byOperation.computeIfAbsent(operation, k -> new double[3]);
            if (c != null) {
                t[1] += c.readCapacityUnits() != null ? c.readCapacityUnits()
                        : operation.equals("Query") || operation.equals("GetItem") ? nz(c.capacityUnits()) : 0;
                t[2] += c.writeCapacityUnits() != null ? c.writeCapacityUnits()
                        : operation.equals("Query") || operation.equals("GetItem") ? 0 : nz(c.capacityUnits());
            }
        }

        void call(String operation) {
            byOperation.computeIfAbsent(operation, k -> new double[3])[0]++;
        }

        double reads() {
            return byOperation.values().stream().mapToDouble(t -> t[1]).sum();
        }

        double writes() {
            return byOperation.values().stream().mapToDouble(t -> t[2]).sum();
        }

        int calls() {
            return (int) byOperation.values().stream().mapToDouble(t -> t[0]).sum();
        }

        void reset() {
            byOperation.clear();
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            byOperation.forEach((op, t) -> b.append(String.format(Locale.ROOT, "%s x%d (%.1f RCU, %.1f WCU); ", op,
                    (int) t[0], t[1], t[2])));
            return b.toString();
        }

        private static double nz(Double d) {
            return d == null ? 0 : d;
        }
    }

    private CapacityModel() {
    }

    /** A client that asks every request for its consumed capacity and sums it in {@code meter}. */
    static DynamoDbClient metered(DynamoDbClient target, Meter meter) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] a = args == null ? new Object[0] : args.clone();
            if (method.isDefault() && (method.getName().endsWith("Paginator")
                    || (a.length == 1 && a[0] instanceof java.util.function.Consumer))) {
                return InvocationHandler.invokeDefault(proxy, method, args);   // builder variants, paginators
            }
            if (a.length == 1 && a[0] instanceof PutItemRequest r) {
                a[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            } else if (a.length == 1 && a[0] instanceof BatchWriteItemRequest r) {
                a[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            } else if (a.length == 1 && a[0] instanceof QueryRequest r) {
                a[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            } else if (a.length == 1 && a[0] instanceof GetItemRequest r) {
                a[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            } else if (a.length == 1 && a[0] instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest r) {
                a[0] = r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            Object result;
            try {
                result = method.invoke(target, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof PutItemResponse r) {
                meter.call("PutItem");
                meter.add("PutItem", r.consumedCapacity());
            } else if (result instanceof BatchWriteItemResponse r) {
                meter.call("BatchWriteItem");
                r.consumedCapacity().forEach(c -> meter.add("BatchWriteItem", c));
            } else if (result instanceof QueryResponse r) {
                meter.call("Query");
                meter.add("Query", r.consumedCapacity());
            } else if (result instanceof GetItemResponse r) {
                meter.call("GetItem");
                meter.add("GetItem", r.consumedCapacity());
            } else if (result instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse r) {
                meter.call("UpdateItem");
                meter.add("UpdateItem", r.consumedCapacity());
            }
            return result;
        };
        return (DynamoDbClient) Proxy.newProxyInstance(CapacityModel.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    /** An item's size by DynamoDB's rules: attribute names plus values (strings as UTF-8; numbers about 1 + digits/2). */
    static int itemBytes(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(e.getValue());
        }
        return bytes;
    }

    /** A value's size: UTF-8 bytes of a string; a list or map is 3 bytes plus 1 byte and the size of each element. */
    static int valueBytes(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        } else if (v.n() != null) {
            String digits = v.n().replaceAll("[^0-9]", "").replaceFirst("^0+(?=.)", "");
            return 1 + (digits.length() + 1) / 2;
        } else if (v.bool() != null) {
            return 1;
        } else if (v.hasL()) {
            return 3 + v.l().stream().mapToInt(element -> 1 + valueBytes(element)).sum();
        } else if (v.hasM()) {
            return 3 + v.m().entrySet().stream().mapToInt(element -> 1
                    + element.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(element.getValue())).sum();
        }
        return 0;
    }

    /** Write units of one item: 1 per started KB. */
    static int writeUnits(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /** Strongly consistent read units of a Query page of this many bytes: 1 per started 4 KB. */
    static int readUnits(long bytes) {
        return (int) Math.max(1, (bytes + 4095) / 4096);
    }

    record Article(String story, String name, String published, String publisher, byte[] content) {
    }

    public static void main(String[] args) throws Exception {
        double ingestSeconds = args.length > 0 && args[0].matches("[0-9.]+") ? Double.parseDouble(args[0]) : 0.25;
        run(ingestSeconds);
        System.exit(0);   // DynamoDB Local leaves a non-daemon thread behind
    }

    /** Measures, projects and prints; {@code ingestSeconds} is the billed duration assumed per ingestion. */
    static void run(double ingestSeconds) throws Exception {
        List<Article> articles = articles();
        PrintStream out = System.out;
        AmazonDynamoDBLocal local;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            local = DynamoDBEmbedded.create(true);
        } finally {
            System.setOut(out);
        }
        Meter meter = new Meter();
        DynamoDbClient raw = local.dynamoDbClient();
        // As deployed: every burst of changes of a story sends one report request (counted here).
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        ClaimStore store = new ClaimStore(metered(raw, meter), "capacity", story -> requests.incrementAndGet(),
                java.time.Clock.systemUTC());
        store.createTableIfMissing();
        ArticleAnalyzer analyzer = new ArticleAnalyzer();

        StringBuilder report = new StringBuilder("\n### Capacity: DynamoDB request units measured on DynamoDB Local\n\n"
                + "| article | bytes | claims | first ingestion | overwrite (same text, new version) |\n"
                + "|---|---|---|---|---|\n");
        long sequencer = 0x1000;
        double firstW = 0, firstR = 0, overW = 0, overR = 0;
        int totalClaims = 0;
        for (Article a : articles) {
            AnalyzedArticle analyzed = analyzer.analyze(a.story() + "/" + a.name(), a.content(), DateAccuracy.metadata(
                    new PeerCorpus.Article(a.story(), a.name(), a.published(), a.publisher(), a.content())));
            totalClaims += analyzed.claims().size();
            String[] cells = new String[2];
            for (int pass = 0; pass < 2; pass++) {
                meter.reset();
                store.saveDocument(stored(a, analyzed, Long.toHexString(sequencer++)), analyzed.claims());
                cells[pass] = String.format(Locale.ROOT, "%.0f WCU + %.1f RCU in %d requests", meter.writes(),
                        meter.reads(), meter.calls());
                if (pass == 0) {
                    firstW += meter.writes();
                    firstR += meter.reads();
                } else {
                    overW += meter.writes();
                    overR += meter.reads();
                }
            }
            report.append(String.format(Locale.ROOT, "| %s/%s | %d | %d | %s | %s |%n", a.story(), a.name(),
                    a.content().length, analyzed.claims().size(), cells[0], cells[1]));
        }
        int n = articles.size();

        // Every item back, weighed.
        List<Integer> claimSizes = new ArrayList<>();
        List<Integer> docSizes = new ArrayList<>();
        Map<String, Long> storyBytes = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : raw.scanPaginator(b -> b.tableName("capacity")).items()) {
            int bytes = itemBytes(item);
            String sk = item.get("sk").s();
            if (sk.startsWith("claim#")) {
                claimSizes.add(bytes);
            } else if (sk.startsWith("doc#")) {
                docSizes.add(bytes);
            }
            storyBytes.merge(item.get("pk").s(), (long) bytes, Long::sum);
        }
        claimSizes.sort(null);
        docSizes.sort(null);
        double claimMean = claimSizes.stream().mapToInt(Integer::intValue).average().orElse(0);
        double docMean = docSizes.stream().mapToInt(Integer::intValue).average().orElse(0);
        double claimsPerArticle = (double) totalClaims / n;
        report.append(String.format(Locale.ROOT, "%nItems read back (%d claim items, %d document items): claim item "
                        + "min %d, median %d, mean %.0f, max %d bytes (%d of them over 1 KB); document item min %d, "
                        + "median %d, max %d bytes. Claims per article: %.1f.%n", claimSizes.size(), docSizes.size(),
                claimSizes.get(0), claimSizes.get(claimSizes.size() / 2), claimMean,
                claimSizes.get(claimSizes.size() - 1), claimSizes.stream().filter(s -> s > 1024).count(),
                docSizes.get(0), docSizes.get(docSizes.size() / 2), docSizes.get(docSizes.size() - 1),
                claimsPerArticle));

        report.append(String.format(Locale.ROOT, "Claim item bytes per claim stored (a version's claims share "
                + "items): %.0f.%n", claimSizes.stream().mapToInt(Integer::intValue).sum() / (double) totalClaims));

        // Reads: a report (loadStory) and a page of the story list.
        meter.reset();
        store.loadStory("xi-moscow-2023");
        String reportRead = meter.describe();
        double reportRcu = meter.reads();
        meter.reset();
        store.listStories(50, null);
        String listRead = meter.describe();
        double listRcu = meter.reads();
        report.append(String.format(Locale.ROOT, "Report of xi-moscow-2023 (%d bytes in its partition): %s"
                        + "%nStory list, first page: %s%n", storyBytes.get("story#xi-moscow-2023"), reportRead,
                listRead));

        double wPerArticle = firstW / n;
        double rPerArticle = firstR / n;
        report.append(String.format(Locale.ROOT, "%nPer article, mean over the %d articles: first ingestion %.1f WCU "
                        + "+ %.1f RCU; overwrite %.1f WCU + %.1f RCU.%n", n, wPerArticle, rPerArticle, overW / n,
                overR / n));

        // Projection onto one partition.
        report.append(String.format(Locale.ROOT, "%n| story partition | articles/s before 1,000 WCU/s | articles/hour |"
                + "%n|---|---|---|%n"));
        // A version's claims are packed into items of up to 350 KB of claim JSON: one item for any of these counts.
        double claimBytes = claimSizes.stream().mapToInt(Integer::intValue).sum() / (double) totalClaims;
        for (double claims : new double[] {claimsPerArticle, 40, 100}) {
            double w = writeUnits((int) Math.round(claims * claimBytes)) + writeUnits((int) Math.round(docMean));
            report.append(String.format(Locale.ROOT, "| %s claims per article (%.0f WCU each) | %.0f | %,.0f |%n",
                    claims == claimsPerArticle ? String.format(Locale.ROOT, "%.1f (the corpus's mean)", claims)
                            : String.format(Locale.ROOT, "%.0f", claims), w, PARTITION_WCU_PER_S / w, 3600 * PARTITION_WCU_PER_S / w));
        }
        report.append(String.format(Locale.ROOT, "%n| articles in the story | partition bytes | RCU of one strongly "
                + "consistent Query of the partition (a report computation; every report read before reports were "
                + "stored) | Query pages of 1 MB | such Queries a second before 3,000 RCU/s |%n|---|---|---|---|---|%n"));
        double perArticleBytes = docMean + claimsPerArticle * claimBytes;
        for (int articlesInStory : new int[] {10, 100, 1_000, 10_000}) {
            long bytes = Math.round(articlesInStory * perArticleBytes);
            int rcu = readUnits(bytes);
            report.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %d | %.1f |%n", articlesInStory, bytes, rcu,
                    (bytes + 1_048_575) / 1_048_576, PARTITION_RCU_PER_S / rcu));
        }

        report.append(storedReports(store, meter, storyBytes, perArticleBytes));

        // Cost per 1,000 articles ingested.
        double lambda = 1000 * (ingestSeconds * LAMBDA_GB * LAMBDA_ARM_GB_SECOND + LAMBDA_REQUEST);
        double dynamo = 1000 * (wPerArticle * DYNAMO_WRU + rPerArticle * DYNAMO_RRU);
        // HeadObject + GetObject of the article, GetObject and HeadObject of its sidecar (billed whether or not there
        // is one): four GET-class requests
        double s3 = 1000 * 4 * S3_GET;
        report.append(String.format(Locale.ROOT, "%nCost per 1,000 articles ingested (us-east-1 list prices; "
                        + "%.2f s billed per invocation at %.1f GB): Lambda $%.5f, DynamoDB $%.5f, S3 $%.5f, total "
                        + "$%.5f.%n", ingestSeconds, LAMBDA_GB, lambda, dynamo, s3, lambda + dynamo + s3));
        report.append(simulations(wPerArticle, rPerArticle, perArticleBytes, ingestSeconds));
        System.out.println(report);
        local.shutdown();
    }

    /** S3 requests answered, by operation, counted by an interceptor on the client. */
    static final class S3Meter implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
        final Map<String, Integer> byOperation = new java.util.TreeMap<>();

        /** Requests answered (what S3 bills); an attempt that got no answer (a stale connection) is retried. */
        @Override
        public void afterTransmission(software.amazon.awssdk.core.interceptor.Context.AfterTransmission context,
                                      software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            byOperation.merge(context.request().getClass().getSimpleName().replace("Request", ""), 1, Integer::sum);
        }

        int total() {
            return byOperation.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * What the report function pays to compute and store the largest story's report, and what the API function pays
     * to serve it (and to answer 304), measured on DynamoDB Local and S3Proxy; then projected onto stories of 10 to
     * 10,000 sources and onto 100 reads a second of one story.
     */
    static String storedReports(ClaimStore store, Meter meter, Map<String, Long> storyBytes, double perArticleBytes)
            throws Exception {
        String partition = storyBytes.entrySet().stream().filter(e -> e.getKey().startsWith("story#"))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String story = partition.substring("story#".length());
        var proxy = dev.crosscheck.support.Emulators.startS3Proxy(0);
        S3Meter s3Meter = new S3Meter();
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .forcePathStyle(true).endpointOverride(java.net.URI.create("http://127.0.0.1:" + proxy.getPort()))
                .overrideConfiguration(o -> o.addExecutionInterceptor(s3Meter)).build()) {
            s3.createBucket(b -> b.bucket("reports"));
            var archive = new dev.crosscheck.store.ReportArchive(s3, null, "reports", store);
            var computation = new dev.crosscheck.reports.ReportComputation(store, archive,
                    new dev.crosscheck.compare.StoryComparator());
            meter.reset();
            s3Meter.byOperation.clear();
            var result = computation.compute(story);
            String computed = meter.describe() + "S3 " + s3Meter.byOperation;
            double computeWcu = meter.writes();
            int computeS3 = s3Meter.total();
            long jsonBytes = store.reportState(story).orElseThrow().size(dev.crosscheck.store.ReportFile.JSON);

            var api = new dev.crosscheck.api.StoryApi(store, archive);
            meter.reset();
            s3Meter.byOperation.clear();
            var read = api.handle(new dev.crosscheck.api.ApiRequest("GET", "/stories/" + story + "/report", Map.of(),
                    Map.of()));
            String served = meter.describe() + "S3 " + s3Meter.byOperation;
            double readRcu = meter.reads();
            int readS3 = s3Meter.total();
            meter.reset();
            s3Meter.byOperation.clear();
            api.handle(new dev.crosscheck.api.ApiRequest("GET", "/stories/" + story + "/report", Map.of(),
                    Map.of("If-None-Match", read.headers().get("ETag"))));
            String notModified = meter.describe() + "S3 " + s3Meter.byOperation;

            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%n#### Stored reports (%s: %d sources, "
                            + "%,d bytes in its partition, report JSON %,d bytes)%n%n"
                            + "- computing and storing it (the report function): %s%n"
                            + "- GET report (the API function): %s%n- GET report with the current ETag (304): %s%n",
                    story, result.sources(), storyBytes.get(partition), jsonBytes, computed, served, notModified));
            b.append(String.format(Locale.ROOT, "%nThe projection below takes the corpus's mean of %,.0f bytes per "
                    + "article (the story measured here has %,.0f): a computation's RCU are those of one strongly "
                    + "consistent Query of the partition.%n", perArticleBytes,
                    (double) storyBytes.get(partition) / Math.max(1, result.sources())));
            b.append(String.format(Locale.ROOT, "%n| sources in the story | a computation: RCU (strongly consistent "
                    + "Query of the partition) | WCU (the request taken, the report switched) | S3 requests | a read: RCU + S3 GET | a 304: RCU |"
                    + "%n|---|---|---|---|---|---|%n"));
            for (int sources : new int[] {10, 100, 1_000, 10_000}) {
                long bytes = Math.round(sources * perArticleBytes);
                b.append(String.format(Locale.ROOT, "| %,d | %,d | %.0f | %d PUT (+ 1 LIST, 1 DELETE from the third "
                                + "version on) | %.0f + %d | %.0f |%n", sources, readUnits(bytes), computeWcu, computeS3,
                        readRcu, readS3, readRcu));
            }
            b.append(String.format(Locale.ROOT, "%nAt 100 reads a second of one story: %.0f RCU/s of the partition's "
                    + "3,000 (%.1f %%), %d S3 GETs/s of a prefix's 5,500; with the 304 answer, S3 is not read at all. "
                    + "Computations: at most one per story per (queue delay + computation time).%n",
                    100 * readRcu, 100 * readRcu / PARTITION_RCU_PER_S * 100, 100 * readS3));
            return b.toString();
        } finally {
            proxy.stop();
        }
    }

    /** What one simulated scenario put on the story's partition and on Lambda. */
    record Outcome(int articles, int stored, int peakConcurrency, double peakWcu, int secondsOverWcu, double peakRcu,
                   int secondsOverRcu, int computations, int maxReportLagSeconds, int lastIngestSecond) {
    }

    /** How long a report request waits in the queue (the template's ReportDelaySeconds). */
    static final int REPORT_DELAY_SECONDS = 5;

    /**
     * One story, second by second, as deployed: S3 events arrive, the ingest function starts as many as its
     * concurrency allows, a second whose writes would pass 1,000 WCU completes only what fits and leaves the rest
     * queued (the SDK's and Lambda's retries). Readers each read the stored report: one GetItem (1 RCU) per read. The
     * first change after a computation has started asks for the next one, which starts {@link #REPORT_DELAY_SECONDS}
     * later unless one is running (one per story at a time) and reads the whole partition as it is then, with whatever
     * read capacity the second leaves; the report is behind the story from the first change it does not hold to the
     * end of the computation that holds it.
     */
    static Outcome simulate(int[] arrivals, int concurrency, double ingestSeconds, double readersPerSecond,
                            double wPerArticle, double rPerArticle, double bytesPerArticle) {
        double startable = concurrency / ingestSeconds;
        double fitting = Math.floor(PARTITION_WCU_PER_S / wPerArticle);
        long queued = 0;
        int stored = 0;
        int total = 0;
        int peakConcurrency = 0;
        double peakW = 0;
        double peakR = 0;
        int overW = 0;
        int overR = 0;
        int last = 0;
        int requestedAt = -1;        // the first change not yet taken by a computation
        double computing = 0;        // RCU the running computation has still to read
        int computingSince = -1;     // the first change the running computation holds
        int computations = 0;
        int maxLag = 0;
        for (int t = 0; t < arrivals.length || queued > 0 || computing > 0 || requestedAt >= 0; t++) {
            int arriving = t < arrivals.length ? arrivals[t] : 0;
            total += arriving;
            queued += arriving;
            int started = (int) Math.min(queued, Math.floor(startable));
            double w = started * wPerArticle;
            peakConcurrency = Math.max(peakConcurrency, (int) Math.ceil(started * ingestSeconds));
            int done = started;
            if (w > PARTITION_WCU_PER_S) {
                overW++;
                done = (int) fitting;
            }
            queued -= done;
            stored += done;
            if (done > 0) {
                last = t;
                if (requestedAt < 0) {
                    requestedAt = t;
                }
            }
            double r = readersPerSecond + done * rPerArticle;
            if (computing <= 0 && requestedAt >= 0 && t - requestedAt >= REPORT_DELAY_SECONDS) {
                computing = readUnits(Math.round(stored * bytesPerArticle)) + 1;
                computingSince = requestedAt;
                requestedAt = -1;
                computations++;
                w += 2;
            }
            if (computing > 0) {
                double use = Math.min(computing, Math.max(0, PARTITION_RCU_PER_S - r));
                computing -= use;
                r += use;
                if (computing <= 0) {
                    maxLag = Math.max(maxLag, t - computingSince + 1);
                }
            }
            peakW = Math.max(peakW, w);
            peakR = Math.max(peakR, r);
            if (r > PARTITION_RCU_PER_S) {
                overR++;
            }
        }
        return new Outcome(total, stored, peakConcurrency, peakW, overW, peakR, overR, computations, maxLag, last);
    }

    /** Poisson arrivals per second: {@code perHour[i]} articles an hour during hour i. */
    static int[] poisson(long seed, double... perHour) {
        java.util.Random random = new java.util.Random(seed);
        int[] out = new int[perHour.length * 3600];
        for (int t = 0; t < out.length; t++) {
            double limit = Math.exp(-perHour[t / 3600] / 3600);
            int k = 0;
            for (double p = random.nextDouble(); p > limit; p *= random.nextDouble()) {
                k++;
            }
            out[t] = k;
        }
        return out;
    }

    static String simulations(double w, double r, double bytes, double ingestSeconds) {
        int[] breaking = poisson(42, 600, 600, 300, 100, 100, 100);
        int[] backfill = new int[60];
        java.util.Arrays.fill(backfill, 20_000 / 60);
        record Case(String name, int[] arrivals, int concurrency, double readersPerSecond) {
        }
        List<Case> cases = List.of(
                new Case("breaking story, 6 h (600/h, 600/h, 300/h, then 100/h); 50 readers polling every 60 s",
                        breaking, 1000, 50 / 60.0),
                new Case("same story; 200 readers polling every 10 s (a newsroom dashboard)", breaking, 1000, 20),
                new Case("same story; 100 reads a second", breaking, 1000, 100),
                new Case("backfill: 20,000 archived articles into one story within 60 s; concurrency 1,000",
                        backfill, 1000, 0),
                new Case("same backfill; ingest function's reserved concurrency 20", backfill, 20, 0));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%n| scenario (one story partition, %.0f WCU "
                + "and %.1f RCU per article, %.0f bytes stored per article, %.2f s per ingestion, reports stored) | "
                + "articles | peak Lambda concurrency | peak WCU/s | s over 1,000 WCU/s | peak RCU/s | s over 3,000 "
                + "RCU/s | report computations | report behind the story at most | last ingestion at |%n"
                + "|---|---|---|---|---|---|---|---|---|---|%n", w, r, bytes, ingestSeconds));
        for (Case c : cases) {
            Outcome o = simulate(c.arrivals(), c.concurrency(), ingestSeconds, c.readersPerSecond(), w, r, bytes);
            b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %,d | %,.0f | %,d | %,d | %s | %s |%n",
                    c.name(), o.articles(), o.peakConcurrency(), o.peakWcu(), o.secondsOverWcu(), o.peakRcu(),
                    o.secondsOverRcu(), o.computations(), duration(o.maxReportLagSeconds()),
                    duration(o.lastIngestSecond())));
        }
        return b.toString();
    }

    private static String duration(int seconds) {
        return seconds < 3600 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    private static StoredDocument stored(Article a, AnalyzedArticle analyzed, String sequencer) {
        Document d = analyzed.document();
        String key = a.story() + "/" + a.name();
        return new StoredDocument(a.story(), key, DocumentStatus.INGESTED, null, d.title(), d.publisher(),
                d.publisherFrom(), d.published() != null ? d.published().toString() : null, d.publishedFrom(),
                d.url(), UUID.randomUUID().toString(), String.format("%020x", Long.parseLong(sequencer, 16)),
                analyzed.claims().size(), "2026-01-01T00:00:00Z");
    }

    /** The test corpus (every story of it); without it, the seed articles as one story. */
    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        if (PeerCorpus.present()) {
            for (PeerCorpus.Article a : PeerCorpus.articles()) {
                out.add(new Article(a.story(), a.name(), a.published(), a.publisher(), a.content()));
            }
            return out;
        }
        for (PeerCorpus.Article a : PeerCorpus.articles(Path.of("seeds"))) {
            out.add(new Article(a.story(), a.name(), a.published(), a.publisher(), a.content()));
        }
        return out;
    }
}
