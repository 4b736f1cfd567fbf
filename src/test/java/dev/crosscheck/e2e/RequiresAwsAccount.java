package dev.crosscheck.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a suite against a real AWS account only when asked to with CROSSCHECK_IT_AWS=1. */
final class RequiresAwsAccount implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("1".equals(System.getenv(AwsEndToEndIT.ENABLE))) {
            return ConditionEvaluationResult.enabled(AwsEndToEndIT.ENABLE + "=1");
        }
        return ConditionEvaluationResult.disabled("set " + AwsEndToEndIT.ENABLE + "=1 and the stack's outputs to run "
                + "the suite against a deployed stack (never in CI)");
    }
}
