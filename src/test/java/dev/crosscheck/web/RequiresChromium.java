package dev.crosscheck.web;

import java.io.File;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test only where Chromium and its driver are installed; elsewhere every test is reported skipped, with
 * the reason. Under CI (the environment variable {@code CI} set) the test always runs, so that a missing browser fails
 * it instead of skipping it.
 */
final class RequiresChromium implements ExecutionCondition {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    static boolean installed() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    static String missing() {
        return "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install chromium chromium-driver";
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed()) {
            return ConditionEvaluationResult.enabled("Chromium is installed");
        }
        if (System.getenv("CI") != null) {
            return ConditionEvaluationResult.enabled("CI must run the browser test: " + missing());
        }
        System.err.println(context.getDisplayName() + " skipped: " + missing());
        return ConditionEvaluationResult.disabled(missing());
    }
}
