package dev.scope.probe.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessReporterTest {
    private Process child;

    @AfterEach
    void stopChild() {
        if (child != null) child.destroyForcibly();
    }

    @Test
    void findsASpawnedProcessWithItsParentCommandAndMetrics() throws Exception {
        child = new ProcessBuilder("sleep", "30").start();
        ProcessWalker walker = new ProcessWalker(Path.of("/proc"), false);
        ProcessReporter reporter = new ProcessReporter("h", walker::snapshot, false);
        walker.walk();
        reporter.report();
        walker.walk();
        Report r = reporter.report();
        Node node = r.topology(TopologyId.PROCESS).nodes().get("h;" + child.pid());
        assertThat(node).isNotNull();
        assertThat(node.topology()).isEqualTo("process");
        assertThat(node.latestValue("pid")).isEqualTo(Long.toString(child.pid()));
        assertThat(node.latestValue("ppid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(node.latestValue("name")).isEqualTo("sleep");
        assertThat(node.latestValue("cmdline")).isEqualTo("sleep 30 ");
        assertThat(node.latestValue("threads")).isEqualTo("1");
        assertThat(node.metrics().get("process_memory_usage_bytes").lastValue()).isPositive();
        assertThat(node.metrics().get("open_files_count").lastValue()).isGreaterThanOrEqualTo(3);
        assertThat(node.metrics().get("process_cpu_usage_percent").max())
                .isEqualTo(100.0 * Runtime.getRuntime().availableProcessors());
        assertThat(r.topology(TopologyId.PROCESS).metadataTemplates().get("cmdline").label()).isEqualTo("Command");
    }

    @Test
    void kernelThreadsGetBracketedNamesAndNoCommand() {
        ProcessWalker walker = new ProcessWalker(Path.of("/proc"), false);
        walker.walk();
        Node kthreadd = new ProcessReporter("h", walker::snapshot, false).report()
                .topology(TopologyId.PROCESS).nodes().get("h;2");
        assertThat(kthreadd.latestValue("name")).isEqualTo("[kthreadd]");
        assertThat(kthreadd.latestValue("cmdline")).isNull();
        assertThat(kthreadd.latestValue("ppid")).isNull();
    }

    @Test
    void omitsArgumentsWhenAsked() throws Exception {
        child = new ProcessBuilder("sleep", "31").start();
        ProcessWalker walker = new ProcessWalker(Path.of("/proc"), false);
        walker.walk();
        Node node = new ProcessReporter("h", walker::snapshot, true).report()
                .topology(TopologyId.PROCESS).nodes().get("h;" + child.pid());
        assertThat(node.latestValue("cmdline")).isEqualTo("sleep");
    }

    @Test
    void exposesNetworkNamespaceAndSocketOwners() throws Exception {
        try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ProcessWalker walker = new ProcessWalker(Path.of("/proc"), true);
            ProcessSnapshot s = walker.walk();
            int me = (int) ProcessHandle.current().pid();
            ProcessInfo self = s.processes().get(me);
            assertThat(self.netNamespace()).isPositive();
            assertThat(s.namespacePids()).containsKey(self.netNamespace());
            assertThat(s.socketOwners()).containsValue(me);
            assertThat(s.containerOf(me)).isNull();
        }
    }

    @Test
    void parsesStatWithParenthesesInTheName() {
        byte[] stat = "42 (a (weird) name) S 7 42 42 0 -1 4194560 100 0 0 0 11 5 0 0 20 0 3 0 1234 1000 250 18446744073709551615\n".getBytes();
        ProcStat s = ProcStat.parse(stat, stat.length);
        assertThat(s.comm()).isEqualTo("a (weird) name");
        assertThat(s.ppid()).isEqualTo(7);
        assertThat(s.jiffies()).isEqualTo(16);
        assertThat(s.threads()).isEqualTo(3);
        assertThat(s.startTime()).isEqualTo(1234);
        assertThat(s.rssPages()).isEqualTo(250);
    }
}
