package dev.scope.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
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
 * travel through an app's history to containers whose reports have since expired. Each test starts its own app on a free
 * loopback port; screenshots go to target/screenshots/.
 */
@ExtendWith(RequiresChromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiAppStatesEndToEndTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"));

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
    void timeTravelShowsContainersThatHaveSinceGone(@TempDir Path history) throws Exception {
        // Reports leave the live view 6 s after they arrive; the history keeps them.
        try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0).withWindow(Duration.ofSeconds(6))
                .withHistory(history, Duration.ofHours(1)))) {
            page.navigate(url(app) + "#topology=containers");
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Time travel"))).isVisible();

            // One report, as a Weave Scope 1.13 probe sent it (its containers: web, db, cache, paused-one...).
            postReport(app, "weave-scope-1.13/probe-report.json.gz");
            // The report was received before this moment, and its window reaches past it.
            Instant seen = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            page.getByLabel("Search").fill("paused-one");
            assertThat(page.locator(".search-count")).hasText("1 match");

            // No more reports: the live view empties.
            assertThat(page.locator(".status-message h2")).hasText(Pattern.compile("^(No topologies yet|Nothing to show in .+)$"));

            page.getByLabel("Exact moment").fill(localInput(seen));
            assertThat(page.locator(".footer .status")).hasAttribute("data-status", "paused");
            assertThat(page).hasURL(Pattern.compile("at="));
            assertThat(page.locator(".search-count")).hasText("1 match");
            assertThat(page.locator("button[data-topology=containers]")).isVisible();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Live").setExact(true)).click();
            assertThat(page.locator(".footer .status")).not().hasAttribute("data-status", "paused");
            assertThat(page.locator(".status-message h2")).hasText(Pattern.compile("^(No topologies yet|Nothing to show in .+)$"));
        }
    }

    private static void postReport(ScopeApp app, String resource) throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = UiAppStatesEndToEndTest.class.getResourceAsStream("/" + resource)) {
            body = Objects.requireNonNull(in, resource).readAllBytes();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(app) + "api/report"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .header("X-Scope-Probe-ID", "e2e-probe")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) throw new IllegalStateException("report refused: " + answer.statusCode() + " " + answer.body());
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
