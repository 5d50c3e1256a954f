package dev.scope.service.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Skips browser tests, saying what to install, when Chromium or Node.js (for Playwright's driver) is missing. */
public final class RequiresChromium implements ExecutionCondition {
    private static final String HINT = "apt-get install -y chromium; Playwright's driver also needs Node.js 20+ on the PATH";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (chromium().isEmpty()) return ConditionEvaluationResult.disabled("Chromium is not installed: " + HINT);
        if (onPath("node").isEmpty()) return ConditionEvaluationResult.disabled("node is not on the PATH: " + HINT);
        return ConditionEvaluationResult.enabled("chromium and node found");
    }

    /** $CHROMIUM or Debian's /usr/bin/chromium. */
    public static Optional<Path> chromium() {
        String configured = System.getenv("CHROMIUM");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    public static Optional<Path> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return Optional.of(Path.of(dir, tool));
        }
        return Optional.empty();
    }
}
