package dev.scope.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ScopeProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the UI says about the app itself, no Docker needed: an app with no reports, an app that went away, and time
 * travel through an app's history to a process that has since exited. Each test starts its own app on a free
 * loopback port; screenshots go to target/screenshots/.
 */
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiAppStatesEndToEndTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"));
    /** A number no other process on the machine has on its command line. */
    private static final String MARKER = Long.toString(700_000 + ProcessHandle.current().pid() % 100_000);

    private Chromium chromium;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void start() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        chromium = Chromium.launch();
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void openPage() {
        // UTC, so that the time travel field's local time is the instant the test computes.
        context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setTimezoneId("UTC"));
        page = context.newPage();
    }

    @AfterEach
    void screenshot(TestInfo test) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png")));
        context.close();
    }

    @Test
    void anAppWithoutReportsSaysThereIsNothingToShow() {
        try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0))) {
            page.navigate(url(app));
            assertThat(page.locator(".status-message h2")).hasText(Pattern.compile("^(No topologies yet|Nothing to show in .+)$"));
        }
    }

    @Test
    void anAppThatStopsIsReportedUnreachable() {
        ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0));
        try {
            page.navigate(url(app));
            assertThat(page.locator(".footer .version")).containsText("Scope");
        } finally {
            app.close();
        }
        assertThat(page.locator(".status-message h2")).hasText("Cannot reach the Scope app");
        assertThat(page.locator(".footer .status")).hasAttribute("data-status", "down");
    }

    @Test
    void timeTravelShowsAProcessThatHasSinceExited(@TempDir Path history) throws IOException, InterruptedException {
        // A shorter window than the default 15 s, so that an exited process leaves the live view sooner.
        try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0).withWindow(Duration.ofSeconds(8))
                .withHistory(history, Duration.ofHours(1)));
             ScopeProbe probe = ScopeProbe.start(ProbeConfig.defaults(List.of("http://127.0.0.1:" + app.port()))
                     .withIntervals(Duration.ofMillis(500), Duration.ofSeconds(1))
                     .withPluginsRoot(null)
                     .withModules(List.of(), false))) {
            Process sleeper = new ProcessBuilder("sleep", MARKER).start();
            Instant alive;
            try {
                page.navigate(url(app) + "#topology=processes&o.processes.unconnected=show");
                page.getByLabel("Search").fill(MARKER);
                assertThat(page.locator(".search-count")).hasText("1 match");
                // The app had a report holding the process before the page showed it: the state as of the next
                // whole second (the merge of the reports received in the window before it) holds it too.
                alive = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            } finally {
                sleeper.destroy();
                sleeper.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(page.locator(".search-count")).hasText("0 matches");

            page.getByLabel("Exact moment").fill(localInput(alive));
            assertThat(page.locator(".footer .status")).hasAttribute("data-status", "paused");
            assertThat(page).hasURL(Pattern.compile("at="));
            assertThat(page.locator(".search-count")).hasText("1 match");

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Live").setExact(true)).click();
            assertThat(page.locator(".footer .status")).hasAttribute("data-status", "up");
            assertThat(page.locator(".search-count")).hasText("0 matches");
        }
    }

    /** A datetime-local value as Chromium keeps it: to the second, or to the minute when the seconds are 0. */
    private static String localInput(Instant moment) {
        String pattern = moment.getEpochSecond() % 60 == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneId.of("UTC")).format(moment);
    }

    private static String url(ScopeApp app) {
        return "http://127.0.0.1:" + app.port() + "/";
    }
}
