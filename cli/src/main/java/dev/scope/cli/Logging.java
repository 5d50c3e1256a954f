package dev.scope.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: must be applied before the first logger is created. */
final class Logging {
    @Option(names = "--debug", description = "Log at debug level.")
    boolean debug;

    void apply() {
        System.setProperty("scope.log.level", debug ? "DEBUG" : "INFO");
    }
}
