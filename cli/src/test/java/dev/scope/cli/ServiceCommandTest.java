package dev.scope.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

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
}
