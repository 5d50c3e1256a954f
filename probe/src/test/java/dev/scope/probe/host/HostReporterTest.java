package dev.scope.probe.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostReporterTest {
    private final Path proc = Path.of("/proc");

    private HostReporter reporter(boolean controls) {
        return new HostReporter(proc, "testhost", "probe-1", "1.2.3", controls, () -> List.of("127.0.0.1/8", "10.0.0.5/24"));
    }

    @Test
    void reportsTheHostNodeWithWeaveScopeIdsAndKeys() throws Exception {
        Report r = reporter(true).report();
        Topology host = r.topology(TopologyId.HOST);
        Node node = host.nodes().get("testhost;<host>");
        assertThat(node).isNotNull();
        assertThat(node.topology()).isEqualTo("host");
        assertThat(node.latestValue("host_name")).isEqualTo("testhost");
        assertThat(node.latestValue("os")).isEqualTo("linux");
        assertThat(node.latestValue("host_scope_version")).isEqualTo("1.2.3");
        assertThat(node.latestValue("kernel_version")).startsWith(System.getProperty("os.version").split("-")[0]);
        assertThat(Long.parseLong(node.latestValue("uptime"))).isPositive();
        assertThat(node.latestValue("control_probe_id")).isEqualTo("probe-1");
        assertThat(node.latestValue("active_controls")).isEqualTo("host_exec");
        assertThat(node.latestValue("ts")).endsWith("Z");
        assertThat(node.set("local_networks")).containsExactly("10.0.0.5/24", "127.0.0.1/8");
    }

    @Test
    void carriesTemplatesAndTheExecControl() throws Exception {
        Topology host = reporter(true).report().topology(TopologyId.HOST);
        assertThat(host.shape()).isEqualTo("circle");
        assertThat(host.label()).isEqualTo("host");
        assertThat(host.controls().get("host_exec").human()).isEqualTo("Exec shell");
        assertThat(host.controls().get("host_exec").icon()).isEqualTo("fa fa-terminal");
        assertThat(host.metadataTemplates().get("uptime").dataType()).isEqualTo("duration");
        assertThat(host.metadataTemplates().get("local_networks").from()).isEqualTo("sets");
        assertThat(host.metricTemplates().get("load1").group()).isEqualTo("load");
        assertThat(host.metricTemplates().get("host_mem_usage_bytes").format()).isEqualTo("filesize");
    }

    @Test
    void measuresCpuMemoryAndLoad() throws Exception {
        HostReporter reporter = reporter(true);
        Thread.sleep(50);
        Node node = reporter.report().topology(TopologyId.HOST).nodes().get("testhost;<host>");
        Metric cpu = node.metrics().get("host_cpu_usage_percent");
        assertThat(cpu.lastValue()).isBetween(0.0, 100.0);
        assertThat(cpu.max()).isEqualTo(100.0);
        Metric mem = node.metrics().get("host_mem_usage_bytes");
        assertThat(mem.lastValue()).isPositive();
        assertThat(mem.max()).isGreaterThan(mem.lastValue());
        assertThat(node.metrics().get("load1").lastValue()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void readOnlyProbesAdvertiseNoControls() throws Exception {
        Report r = reporter(false).report();
        Node node = r.topology(TopologyId.HOST).nodes().get("testhost;<host>");
        assertThat(r.topology(TopologyId.HOST).controls().isEmpty()).isTrue();
        assertThat(node.latestValue("active_controls")).isNull();
    }

    @Test
    void parsesMeminfoAsWeaveScope() {
        MemInfo m = MemInfo.parse("MemTotal:       1000 kB\nMemFree:         100 kB\nBuffers:          50 kB\nCached:          250 kB\nSwapCached: 0 kB\n");
        assertThat(m.totalBytes()).isEqualTo(1000 * 1024);
        assertThat(m.usedBytes()).isEqualTo(600 * 1024);
    }

    @Test
    void computesBusyPercentFromProcStat() {
        CpuTimes a = CpuTimes.parse("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3\n");
        CpuTimes b = CpuTimes.parse("cpu  150 0 150 800 100 0 0 0 0 0\n");
        assertThat(b.busyPercentSince(a)).isEqualTo(50.0);
    }

    @Test
    void findsLoopbackAmongLocalNetworks() {
        assertThat(LocalNetworks.find()).contains("127.0.0.1/8");
    }
}
