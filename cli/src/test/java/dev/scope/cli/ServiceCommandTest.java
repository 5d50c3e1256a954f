package dev.scope.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code scope service}: every component is a subcommand, and a missing database is a clear error. */
class ServiceCommandTest {
    @Test
    void listsEveryComponent() {
        StringWriter out = new StringWriter();
        CommandLine cli = ScopeCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("service", "--help")).isZero();
        assertThat(out.toString()).contains("gateway", "users", "collection", "query", "control", "pipe", "all");
    }

    @Test
    void refusesToStartWithoutADatabase() {
        StringWriter err = new StringWriter();
        CommandLine cli = ScopeCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("service", "collection", "--db-url", "");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("SCOPE_DB_URL");
    }

    @Test
    void controlAndPipeTakeTheirTimeoutAndReplicaTtl() {
        ServiceCommand.Control control = new ServiceCommand.Control();
        new CommandLine(control).parseArgs("--control-timeout", "2.5", "--replica-ttl", "30");
        assertThat(control.settings().controlTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(control.settings().replica().ttl()).isEqualTo(Duration.ofSeconds(30));
        ServiceCommand.Control defaults = new ServiceCommand.Control();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.settings().controlTimeout()).isEqualTo(Duration.ofSeconds(10));

        ServiceCommand.Pipe pipe = new ServiceCommand.Pipe();
        new CommandLine(pipe).parseArgs("--replica-ttl", "5", "--listen", ":4999", "--advertise-url", "http://pipe-0.pipe:4999/");
        assertThat(pipe.settings().replica().ttl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(pipe.settings().replica().host()).isEqualTo("0.0.0.0");
        assertThat(pipe.settings().replica().port()).isEqualTo(4999);
        assertThat(pipe.settings().replica().internalUrl(4999)).isEqualTo("http://pipe-0.pipe:4999");
        ServiceCommand.Pipe pipeDefaults = new ServiceCommand.Pipe();
        new CommandLine(pipeDefaults).parseArgs();
        assertThat(pipeDefaults.settings().replica().port()).isEqualTo(4051);

        ServiceCommand.Control bad = new ServiceCommand.Control();
        new CommandLine(bad).parseArgs("--control-timeout", "0");
        assertThatThrownBy(bad::settings).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seconds");
    }

    @Test
    void eachComponentNamesItsDatabasePoolAfterItsSubcommand() {
        CommandLine service = ScopeCommand.commandLine().getSubcommands().get("service");
        for (String name : new String[] {"gateway", "users", "collection", "query", "control", "pipe", "all"}) {
            ServiceCommand.Component component = service.getSubcommands().get(name).getCommand();
            assertThat(component.name()).isEqualTo(name);
        }
    }

    @Test
    void standAloneUsersTrustsForwardedForOnlyWhenAsked() {
        ServiceCommand.Users off = new ServiceCommand.Users();
        new CommandLine(off).parseArgs();
        assertThat(off.settings().trustForwardedFor()).isFalse();
        ServiceCommand.Users on = new ServiceCommand.Users();
        new CommandLine(on).parseArgs("--trust-forwarded-for");
        assertThat(on.settings().trustForwardedFor()).isTrue();
    }
}
