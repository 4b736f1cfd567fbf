package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * template.yaml passes the checks cfn-lint would make ({@link TemplateLint}); each check finds what it is for in a
 * template written to break it.
 */
class TemplateLintTest {

    @Test
    void theTemplatePassesEveryCheck() throws Exception {
        assertEquals(List.of(), TemplateLint.problems(TemplateTest.load()));
    }

    /** A minimal valid template with one change, the rule that must find it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "resource-type     | Type: AWS::S3::Buckets",
        "property          | Properties: {Versioning: {Status: Enabled}}",
        "required-property | Type: AWS::S3::BucketPolicy",
        "get-att           | Outputs: {Name: {Value: !GetAtt Queue.Url}}",
        "reference         | Outputs: {Name: {Value: !Ref Missing}}",
        "unused-parameter  | Parameters: {Unused: {Type: String}}",
        "parameter-default | Parameters: {Days: {Type: Number, Default: 0, MinValue: 1}}",
        "alarm             | Period: 45",
        "iam               | Action: s3GetObject",
        "schedule          | Schedule: rate(1 days)",
        "condition         | Value: !If [Nowhere, a, b]",
        "unused-condition  | Conditions: {Never: !Equals [a, b]}",
    })
    void eachCheckFindsWhatItIsFor(String rule, String change) {
        String yaml = BASE;
        String[] parts = change.split(": ", 2);
        yaml = switch (parts[0]) {
            case "Type" -> yaml.replace("Type: AWS::S3::Bucket\n", change + "\n");
            case "Properties" -> yaml.replace("Properties: {BucketName: articles}", change);
            case "Outputs", "Parameters", "Conditions" -> yaml + change + "\n";
            case "Period" -> yaml.replace("Period: 300", change);
            case "Action" -> yaml.replace("Action: sqs:SendMessage", change);
            case "Schedule" -> yaml.replace("Schedule: rate(1 day)", change);
            case "Value" -> yaml.replace("Value: !Ref Queue", change);
            default -> throw new IllegalArgumentException(change);
        };
        assertEquals(List.of(), TemplateLint.problems(TemplateTest.parse(BASE)), "the base template is valid");
        List<String> problems = TemplateLint.problems(TemplateTest.parse(yaml));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(rule + " ") || p.startsWith(rule + ":")),
                rule + " for " + change + ": " + problems);
    }

    private static final String BASE = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties: {BucketName: articles}
              Queue:
                Type: AWS::SQS::Queue
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  ComparisonOperator: GreaterThanThreshold
                  EvaluationPeriods: 1
                  Period: 300
                  Statistic: Maximum
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  Policies:
                    - Statement:
                        - Sid: Send
                          Effect: Allow
                          Action: sqs:SendMessage
                          Resource: !GetAtt Queue.Arn
                  Events:
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
            Outputs:
              QueueUrl:
                Value: !Ref Queue
            """;

    @Test
    void everyTypeTheTemplateUsesIsDescribed() throws Exception {
        Map<String, Object> resources = TemplateTest.map(TemplateTest.load().get("Resources"));
        for (var r : resources.entrySet()) {
            assertTrue(TemplateLint.TYPES.containsKey(TemplateTest.map(r.getValue()).get("Type")), r.getKey());
        }
    }
}
