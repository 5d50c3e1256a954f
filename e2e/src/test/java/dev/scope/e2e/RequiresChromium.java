package dev.scope.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips browser tests, saying what to install, when Chromium or Node.js (for Playwright's driver) is missing. */
public final class RequiresChromium implements ExecutionCondition {
    private static final String HINT = "apt-get install -y chromium; Playwright's driver also needs Node.js 20+ on the PATH";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Chromium.executable().isEmpty()) return ConditionEvaluationResult.disabled("Chromium is not installed: " + HINT);
        if (Chromium.onPath("node").isEmpty()) return ConditionEvaluationResult.disabled("node is not on the PATH: " + HINT);
        return ConditionEvaluationResult.enabled("chromium and node found");
    }
}
