package dev.scope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** scope launch refuses meaningless combinations before starting anything. */
class LaunchOptionsTest {
    @Test
    void serviceModeNeedsItsToken() {
        assertThat(System.getenv("SCOPE_PROBE_TOKEN")).as("a token in the environment would change this test").isNull();
        assertThat(ScopeCommand.commandLine().execute("launch", "--service-url", "https://scope.example.com")).isEqualTo(2);
    }

    @Test
    void probeOnlyNeedsAnApp() {
        assertThat(ScopeCommand.commandLine().execute("launch", "--no-app")).isEqualTo(2);
    }

    @Test
    void probeOpsListenOnLoopbackOnly() {
        assertThat(ScopeCommand.commandLine().execute("probe", "--probe.http.listen", "0.0.0.0:4041")).isEqualTo(2);
        assertThat(ScopeCommand.commandLine().execute("launch", "--probe.http.listen", "10.1.2.3:4041")).isEqualTo(2);
    }

    @Test
    void stopAndLaunchContainerOptionsAreKnown() {
        StringWriter err = new StringWriter();
        CommandLine cli = ScopeCommand.commandLine().setErr(new PrintWriter(err));
        cli.parseArgs("launch", "--container", "--no-privileged", "--image", "scope:x", "--docker-host", "unix:///x.sock",
                "--container-name", "s", "peer:4040");
        cli.parseArgs("stop", "--docker-host", "unix:///x.sock", "--container-name", "s");
        assertThat(err.toString()).isEmpty();
    }
}
