package dev.crosscheck.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs a suite only where a Docker engine is reachable; elsewhere every test is reported skipped, with the reason. */
final class RequiresDocker implements ExecutionCondition {

    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (dockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is reachable");
        }
        String reason = "no Docker engine is reachable: the LocalStack suite runs the Lambda functions in containers "
                + "(Testcontainers); the embedded suite covers the same behaviour without Docker";
        System.err.println(context.getDisplayName() + " skipped: " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static synchronized boolean dockerAvailable() {
        if (available == null) {
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
        }
        return available;
    }
}
