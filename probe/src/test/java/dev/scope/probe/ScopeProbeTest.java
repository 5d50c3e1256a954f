package dev.scope.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeProbeTest {
    private static ProbeConfig config(FakeApp app) {
        return ProbeConfig.defaults(List.of(app.address()))
                .withProbeId("probe-under-test")
                .withHostname("testhost")
                .withIntervals(Duration.ofMillis(200), Duration.ofMillis(600))
                .withPluginsRoot(null)
                .withModules(List.of(), false);
    }

    @Test
    void publishesGzipMsgpackReportsWithWeaveScopeHeaders() throws Exception {
        try (FakeApp app = new FakeApp("app-1");
             ScopeProbe probe = ScopeProbe.start(config(app).withToken("s3cret"))) {
            FakeApp.Received first = app.nextReport(15);
            assertThat(first).as("a report within 15 s").isNotNull();
            assertThat(first.headers().get("Content-Type")).isEqualTo("application/msgpack");
            assertThat(first.headers().get("Content-Encoding")).isEqualTo("gzip");
            assertThat(first.headers().get("X-Scope-Probe-ID")).isEqualTo("probe-under-test");
            assertThat(first.headers().get("X-Scope-Probe-Version")).isEqualTo(ProbeVersion.get());
            assertThat(first.headers().get("User-Agent")).isEqualTo("Scope_Probe/" + ProbeVersion.get());
            assertThat(first.headers().get("Authorization")).isEqualTo("Scope-Probe token=s3cret");

            Report r = first.report();
            Node host = r.topology(TopologyId.HOST).nodes().get("testhost;<host>");
            assertThat(host).isNotNull();
            assertThat(host.latestValue("host_node_id")).isEqualTo("testhost;<host>");
            assertThat(host.parentIds("host")).containsExactly("testhost;<host>");
            Node me = r.topology(TopologyId.PROCESS).nodes().get("testhost;" + ProcessHandle.current().pid());
            assertThat(me).isNotNull();
            assertThat(me.parentIds("host")).containsExactly("testhost;<host>");
            assertThat(r.topology(TopologyId.PROCESS).shape()).isEqualTo("square");
            assertThat(r.window()).isPositive();
            assertThat(probe.appIds()).containsExactly("app-1");
        }
    }

    @Test
    void sendsSmallerReportsBetweenFullOnes() throws Exception {
        try (FakeApp app = new FakeApp("app-2"); ScopeProbe probe = ScopeProbe.start(config(app))) {
            Report full = app.nextReport(15).report();
            Report delta = app.nextReport(15).report();
            String kthreadd = "testhost;2";
            assertThat(full.topology(TopologyId.PROCESS).nodes().get(kthreadd).latestValue("name")).isEqualTo("[kthreadd]");
            Node small = delta.topology(TopologyId.PROCESS).nodes().get(kthreadd);
            // unchanged metadata is left out, the new metric samples are sent
            assertThat(small.latest().isEmpty()).isTrue();
            assertThat(small.metrics().isEmpty()).isFalse();
        }
    }

    @Test
    void keepsRetryingAnAppThatIsNotThereYet() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProbeConfig cfg = ProbeConfig.defaults(List.of("127.0.0.1:" + port)).withHostname("testhost")
                .withIntervals(Duration.ofMillis(200), Duration.ofMillis(600)).withPluginsRoot(null)
                .withModules(List.of(), false).withResolveInterval(Duration.ofMillis(300));
        try (ScopeProbe probe = ScopeProbe.start(cfg)) {
            Thread.sleep(500);
            assertThat(probe.appIds()).isEmpty();
        }
    }

    @Test
    void shortcutReportsGoOutAtOnceMarkedAsShortcuts() throws Exception {
        try (FakeApp app = new FakeApp("app-3");
             ScopeProbe probe = ScopeProbe.start(config(app).withIntervals(Duration.ofMillis(200), Duration.ofSeconds(30)))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !probe.appIds().isEmpty());
            probe.shortcuts().publish(Report.builder().node(TopologyId.HOST, Node.builder("testhost;<host>", "host").build()).build());
            FakeApp.Received r = app.nextReport(10);
            assertThat(r).isNotNull();
            assertThat(r.report().shortcut()).isTrue();
            assertThat(r.report().topology(TopologyId.HOST).nodes().get("testhost;<host>").latestValue("host_node_id"))
                    .isEqualTo("testhost;<host>");
        }
    }
}
