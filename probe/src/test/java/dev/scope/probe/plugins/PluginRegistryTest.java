package dev.scope.probe.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.TestFiles;
import dev.scope.report.Node;
import dev.scope.report.PluginSpec;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {
    @TempDir
    Path root;
    private Vertx vertx;
    private final List<Process> plugins = new ArrayList<>();
    private Path script;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        script = root.resolve("plugin.py");
        Files.write(script, TestFiles.bytes("plugins/plugin.py"));
    }

    @AfterEach
    void tearDown() throws Exception {
        plugins.forEach(Process::destroyForcibly);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private Path startPlugin(String relative, String mode) throws Exception {
        Path sock = root.resolve(relative);
        Files.createDirectories(sock.getParent());
        plugins.add(new ProcessBuilder("python3", script.toString(), sock.toString(), mode).inheritIO().start());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(sock));
        return sock;
    }

    @Test
    void mergesAPluginsReportAndForwardsItsControls() throws Exception {
        startPlugin("nested/counter.sock", "ok");
        ControlRegistry controls = new ControlRegistry(false);
        try (PluginRegistry registry = new PluginRegistry(vertx, root, controls)) {
            registry.scan();
            Report r = registry.report();
            PluginSpec spec = r.plugins().get("counter");
            assertThat(spec).isNotNull();
            assertThat(spec.status()).isEqualTo("ok");
            assertThat(spec.interfaces()).containsExactly("reporter", "controller");
            Node host = r.topology(TopologyId.HOST).nodes().get("testhost;<host>");
            assertThat(host.latestValue("plugin_says")).isEqualTo("hello");
            assertThat(host.metrics().get("things").lastValue()).isEqualTo(7.0);
            assertThat(r.topology(TopologyId.HOST).metricTemplates().get("things").label()).isEqualTo("Things");

            ControlResponse poked = controls.handle(new ControlRequest("app1", "testhost;<host>", "plugin_poke", Map.of()));
            assertThat(poked.error()).isNull();
            assertThat(poked.value()).isEqualTo("poked testhost;<host> for app1");
        }
    }

    @Test
    void reportsBrokenAndSlowPluginsWithAnErrorStatusWithoutFailing() throws Exception {
        startPlugin("garbage.sock", "garbage");
        startPlugin("slow.sock", "slow");
        startPlugin("fine.sock", "ok");
        try (PluginRegistry registry = new PluginRegistry(vertx, root, new ControlRegistry(false))) {
            registry.scan();
            Report r = registry.report();
            assertThat(r.plugins().get("garbage").status()).startsWith("error:");
            assertThat(r.plugins().get("slow").status()).startsWith("error:").contains("500");
            assertThat(r.plugins().get("fine").status()).isEqualTo("ok");
        }
    }

    @Test
    void forgetsPluginsWhoseSocketIsGone() throws Exception {
        Path sock = startPlugin("gone.sock", "ok");
        ControlRegistry controls = new ControlRegistry(false);
        try (PluginRegistry registry = new PluginRegistry(vertx, root, controls)) {
            registry.scan();
            await().atMost(Duration.ofSeconds(10)).until(() -> "ok".equals(registry.report().plugins().get("gone").status()));
            assertThat(controls.controlIds()).contains("plugin_poke");
            plugins.getFirst().destroyForcibly().waitFor();
            Files.deleteIfExists(sock);
            registry.scan();
            assertThat(registry.pluginCount()).isZero();
            assertThat(controls.controlIds()).doesNotContain("plugin_poke");
            assertThat(registry.report().plugins().isEmpty()).isTrue();
        }
    }

    @Test
    void aMissingPluginsFolderIsNotAnError() {
        try (PluginRegistry registry = new PluginRegistry(vertx, root.resolve("absent"), new ControlRegistry(false))) {
            registry.scan();
            assertThat(registry.report().plugins().isEmpty()).isTrue();
        }
    }
}
