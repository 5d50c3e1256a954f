package dev.scope.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.scope.probe.docker.DockerEngineExtension;
import dev.scope.probe.docker.DockerEngineExtension.DockerEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI as a user sees it: headless Chromium against a real app serving the built UI, a real probe and a private
 * Docker engine running two busybox containers. Every test leaves a screenshot in target/screenshots/.
 */
@ExtendWith({RequiresChromium.class, DockerEngineExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiEndToEndTest {
    private static final String LABEL = "dev.scope.e2e";
    private static final String WEB = "e2e-web";
    private static final String CACHE = "e2e-cache";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"));
    private static final double GRAPH_TIMEOUT_MS = 90_000;

    private DockerClient docker;
    private String webId;
    private ScopeStack scope;
    private Chromium chromium;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void start(DockerEngine engine) {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        docker = engine.client();
        removeOurContainers();
        webId = runBusybox(WEB);
        runBusybox(CACHE);
        scope = ScopeStack.start(engine.dockerHost());
        chromium = Chromium.launch();
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (scope != null) scope.close();
        if (docker != null) removeOurContainers();
    }

    @BeforeEach
    void openPage() {
        context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
    }

    @AfterEach
    void screenshot(TestInfo test) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png")));
        context.close();
    }

    @Test
    void theContainersViewDrawsTheKnownContainers() {
        openContainersGraph();
        assertThat(page.locator("[data-testid=graph-canvas]")).hasAttribute("data-renderer", "cytoscape");
        assertThat(page.locator("button[data-topology=containers]")).hasAttribute("aria-pressed", "true");
    }

    @Test
    void searchFindsAContainerByName() {
        openContainersGraph();
        page.getByLabel("Search").fill(WEB);
        assertThat(page.locator(".search-count")).hasText("1 match");
        assertThat(page).hasURL(Pattern.compile("q=" + WEB));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Table")).click();
        Locator firstRow = page.locator(".table-view table.sortable tbody tr").first();
        assertThat(firstRow).containsText(WEB);
        assertThat(page.locator(".table-view table.sortable tbody tr.faded").filter(new Locator.FilterOptions().setHasText(CACHE))).hasCount(1);
    }

    @Test
    void clickingAContainerOpensItsDetails() {
        openContainersGraph();
        Locator details = clickGraphNode(WEB);
        assertThat(details.locator("h2")).hasText(WEB);
        assertThat(details).containsText("local/busybox");
        assertThat(details.locator("button[data-control=docker_pause_container]")).isVisible();
    }

    @Test
    void thePauseButtonPausesTheContainer() {
        openContainersGraph();
        Locator details = clickGraphNode(WEB);
        try {
            details.locator("button[data-control=docker_pause_container]").click();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(docker.inspectContainerCmd(webId).exec().getState().getPaused()).isTrue());
            assertThat(stateRow(details)).containsText(Pattern.compile("paused", Pattern.CASE_INSENSITIVE));
            assertThat(details.locator("button[data-control=docker_unpause_container]")).isVisible();

            details.locator("button[data-control=docker_unpause_container]").click();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(docker.inspectContainerCmd(webId).exec().getState().getPaused()).isFalse());
            assertThat(details.locator("button[data-control=docker_pause_container]")).isVisible();
            assertThat(stateRow(details)).not().containsText(Pattern.compile("paused", Pattern.CASE_INSENSITIVE));
        } finally {
            if (Boolean.TRUE.equals(docker.inspectContainerCmd(webId).exec().getState().getPaused())) {
                docker.unpauseContainerCmd(webId).exec();
            }
        }
    }

    @Test
    void aTerminalRunsACommandInTheContainer() {
        openContainersGraph();
        Locator details = clickGraphNode(WEB);
        details.locator("button[data-control=docker_exec_container]").click();
        Locator terminal = page.locator("section.terminal");
        assertThat(terminal.locator(".terminal-title")).containsText("connected");
        terminal.locator(".terminal-host").click();
        page.keyboard().type("echo e2e-$((6*7)) in $(hostname)\n");
        assertThat(terminal.locator(".xterm-rows")).containsText("e2e-42 in " + webId.substring(0, 12));
    }

    @Test
    void theViewModesSwitchBetweenGraphTableAndResources() {
        openContainersGraph();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Table")).click();
        assertThat(page.locator(".table-view table.sortable")).containsText(CACHE);
        assertThat(page).hasURL(Pattern.compile("view=table"));
        snapshot("theViewModesSwitchBetweenGraphTableAndResources-table");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resources")).click();
        assertThat(page.locator(".resource-view")).containsText("hosts → containers → processes");
        assertThat(page.locator(".resource-hosts > *").first()).isVisible();
        snapshot("theViewModesSwitchBetweenGraphTableAndResources-resources");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Graph")).click();
        waitForGraphNodes(WEB, CACHE);
    }

    @Test
    void reloadingKeepsTheViewFromTheUrl() {
        openContainersGraph();
        clickGraphNode(WEB);
        page.getByLabel("Search").fill(CACHE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Table")).click();
        assertThat(page.locator(".table-view table.sortable")).containsText(CACHE);

        page.reload();
        assertThat(page.getByLabel("Search")).hasValue(CACHE);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Table"))).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("article.details-card h2")).hasText(WEB);
        assertThat(page.locator(".table-view table.sortable tbody tr").first()).containsText(CACHE);
    }

    @Test
    void theHostsAndProcessesViewsShowThisMachine() {
        page.navigate(scope.url() + "#topology=hosts");
        page.waitForFunction("() => (window.scopeGraph?.renderedNodes() ?? []).length > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(GRAPH_TIMEOUT_MS));
        assertThat(page.locator("button[data-topology=hosts]")).hasAttribute("aria-pressed", "true");

        // The sleeping processes have no connections: show unconnected processes, as the option offers.
        page.navigate(scope.url() + "#topology=processes&o.processes.unconnected=show");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show unconnected")))
                .hasAttribute("aria-pressed", "true");
        page.getByLabel("Search").fill("sleep");
        // Each busybox container runs `sleep 100000`.
        assertThat(page.locator(".search-count")).hasText(Pattern.compile("^([2-9]|\\d{2,}) matches$"));
    }

    @Test
    void keyboardShortcutsSwitchViewsOpenHelpAndToggleContrast() {
        openContainersGraph();
        page.keyboard().press("t");
        assertThat(page.locator(".table-view table.sortable")).containsText(WEB);
        page.keyboard().press("r");
        assertThat(page.locator(".resource-view")).isVisible();
        page.keyboard().press("g");
        waitForGraphNodes(WEB, CACHE);

        page.keyboard().press("?");
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Help"))).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);

        page.keyboard().press("/");
        assertThat(page.getByLabel("Search")).isFocused();
        page.keyboard().press("Escape");
        assertThat(page.getByLabel("Search")).not().isFocused();

        page.keyboard().press("c");
        assertThat(page.locator("div.app")).hasClass(Pattern.compile("\\bcontrast\\b"));
        assertThat(page).hasURL(Pattern.compile("contrast=1"));
        page.reload();
        assertThat(page.locator("div.app")).hasClass(Pattern.compile("\\bcontrast\\b"));
        waitForGraphNodes(WEB, CACHE);
    }

    @Test
    void pinnedSearchTermsCombineWithAndAndFilterTheView() {
        openContainersGraph();
        Locator search = page.getByLabel("Search");
        search.fill("e2e-");
        search.press("Enter");
        search.fill("image: busybox");
        search.press("Enter");
        assertThat(page.locator(".search-pin")).hasCount(2);
        waitForGraphNodes(WEB, CACHE);

        search.fill("memory > 1kb");
        assertThat(page.locator(".search-count")).hasText("2 matches");
        search.fill("memory > 100gb");
        assertThat(page.locator(".search-count")).hasText("0 matches");

        search.fill("/^e2e-w.b$/");
        search.press("Enter");
        page.waitForFunction("label => { const nodes = window.scopeGraph?.renderedNodes() ?? [];"
                + " return nodes.length === 1 && nodes[0].label === label; }", WEB,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        search.press("Escape"); // leaves the field, so that the next key is a shortcut
        assertThat(search).not().isFocused();
        page.keyboard().press("t");
        assertThat(page.locator(".table-view table.sortable tbody tr")).hasCount(1);

        page.getByLabel("Unpin /^e2e-w.b$/").click();
        assertThat(page.locator(".table-view table.sortable tbody tr")).hasCount(2);
    }

    @Test
    void followingTheHostLinkStacksItsDetailsAndEscapeGoesBack() {
        openContainersGraph();
        Locator details = clickGraphNode(WEB);
        details.locator(".parents li").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Hosts")))
                .locator("button").click();
        Locator card = page.locator("article.details-card");
        assertThat(card.locator("h2")).not().hasText(WEB);
        assertThat(page.locator(".details-tab")).containsText(WEB);
        assertThat(card.locator("[data-children=containers]")).containsText(WEB);

        page.keyboard().press("Escape");
        assertThat(card.locator("h2")).hasText(WEB);
        assertThat(page.locator(".details-tab")).hasCount(0);
    }

    @Test
    void aTerminalPopsOutIntoItsOwnWindow() {
        openContainersGraph();
        Locator details = clickGraphNode(WEB);
        details.locator("button[data-control=docker_exec_container]").click();
        Locator embedded = page.locator("section.terminal");
        assertThat(embedded.locator(".terminal-title")).containsText("connected");

        Page popup = page.waitForPopup(() -> embedded.getByTitle("Pop out into its own window").click());
        assertThat(embedded).hasCount(0);
        Locator terminal = popup.locator("section.terminal");
        assertThat(terminal.locator(".terminal-title")).containsText("connected");
        terminal.locator(".terminal-host").click();
        popup.keyboard().type("echo popped-$((20+22))\n");
        assertThat(terminal.locator(".xterm-rows")).containsText("popped-42");
        popup.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("aTerminalPopsOutIntoItsOwnWindow-popup.png")));
    }

    /** A screenshot in the middle of a test, next to the one every test leaves at its end. */
    private void snapshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private static Locator stateRow(Locator details) {
        return details.locator(".metadata-row").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^State")));
    }

    private void openContainersGraph() {
        page.navigate(scope.url() + "#topology=containers");
        waitForGraphNodes(WEB, CACHE);
    }

    /**
     * Waits for the graph to draw these labels. Generous: on a machine busy with other builds and a thousand
     * processes, the probe's first reports can take most of a minute.
     */
    private void waitForGraphNodes(String... labels) {
        page.waitForFunction("labels => labels.every(l => (window.scopeGraph?.renderedNodes() ?? []).some(n => n.label === l))",
                List.of(labels), new Page.WaitForFunctionOptions().setTimeout(GRAPH_TIMEOUT_MS));
    }

    /** Clicks where the graph drew the node (retrying while a re-layout moves it) and answers its details card. */
    private Locator clickGraphNode(String label) {
        Locator canvas = page.locator("[data-testid=graph-canvas]");
        Locator card = page.locator("article.details-card");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var box = canvas.boundingBox();
            @SuppressWarnings("unchecked")
            var node = (Map<String, Number>) page.evaluate(
                    "label => window.scopeGraph.renderedNodes().find(n => n.label === label)", label);
            page.mouse().click(box.x + node.get("x").doubleValue(), box.y + node.get("y").doubleValue());
            return card.count() > 0 && card.locator("h2").textContent().equals(label);
        });
        return card;
    }

    private String runBusybox(String name) {
        String id = docker.createContainerCmd("local/busybox").withName(name)
                .withLabels(Map.of(LABEL, "true"))
                .withCmd("sleep", "100000")
                .withHostConfig(HostConfig.newHostConfig().withInit(true))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    private void removeOurContainers() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, "true")).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }
}
