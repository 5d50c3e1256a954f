package dev.scope.app;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RawReportCensorTest {
    private final Report report = Report.builder()
            .node(TopologyId.PROCESS, Node.builder("h;1", "process").latest("cmdline", "/bin/app --password hunter2", 5).build())
            .node(TopologyId.CONTAINER, Node.builder("c1;<container>", "container")
                    .latest("docker_container_command", "sleep 100000", 5)
                    .latest("docker_env_SECRET", "hunter2", 5)
                    .latest("docker_container_name", "web", 5).build())
            .build();

    @Test
    void stripsCommandArgumentsWhenAsked() {
        Report censored = RawReportCensor.censor(report, Map.of("hideCommandLineArguments", "true"));

        assertThat(censored.topology(TopologyId.PROCESS).nodes().get("h;1").latestValue("cmdline")).isEqualTo("/bin/app");
        assertThat(censored.topology(TopologyId.CONTAINER).nodes().get("c1;<container>").latestValue("docker_container_command")).isEqualTo("sleep");
        assertThat(censored.topology(TopologyId.CONTAINER).nodes().get("c1;<container>").latestValue("docker_env_SECRET")).isEqualTo("hunter2");
    }

    @Test
    void dropsEnvironmentVariablesWhenAsked() {
        Report censored = RawReportCensor.censor(report, Map.of("hideEnvironmentVariables", "true"));

        Node container = censored.topology(TopologyId.CONTAINER).nodes().get("c1;<container>");
        assertThat(container.latestValue("docker_env_SECRET")).isNull();
        assertThat(container.latestValue("docker_container_name")).isEqualTo("web");
        assertThat(censored.topology(TopologyId.PROCESS).nodes().get("h;1").latestValue("cmdline")).contains("hunter2");
    }

    @Test
    void leavesTheReportAloneOtherwise() {
        assertThat(RawReportCensor.censor(report, Map.of("hideCommandLineArguments", "false"))).isSameAs(report);
    }
}
