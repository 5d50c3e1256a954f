package dev.scope.service.all;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ScopeProbe;
import dev.scope.service.db.Database;
import dev.scope.service.testing.RequiresChromium;
import dev.scope.service.testing.TestPostgres;
import dev.scope.service.users.MailSettings;
import dev.scope.service.users.UsersSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service as a new user meets it, in real Chromium: sign up, follow the e-mailed login link (real SMTP
 * server), create an organisation, make a probe token, start a real probe with it, and see this host in the
 * organisation's Scope UI. A second organisation sees nothing of it.
 */
@ExtendWith(RequiresChromium.class)
class ServiceEndToEndTest {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final Pattern LINK = Pattern.compile("http://\\S+/login/link\\?token=\\S+");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static Vertx vertx;
    private static Database db;
    private static AllComponent service;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        db = Database.connect(TestPostgres.freshDatabase("e2e-test"));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        service = AllComponent.start(vertx, db, metrics, new AllSettings("127.0.0.1", port), UsersSettings.defaults(
                "127.0.0.1", 0, base, MailSettings.plain("127.0.0.1", MAIL.getSmtp().getPort(), "scope@example.com")));
        System.setProperty("playwright.nodejs.path", RequiresChromium.onPath("node").orElseThrow().toString());
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(RequiresChromium.chromium().orElseThrow()).setHeadless(true).setArgs(FLAGS));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (service != null) service.close();
        if (db != null) db.close();
        if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void signUpConnectAProbeAndSeeThisHost() {
        String hostname = "e2e-host-" + Long.toHexString(System.nanoTime());
        try (BrowserContext ada = browser.newContext(); BrowserContext bob = browser.newContext()) {
            Page page = signUp(ada, "ada@example.com");
            String org = createOrganisation(page, "Ada's lab");

            // Tokens page: a new token, shown once, with the commands to start a probe.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Probe tokens")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New probe token")).click();
            String token = page.locator("pre#token").textContent().strip();
            assertThat(page.locator("pre#launch")).containsText(token);

            ScopeProbe probe = ScopeProbe.start(ProbeConfig.defaults(List.of(base)).withToken(token).withHostname(hostname)
                    .withIntervals(Duration.ofMillis(500), Duration.ofSeconds(1)).withPluginsRoot(null).withModules(List.of(), false));
            try {
                page.navigate(base + "/api/app/" + org + "/#topology=hosts");
                page.waitForFunction("name => (window.scopeGraph?.renderedNodes() ?? []).some(n => n.label === name)", hostname,
                        new Page.WaitForFunctionOptions().setTimeout(60_000));

                // Another organisation sees nothing of it, in its UI or its API.
                Page other = signUp(bob, "bob@example.com");
                String bobs = createOrganisation(other, "Bob's shop");
                assertThat(bobs).isNotEqualTo(org);
                String hosts = other.request().get(base + "/api/app/" + bobs + "/api/topology/hosts").text();
                assertThat(new JsonObject(hosts).getJsonObject("nodes").isEmpty()).as(hosts).isTrue();
                var othersOrg = other.request().get(base + "/api/app/" + org + "/api/topology/hosts");
                var noSuchOrg = other.request().get(base + "/api/app/no-such-org-42/api/topology/hosts");
                assertThat(othersOrg.status()).isEqualTo(401);
                assertThat(noSuchOrg.status()).isEqualTo(401);
                assertThat(noSuchOrg.text()).isEqualTo(othersOrg.text()); // no hint whether the organisation exists
                var wrongToken = other.request().post(base + "/api/report", com.microsoft.playwright.options.RequestOptions.create()
                        .setHeader("Authorization", "Scope-Probe token=" + token + "x").setData(new byte[]{1}));
                assertThat(wrongToken.status()).isEqualTo(401);
                assertThat(wrongToken.text()).isEqualTo(othersOrg.text());
                other.navigate(base + "/api/app/" + org + "/");
                assertThat(other.url()).endsWith("/login");
            } finally {
                probe.close();
            }
        }
    }

    /** Signs up in the browser and follows the e-mailed link; returns the page, signed in. */
    private static Page signUp(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(base + "/signup");
        page.locator("input[name=email]").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
        assertThat(page.locator("h1")).containsText("Check your e-mail");
        page.navigate(loginLink(email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login/link"));
        assertThat(context.cookies().stream().anyMatch(c -> c.name.equals("scope_session"))).isTrue();
        return page;
    }

    private static String createOrganisation(Page page, String name) {
        page.navigate(base + "/");
        page.locator("input[name=name]").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        page.waitForURL(Pattern.compile(".*/org/[^/]+$"));
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    private static String loginLink(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> to(m, email)));
        MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> to(m, email)).reduce((a, b) -> b).orElseThrow();
        try {
            Matcher m = LINK.matcher(mail.getContent().toString());
            assertThat(m.find()).as("a login link in the e-mail").isTrue();
            return m.group();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean to(MimeMessage m, String email) {
        try {
            return m.getAllRecipients()[0].toString().equalsIgnoreCase(email);
        } catch (Exception e) {
            return false;
        }
    }
}
