package dev.scope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scope}: the one launcher for every Scope process. */
@Command(name = "scope",
        mixinStandardHelpOptions = true,
        versionProvider = ScopeVersion.class,
        description = "Live maps of hosts, containers, processes and their connections.",
        subcommands = {LaunchCommand.class, StopCommand.class, AppCommand.class, ProbeCommand.class, ServiceCommand.class, VersionCommand.class})
public final class ScopeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new ScopeCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
