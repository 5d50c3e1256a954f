package dev.scope.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Headless Debian Chromium driven by Playwright. Playwright's Node driver runs on the machine's {@code node}
 * (its bundled Node.js is not on the classpath) and never downloads a browser: the executable is given and
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} is set for the driver.
 */
final class Chromium implements AutoCloseable {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Path executable, Path node) {
        System.setProperty("playwright.nodejs.path", node.toString());
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
    }

    /** Starts Playwright and Chromium; {@link RequiresChromium} has checked that both executables are there. */
    static Chromium launch() {
        return new Chromium(executable().orElseThrow(), onPath("node").orElseThrow());
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** $CHROMIUM or Debian's /usr/bin/chromium. */
    static Optional<Path> executable() {
        String configured = System.getenv("CHROMIUM");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    static Optional<Path> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return Optional.of(Path.of(dir, tool));
        }
        return Optional.empty();
    }
}
