package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml checked against the code it deploys: handlers, environment, triggers and the API's authorization
 * (permissions: {@link TemplatePolicyTest}). CloudFormation's short tags (!Ref, !Sub, !GetAtt, !If, ...) are read as
 * their long forms.
 */
class TemplateTest {

    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::Region", "AWS::StackName",
            "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue", "AWS::StackId");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void parse() throws Exception {
        template = load();
        resources = map(template.get("Resources"));
    }

    /** template.yaml, with CloudFormation's short tags in their long forms. */
    static Map<String, Object> load() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("template.yaml"))) {
            return map(new Yaml(new CloudFormationConstructor()).load(in));
        }
    }

    /** A template's text, with CloudFormation's short tags in their long forms. */
    static Map<String, Object> parse(String yaml) {
        return map(new Yaml(new CloudFormationConstructor()).load(yaml));
    }

    @Test
    void isASamTemplateWithJavaOnArm64AndSnapStart() {
        assertEquals("AWS::Serverless-2016-10-31", template.get("Transform"));
        Map<String, Object> function = map(map(template.get("Globals")).get("Function"));
        assertTrue(Set.of("java17", "java21").contains(function.get("Runtime")), "runtime " + function.get("Runtime"));
        assertEquals(List.of("arm64"), function.get("Architectures"));
        assertTrue(((Number) function.get("MemorySize")).intValue() >= 512);
        assertTrue(((Number) function.get("Timeout")).intValue() >= 30);
        assertEquals("JSON", map(function.get("LoggingConfig")).get("LogFormat"));
        assertEquals("PublishedVersions", map(function.get("SnapStart")).get("ApplyOn"));
        assertNotNull(function.get("AutoPublishAlias"), "SnapStart applies to published versions: an alias publishes");
        assertEquals("target/crosscheck-lambda.jar", function.get("CodeUri"));
    }

    @Test
    void handlersExistAndTakeTheEventsTheirTriggersSend() throws Exception {
        // the API function takes the HTTP API event as a stream (no serializer on its cold start)
        Map<String, Class<?>> expected = Map.of("IngestFunction", S3Event.class,
                "CompareFunction", java.io.InputStream.class, "ReportFunction",
                com.amazonaws.services.lambda.runtime.events.SQSEvent.class, "ReconcileFunction",
                com.amazonaws.services.lambda.runtime.events.ScheduledEvent.class);
        assertEquals(expected.keySet(), new HashSet<>(functions().keySet()));
        for (var entry : functions().entrySet()) {
            String handler = (String) props(entry.getValue()).get("Handler");
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0]);
            if (expected.get(entry.getKey()) == java.io.InputStream.class) {
                assertTrue(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class.isAssignableFrom(type),
                        handler);
                type.getMethod(parts[1], java.io.InputStream.class, java.io.OutputStream.class, Context.class);
                type.getConstructor();
                continue;
            }
            assertTrue(RequestHandler.class.isAssignableFrom(type), handler);
            assertEquals(expected.get(entry.getKey()), eventTypeOf(type), handler);
            type.getMethod(parts[1], eventTypeOf(type), Context.class);
            type.getConstructor();   // the runtime's constructor
        }
        // the S3 triggers go to the function that takes S3 events, the API's integration to the one taking HTTP events
        assertFalse(events("IngestFunction").isEmpty());
        assertEquals(Map.of("Ref", "CompareFunction.Alias"), props(resources.get("HttpApiIntegration")).get("IntegrationUri"));
    }

    @Test
    void everyEnvironmentVariableTheCodeReadsIsSetOrOptional() throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>(map(map(map(map(template.get("Globals")).get("Function"))
                .get("Environment")).get("Variables")));
        for (Object f : functions().values()) {
            Object env = props(f).get("Environment");
            if (env != null) {
                variables.putAll(map(map(env).get("Variables")));
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Field field : AwsClients.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = (String) field.get(null);
                if (!variables.containsKey(name) && !AwsClients.OPTIONAL.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertEquals(Set.of(), missing);
        assertEquals(Map.of("Ref", "ClaimsTable"), variables.get(AwsClients.TABLE_NAME));
    }

    /**
     * S3 sends the ingest function every object's events, unfiltered: what is a document is decided by the function's
     * one rule (ObjectKinds), the rule the local stack applies, so no object is dropped on AWS that the local stack
     * would read (UPPER.TXT, a key without extension), and none goes unrecorded.
     */
    @Test
    void theBucketSendsEveryObjectsCreateAndRemoveEventsUnfiltered() {
        Set<String> seen = new TreeSet<>();
        for (Object event : events("IngestFunction").values()) {
            Map<String, Object> e = map(event);
            assertEquals("S3", e.get("Type"));
            Map<String, Object> p = map(e.get("Properties"));
            assertEquals(Map.of("Ref", "ArticlesBucket"), p.get("Bucket"));
            assertEquals(null, p.get("Filter"), "no filter narrower than the function's own rule: " + p);
            seen.add(String.valueOf(p.get("Events")));
        }
        assertEquals(new TreeSet<>(List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*")), seen);
    }

    /**
     * An overwrite or a deletion can be undone, who wrote what is logged, failures left waiting raise alarms, and a
     * scheduled reconciliation applies what lost events left out (its failures raise one too).
     */
    @Test
    void theArticlesBucketIsVersionedAndLoggedAndFailureQueuesRaiseAlarms() {
        Map<String, Object> bucket = props(resources.get("ArticlesBucket"));
        assertEquals("Enabled", map(bucket.get("VersioningConfiguration")).get("Status"));
        Map<String, Object> rule = map(((List<?>) map(bucket.get("LifecycleConfiguration")).get("Rules")).get(0));
        assertEquals(Map.of("Ref", "NoncurrentVersionDays"),
                map(rule.get("NoncurrentVersionExpiration")).get("NoncurrentDays"));
        assertEquals(Map.of("Ref", "AccessLogsBucket"),
                map(bucket.get("LoggingConfiguration")).get("DestinationBucketName"));
        String logPolicy = String.valueOf(props(resources.get("AccessLogsBucketPolicy")).get("PolicyDocument"));
        assertTrue(logPolicy.contains("logging.s3.amazonaws.com") && logPolicy.contains("aws:SourceAccount"),
                logPolicy);

        Map<String, Set<String>> alarmed = new java.util.HashMap<>();
        for (Map.Entry<String, Object> r : resources.entrySet()) {
            if ("AWS::CloudWatch::Alarm".equals(map(r.getValue()).get("Type"))) {
                Map<String, Object> alarm = props(r.getValue());
                Map<String, Object> dimension = map(((List<?>) alarm.get("Dimensions")).get(0));
                Map<String, Object> value = map(dimension.get("Value"));
                String watched = value.containsKey("Ref") ? String.valueOf(value.get("Ref"))
                        : String.valueOf(((List<?>) value.get("Fn::GetAtt")).get(0));
                alarmed.computeIfAbsent(watched, q -> new TreeSet<>()).add(String.valueOf(alarm.get("MetricName")));
                assertEquals(List.of(Map.of("Ref", "AlarmTopic")), alarm.get("AlarmActions"), r.getKey());
            }
        }
        assertEquals(Map.of("IngestFailureQueue", Set.of("ApproximateNumberOfMessagesVisible",
                "ApproximateAgeOfOldestMessage"), "ReportRequestDeadLetterQueue",
                Set.of("ApproximateNumberOfMessagesVisible"), "ReconcileFunction", Set.of("Errors")), alarmed);
        // the reconciliation runs on a schedule the stack's parameter sets
        Map<String, Object> schedule = map(events("ReconcileFunction").values().iterator().next());
        assertEquals("Schedule", schedule.get("Type"));
        assertEquals(Map.of("Ref", "ReconcileSchedule"), map(schedule.get("Properties")).get("Schedule"));
    }

    @Test
    void failedIngestionsAreRetriedThenSentToTheFailureQueue() {
        Map<String, Object> config = map(props(resources.get("IngestFunction")).get("EventInvokeConfig"));
        int retries = ((Number) config.get("MaximumRetryAttempts")).intValue();
        assertTrue(retries >= 1 && retries <= 2, "retries " + retries);
        Map<String, Object> onFailure = map(map(config.get("DestinationConfig")).get("OnFailure"));
        assertEquals("SQS", onFailure.get("Type"));
        assertEquals(Map.of("Fn::GetAtt", List.of("IngestFailureQueue", "Arn")), onFailure.get("Destination"));
        assertEquals("AWS::SQS::Queue", map(resources.get("IngestFailureQueue")).get("Type"));
    }

    @Test
    void reportsAreComputedOnePerStoryAtATimeByAFunctionWithItsOwnConcurrency() {
        Map<String, Object> queue = props(resources.get("ReportRequestQueue"));
        assertEquals(true, queue.get("FifoQueue"), "a FIFO queue: one message group (story) in flight at a time");
        Map<String, Object> report = props(resources.get("ReportFunction"));
        int timeout = ((Number) report.get("Timeout")).intValue();
        assertTrue(((Number) queue.get("VisibilityTimeout")).intValue() >= 6 * timeout,
                "the queue hides a message for six times the function's timeout, as Lambda advises");
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ReportRequestDeadLetterQueue", "Arn")),
                redrive.get("deadLetterTargetArn"));
        assertEquals(true, props(resources.get("ReportRequestDeadLetterQueue")).get("FifoQueue"));
        assertEquals(Map.of("Ref", "ReportConcurrency"), report.get("ReservedConcurrentExecutions"));
        Map<String, Object> trigger = map(map(events("ReportFunction").values().iterator().next()).get("Properties"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ReportRequestQueue", "Arn")), trigger.get("Queue"));
        assertEquals(List.of("ReportBatchItemFailures"), trigger.get("FunctionResponseTypes"),
                "a failed story is retried without its batch's other stories");
        assertEquals(Map.of("MaximumConcurrency", Map.of("Ref", "ReportConcurrency")), trigger.get("ScalingConfig"));
        // the ingest function asks through the queue, the API function reads what the report function stores
        Map<String, Object> ingestEnv = map(map(props(resources.get("IngestFunction")).get("Environment"))
                .get("Variables"));
        assertEquals(Map.of("Ref", "ReportRequestQueue"), ingestEnv.get(AwsClients.REPORT_QUEUE_URL));
        for (String function : List.of("CompareFunction", "ReportFunction")) {
            assertEquals(Map.of("Ref", "ReportsBucket"), map(map(props(resources.get(function)).get("Environment"))
                    .get("Variables")).get(AwsClients.REPORTS_BUCKET), function);
        }
        // the API answers within API Gateway's 30 s
        assertTrue(((Number) props(resources.get("CompareFunction")).get("Timeout")).intValue() < 30);
    }

    @Test
    void theTableIsOnDemandWithPointInTimeRecoveryAndTheStoresKeys() {
        Map<String, Object> table = props(resources.get("ClaimsTable"));
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(true, map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"));
        assertEquals(List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE")), table.get("KeySchema"));
    }

    @Test
    void theApiRequiresIamAuthorizationUnlessTheParameterOpensIt() {
        Map<String, Object> parameter = map(map(template.get("Parameters")).get("ApiAuthorization"));
        assertEquals("AWS_IAM", parameter.get("Default"));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "ApiAuthorization"), "NONE")),
                map(template.get("Conditions")).get("OpenApi"));
        List<Map<String, Object>> routes = resources.values().stream().map(TemplateTest::map)
                .filter(r -> "AWS::ApiGatewayV2::Route".equals(r.get("Type"))).toList();
        assertFalse(routes.isEmpty());
        for (Map<String, Object> route : routes) {
            assertEquals(Map.of("Fn::If", List.of("OpenApi", "NONE", "AWS_IAM")), props(route).get("AuthorizationType"));
        }
        // SAM cannot resolve an intrinsic inside an HttpApi's Auth, so none may be declared that way
        assertTrue(resources.values().stream().map(TemplateTest::map)
                .noneMatch(r -> "AWS::Serverless::HttpApi".equals(r.get("Type"))));
    }

    @Test
    void outputsNameTheBucketTheApiTheTableAndTheFailureQueue() {
        Map<String, Object> outputs = map(template.get("Outputs"));
        assertEquals(Map.of("Ref", "ArticlesBucket"), map(outputs.get("ArticlesBucketName")).get("Value"));
        assertEquals(Map.of("Fn::GetAtt", List.of("HttpApi", "ApiEndpoint")), map(outputs.get("ApiUrl")).get("Value"));
        assertEquals(Map.of("Ref", "ClaimsTable"), map(outputs.get("ClaimsTableName")).get("Value"));
        assertEquals(Map.of("Ref", "IngestFailureQueue"), map(outputs.get("IngestFailureQueueUrl")).get("Value"));
    }

    @Test
    void everyReferenceResolvesWithinTheTemplate() {
        Set<String> known = new HashSet<>(resources.keySet());
        known.addAll(map(template.get("Parameters")).keySet());
        known.addAll(PSEUDO_PARAMETERS);
        for (String function : functions().keySet()) {
            known.add(function + ".Alias");
        }
        Set<String> unresolved = new TreeSet<>(references(template));
        unresolved.removeAll(known);
        assertEquals(Set.of(), unresolved);
        for (Object condition : map(template.get("Conditions")).keySet()) {
            assertTrue(template.toString().contains("Fn::If=[" + condition), condition + " is used");
        }
    }

    // ---- helpers

    private static Map<String, Object> functions() {
        Map<String, Object> functions = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            if ("AWS::Serverless::Function".equals(map(r).get("Type"))) {
                functions.put(name, r);
            }
        });
        return functions;
    }

    private static Map<String, Object> events(String function) {
        Object events = props(resources.get(function)).get("Events");
        return events == null ? Map.of() : map(events);
    }

    /** Names used by Ref, GetAtt and ${...} in Sub, anywhere below the node. */
    static Set<String> references(Object node) {
        Set<String> names = new TreeSet<>();
        collect(node, names);
        return names;
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private static void collect(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            for (var entry : m.entrySet()) {
                Object value = entry.getValue();
                switch (String.valueOf(entry.getKey())) {
                    case "Ref" -> names.add((String) value);
                    case "Fn::GetAtt" -> names.add((String) ((List<?>) value).get(0));
                    case "Fn::Sub" -> {
                        String text = value instanceof List<?> l ? (String) l.get(0) : (String) value;
                        Matcher matcher = SUB_VARIABLE.matcher(text);
                        while (matcher.find()) {
                            names.add(matcher.group(1).split("\\.")[0].contains("::")
                                    ? matcher.group(1) : matcher.group(1).split("\\.")[0]);
                        }
                    }
                    default -> {
                    }
                }
                collect(value, names);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, names));
        }
    }

    private static Class<?> eventTypeOf(Class<?> handler) {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(handler + " does not implement RequestHandler directly");
    }

    private static Map<String, Object> props(Object resource) {
        return map(map(resource).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map<?, ?>, "expected a mapping: " + node);
        return (Map<String, Object>) node;
    }

    /** Reads !Ref X as {Ref: X}, !GetAtt A.B as {Fn::GetAtt: [A, B]} and any other !Fn as {Fn::Fn: ...}. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String function = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                        if (tag.equals("GetAtt")) {
                            value = List.of(((String) value).split("\\.", 2));
                        }
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(function, value);
                }
            });
        }
    }
}
