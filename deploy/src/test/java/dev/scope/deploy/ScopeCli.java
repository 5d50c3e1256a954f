package dev.scope.deploy;

import dev.scope.cli.ScopeCommand;
import java.util.List;
import picocli.CommandLine;

/** The real {@code scope} command line, to check that what the deployment files run is a valid command. */
final class ScopeCli {
    private ScopeCli() {
    }

    /** Parses like {@code scope ARGS} would; throws picocli's ParameterException on an unknown option or command. */
    static CommandLine.ParseResult parse(List<String> args) {
        return new CommandLine(new ScopeCommand()).parseArgs(args.toArray(String[]::new));
    }

    static boolean hasCommand(String name) {
        return new CommandLine(new ScopeCommand()).getSubcommands().containsKey(name);
    }

    /** The innermost subcommand a command line runs, e.g. "probe" or "gateway". */
    static String command(List<String> args) {
        CommandLine.ParseResult r = parse(args);
        while (r.hasSubcommand()) r = r.subcommand();
        return r.commandSpec().name();
    }
}
