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
            // the full report sent on finding the app comes first; the shortcut needs no publish tick
            assertThat(app.nextReport(30).report().shortcut()).isFalse();
            probe.shortcuts().publish(Report.builder().node(TopologyId.HOST, Node.builder("testhost;<host>", "host").build()).build());
            FakeApp.Received r = app.nextReport(30);
            assertThat(r).isNotNull();
            assertThat(r.report().shortcut()).isTrue();
            assertThat(r.report().topology(TopologyId.HOST).nodes().get("testhost;<host>").latestValue("host_node_id"))
                    .isEqualTo("testhost;<host>");
        }
    }

    @Test
    void publishesAsSoonAsItFindsTheAppInsteadOfAtTheNextTick() throws Exception {
        try (FakeApp app = new FakeApp("app-4");
             ScopeProbe probe = ScopeProbe.start(config(app).withIntervals(Duration.ofMillis(200), Duration.ofHours(1)))) {
            // with an hour between publish ticks, only the publish on finding the app can arrive
            FakeApp.Received first = app.nextReport(30);
            assertThat(first).as("a report soon after the app was found").isNotNull();
            assertThat(first.report().shortcut()).isFalse();
            assertThat(first.report().topology(TopologyId.HOST).nodes().get("testhost;<host>")).isNotNull();
        }
    }

    @Test
    void findsAnAppThatStartsAfterTheProbeWithoutWaitingForTheResolveInterval() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProbeConfig cfg = ProbeConfig.defaults(List.of("127.0.0.1:" + port)).withHostname("testhost")
                .withIntervals(Duration.ofMillis(200), Duration.ofHours(1)).withPluginsRoot(null)
                .withModules(List.of(), false).withResolveInterval(Duration.ofHours(1));
        try (ScopeProbe probe = ScopeProbe.start(cfg)) {
            Thread.sleep(1500); // lets the first resolve fail (not an assertion: the test passes either way)
            try (FakeApp app = new FakeApp("app-late", port)) {
                // the first resolve failed; an hour-long resolve interval would hide the app for an hour
                FakeApp.Received first = app.nextReport(60);
                assertThat(first).as("a report once the late app is up").isNotNull();
                assertThat(probe.appIds()).containsExactly("app-late");
            }
        }
    }

    @Test
    void whenTheAddressInUseStopsAnsweringAnotherAddressOfTheSameAppTakesOver() throws Exception {
        // two gateways of one service answer the same app id; the probe uses one, and the other once it dies
        FakeApp second = new FakeApp("service-app");
        try (FakeApp first = new FakeApp("service-app")) {
            ProbeConfig cfg = ProbeConfig.defaults(List.of(first.address(), second.address())).withHostname("testhost")
                    .withIntervals(Duration.ofMillis(200), Duration.ofMillis(300)).withPluginsRoot(null)
                    .withModules(List.of(), false).withResolveInterval(Duration.ofMillis(500));
            try (ScopeProbe probe = ScopeProbe.start(cfg)) {
                assertThat(first.nextReport(30)).as("reports reach the first address").isNotNull();
                assertThat(first.controlSockets.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
                first.close(); // the gateway dies
                second.reports.clear();
                FakeApp.Received r = second.nextReport(60);
                assertThat(r).as("reports reach the other address of the same app").isNotNull();
                assertThat(second.controlSockets.poll(60, java.util.concurrent.TimeUnit.SECONDS))
                        .as("the control connection moves too").isNotNull();
                assertThat(probe.appIds()).containsExactly("service-app");
            }
        } finally {
            second.close();
        }
    }
}
