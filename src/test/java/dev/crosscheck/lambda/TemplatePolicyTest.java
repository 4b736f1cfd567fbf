package dev.crosscheck.lambda;

import static dev.crosscheck.lambda.TemplateTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in template.yaml: each function is allowed exactly the calls its code makes, on the stack's own
 * resources and nothing else; no Allow statement anywhere has a wildcard action or resource; the articles bucket is
 * private and TLS-only; the HTTP API takes signed requests unless a parameter opens it; and no secret is in the code,
 * the template, the events or the scripts. (Lambda's logging permissions come from the managed policy SAM attaches to
 * every function role; they are not in the template.)
 */
class TemplatePolicyTest {

    private static final Map<String, Object> BUCKET = Map.of("Fn::Sub",
            "arn:${AWS::Partition}:s3:::${AWS::StackName}-articles-${AWS::AccountId}-${AWS::Region}");
    private static final Map<String, Object> BUCKET_OBJECTS = Map.of("Fn::Sub",
            "arn:${AWS::Partition}:s3:::${AWS::StackName}-articles-${AWS::AccountId}-${AWS::Region}/*");
    private static final Map<String, Object> TABLE = Map.of("Fn::GetAtt", List.of("ClaimsTable", "Arn"));
    private static final Map<String, Object> FAILURE_QUEUE = Map.of("Fn::GetAtt", List.of("IngestFailureQueue", "Arn"));
    private static final Map<String, Object> REPORT_QUEUE = Map.of("Fn::GetAtt", List.of("ReportRequestQueue", "Arn"));
    private static final Map<String, Object> REPORTS = Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${ReportsBucket}");
    private static final Map<String, Object> REPORT_OBJECTS =
            Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${ReportsBucket}/*");
    /** DynamoDB actions that read: the comparison function gets nothing else. */
    private static final Set<String> DYNAMODB_READS = Set.of("dynamodb:Query", "dynamodb:GetItem",
            "dynamodb:BatchGetItem", "dynamodb:Scan", "dynamodb:DescribeTable");
    /** The store's operations only the local stack and tests run (the stack creates the table). */
    private static final Set<String> LOCAL_ONLY = Set.of("createTable", "waiter");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void parse() throws Exception {
        template = TemplateTest.load();
        resources = map(template.get("Resources"));
    }

    @Test
    void theIngestFunctionReadsOnlyTheArticlesBucketAndWritesOnlyTheClaimsTable() throws IOException {
        Map<String, Set<Object>> granted = grants("IngestFunction");
        Map<String, Set<Object>> expected = new TreeMap<>();
        expected.put("s3:GetObject", Set.of(BUCKET_OBJECTS));
        expected.put("s3:ListBucket", Set.of(BUCKET));
        for (String action : dynamoDbActionsOfTheStore()) {
            expected.put(action, Set.of(TABLE));
        }
        expected.put("sqs:SendMessage", Set.of(FAILURE_QUEUE, REPORT_QUEUE));
        assertEquals(expected, granted);
        // it cannot trigger itself, and does not depend on the bucket that triggers it
        Map<String, Object> properties = new LinkedHashMap<>(props("IngestFunction"));
        properties.remove("Events");
        assertFalse(TemplateTest.references(properties).contains("ArticlesBucket"));
    }

    /** Reconciliation reads articles with the ingest code: the ingest function's grants, the failure queue aside. */
    @Test
    void theReconcileFunctionListsAndReadsTheArticlesBucketAndWritesOnlyTheClaimsTable() throws IOException {
        Map<String, Set<Object>> expected = new TreeMap<>(grants("IngestFunction"));
        expected.put("sqs:SendMessage", Set.of(REPORT_QUEUE));
        assertEquals(expected, grants("ReconcileFunction"));
        assertEquals(1, props("ReconcileFunction").get("ReservedConcurrentExecutions"), "one run at a time");
        Map<String, Object> variables = TemplateTest.map(TemplateTest.map(props("ReconcileFunction")
                .get("Environment")).get("Variables"));
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-articles-${AWS::AccountId}-${AWS::Region}"),
                variables.get(AwsClients.ARTICLES_BUCKET), "the bucket the ingest function's grants name");
        // the calls it makes beyond the ingest function's: the listing of the bucket and of the table
        String source = Files.readString(Path.of("src/main/java/dev/crosscheck/ingest/Reconciler.java"));
        Matcher m = Pattern.compile("\\bs3\\.([a-zA-Z0-9]+)\\(").matcher(source);
        Set<String> calls = new TreeSet<>();
        while (m.find()) {
            calls.add(m.group(1));
        }
        assertEquals(Set.of("listObjectsV2Paginator", "headObject"), calls, "ListBucket and GetObject (HEAD)");
    }

    @Test
    void theCompareFunctionCanOnlyReadTheTableAndTheStoredReports() throws IOException {
        Map<String, Set<Object>> granted = new TreeMap<>(grants("CompareFunction"));
        assertEquals(Set.of(REPORT_OBJECTS), granted.remove("s3:GetObject"), "reads stored reports, signs links");
        Set<String> reads = new TreeSet<>(dynamoDbActionsOfTheStore());
        reads.retainAll(DYNAMODB_READS);
        assertEquals(reads, granted.keySet());
        granted.values().forEach(r -> assertEquals(Set.of(TABLE), r));
        assertEquals(null, props("CompareFunction").get("Events"), "only the API's integration invokes it");
    }

    @Test
    void theReportFunctionReadsTheTableMarksReportsAndWritesOnlyTheReportsBucket() throws IOException {
        Map<String, Set<Object>> granted = grants("ReportFunction");
        Map<String, Set<Object>> expected = new TreeMap<>();
        for (String action : dynamoDbActionsOfTheStore()) {
            if (DYNAMODB_READS.contains(action) || action.equals("dynamodb:UpdateItem")) {
                expected.put(action, Set.of(TABLE));
            }
        }
        expected.put("s3:PutObject", Set.of(REPORT_OBJECTS));
        expected.put("s3:DeleteObject", Set.of(REPORT_OBJECTS));
        expected.put("s3:ListBucket", Set.of(REPORTS));
        assertEquals(expected, granted);
        // the archive's calls are exactly those
        String archive = Files.readString(Path.of("src/main/java/dev/crosscheck/store/ReportArchive.java"));
        Matcher m = Pattern.compile("\\bs3\\.([a-zA-Z0-9]+)\\(").matcher(archive);
        Set<String> calls = new TreeSet<>();
        while (m.find()) {
            calls.add(m.group(1));
        }
        assertEquals(Set.of("putObject", "listObjectsV2Paginator", "deleteObjects", "getObjectAsBytes"), calls);
    }

    @Test
    void noAllowStatementAnywhereHasAWildcardActionOrResource() {
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(template, statements);
        assertTrue(statements.size() >= 7, "statements found: " + statements.size());
        for (Map<String, Object> s : statements) {
            if (!"Allow".equals(s.get("Effect"))) {
                continue;
            }
            for (Object action : list(s.get("Action"))) {
                assertFalse(String.valueOf(action).contains("*"), "wildcard action in " + s);
            }
            for (Object resource : list(s.get("Resource"))) {
                assertFalse(resource.equals("*"), "wildcard resource in " + s);
                assertTrue(resource instanceof Map<?, ?>, "a resource of the stack, by reference: " + s);
                String arn = String.valueOf(resource);
                assertFalse(arn.contains(":*") || arn.contains("*:"), "wildcard in the resource of " + s);
            }
            assertFalse(s.containsKey("NotAction") || s.containsKey("NotResource"), "Allow with Not*: " + s);
            if (s.containsKey("Principal")) {
                // the one Allow to another principal: S3's log delivery, writing this account's access logs
                assertEquals(Map.of("Service", "logging.s3.amazonaws.com"), s.get("Principal"), "an Allow to " + s);
                assertEquals("s3:PutObject", s.get("Action"), String.valueOf(s));
                assertTrue(String.valueOf(s.get("Condition")).contains("aws:SourceAccount"), String.valueOf(s));
            }
        }
    }

    @Test
    void functionsUseInlineStatementsOnlyNoManagedOrTemplatePolicies() {
        for (String function : List.of("IngestFunction", "CompareFunction", "ReportFunction")) {
            for (Object policy : list(props(function).get("Policies"))) {
                assertEquals(Set.of("Statement"), map(policy).keySet(), function + ": " + policy);
            }
            assertFalse(props(function).containsKey("Role"), function + " brings its own role");
        }
        assertTrue(resources.values().stream().map(TemplateTest::map)
                .noneMatch(r -> String.valueOf(r.get("Type")).startsWith("AWS::IAM::")), "no IAM resources of its own");
    }

    @Test
    void bothBucketsBlockPublicAccessAndRefusePlainHttp() {
        for (String name : List.of("ArticlesBucket", "ReportsBucket")) {
            Map<String, Object> bucket = props(name);
            assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                    "RestrictPublicBuckets", true), bucket.get("PublicAccessBlockConfiguration"), name);
            assertTrue(bucket.containsKey("BucketEncryption"), name);
            Map<String, Object> policy = props(name + "Policy");
            assertEquals(Map.of("Ref", name), policy.get("Bucket"));
            List<Map<String, Object>> statements = new ArrayList<>();
            collectStatements(policy, statements);
            Map<String, Object> insecure = statements.stream()
                    .filter(s -> String.valueOf(s.get("Condition")).contains("aws:SecureTransport")).findFirst()
                    .orElseThrow(() -> new AssertionError("no statement on aws:SecureTransport in " + name));
            assertEquals("Deny", insecure.get("Effect"));
            assertEquals("*", insecure.get("Principal"));
            assertEquals("s3:*", insecure.get("Action"));
            assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), insecure.get("Condition"));
            assertEquals(Set.of(Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${" + name + "}"),
                    Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${" + name + "}/*")),
                    Set.copyOf(list(insecure.get("Resource"))));
            assertTrue(statements.stream().noneMatch(s -> "Allow".equals(s.get("Effect"))),
                    "the bucket policy only denies");
        }
    }

    @Test
    void theApiTakesSignedRequestsUnlessAParameterOpensIt() {
        Map<String, Object> parameter = map(map(template.get("Parameters")).get("ApiAuthorization"));
        assertEquals("AWS_IAM", parameter.get("Default"));
        for (Object r : resources.values()) {
            Map<String, Object> resource = map(r);
            if ("AWS::ApiGatewayV2::Route".equals(resource.get("Type"))) {
                assertEquals(Map.of("Fn::If", List.of("OpenApi", "NONE", "AWS_IAM")),
                        map(resource.get("Properties")).get("AuthorizationType"));
            }
        }
        Map<String, Object> permission = props("HttpApiInvokePermission");
        assertEquals("apigateway.amazonaws.com", permission.get("Principal"));
        assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*"),
                permission.get("SourceArn"), "only this API may invoke the function");
    }

    // ---- secrets

    /** What a committed secret looks like. */
    static final List<Pattern> SECRETS = List.of(
            Pattern.compile("(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[0-9A-Z]{16}"),
            Pattern.compile("(?i)aws_?secret_?access_?key['\"]?\\s*[:=]\\s*['\"]?(?!test\\b|\\$|<)[A-Za-z0-9/+=]{8,}"),
            Pattern.compile("(?i)(secret|password|passwd|token|api_?key)['\"]?\\s*[:=]\\s*['\"][^'\"\\s$<{]{12,}['\"]"),
            Pattern.compile("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"));

    static List<String> secretsIn(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern p : SECRETS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void theSecretPatternsFindSecretsAndLeaveTheEmulatorsDummyCredentialsAlone() {
        String keyId = "AKIA" + "IOSFODNN7EXAMPLE";
        String secret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
        assertEquals(List.of(keyId), secretsIn("id = " + keyId + "\n"));
        assertFalse(secretsIn("aws_secret_access_key = " + secret).isEmpty());
        assertFalse(secretsIn("export AWS_SECRET_ACCESS_KEY=" + secret).isEmpty());
        assertFalse(secretsIn("-----BEGIN RSA " + "PRIVATE KEY-----\nMIIE").isEmpty());
        assertFalse(secretsIn("password: \"" + "hunter2hunter2\"").isEmpty());
        // the local S3 endpoint takes any credentials: the README and scripts use "test"
        assertEquals(List.of(), secretsIn("export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"));
        assertEquals(List.of(), secretsIn("AWS_SECRET_ACCESS_KEY=$SECRET"));
    }

    @Test
    void noSecretInTheCodeTheTemplateTheEventsOrTheScripts() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main", "events", "scripts", "template.yaml", "crosscheck", ".ci")) {
            Path path = Path.of(root);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            } else if (Files.exists(path)) {
                files.add(path);
            }
        }
        assertTrue(files.size() > 100, "files scanned: " + files.size());
        Map<String, List<String>> found = new TreeMap<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            List<String> secrets = secretsIn(text);
            if (!secrets.isEmpty()) {
                found.put(file.toString(), secrets);
            }
        }
        assertEquals(Map.of(), found);
        for (Object p : map(template.get("Parameters")).values()) {
            assertFalse(map(p).containsKey("NoEcho"), "the template takes no secret parameter");
        }
    }

    // ---- helpers

    /** Each action a function's statements allow, and the resources it is allowed on. */
    private static Map<String, Set<Object>> grants(String function) {
        Map<String, Set<Object>> grants = new TreeMap<>();
        List<Map<String, Object>> statements = new ArrayList<>();
        collectStatements(props(function).get("Policies"), statements);
        for (Map<String, Object> s : statements) {
            assertEquals("Allow", s.get("Effect"), function + ": " + s);
            for (Object action : list(s.get("Action"))) {
                Set<Object> on = grants.computeIfAbsent((String) action, a -> new java.util.HashSet<>());
                on.addAll(list(s.get("Resource")));
            }
        }
        return grants;
    }

    /** The DynamoDB operations the claim store calls, as IAM actions (queryPaginator is Query). */
    private static Set<String> dynamoDbActionsOfTheStore() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/crosscheck/store/ClaimStore.java"));
        Matcher m = Pattern.compile("\\bdynamo\\.([a-zA-Z]+)\\(").matcher(source);
        Set<String> actions = new TreeSet<>();
        while (m.find()) {
            String operation = m.group(1).replace("Paginator", "");
            if (!LOCAL_ONLY.contains(operation)) {
                actions.add("dynamodb:" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
            }
        }
        assertTrue(actions.contains("dynamodb:Query") && actions.contains("dynamodb:PutItem"), actions.toString());
        return actions;
    }

    private static void collectStatements(Object node, List<Map<String, Object>> into) {
        if (node instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                if ("Statement".equals(e.getKey())) {
                    for (Object s : list(e.getValue())) {
                        into.add(map(s));
                    }
                } else {
                    collectStatements(e.getValue(), into);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectStatements(item, into));
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
    }

    private static Map<String, Object> props(String resource) {
        return map(map(resources.get(resource)).get("Properties"));
    }
}
