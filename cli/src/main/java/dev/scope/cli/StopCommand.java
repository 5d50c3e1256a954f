package dev.scope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scope stop}: stops and removes the container that {@code scope launch --container} started. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the Scope container started by scope launch --container.")
final class StopCommand implements Callable<Integer> {
    @Option(names = "--docker-host", paramLabel = "URL", description = "Docker engine (default DOCKER_HOST or unix:///var/run/docker.sock).")
    String dockerHost = ContainerLauncher.defaultDockerHost();

    @Option(names = "--container-name", paramLabel = "NAME", description = "Name of the container (default scope).")
    String name = ContainerLauncher.DEFAULT_NAME;

    @Override
    public Integer call() throws Exception {
        try (ContainerLauncher docker = new ContainerLauncher(dockerHost)) {
            if (docker.stop(name)) {
                System.err.println("Scope container " + name + " stopped");
            } else {
                System.err.println("no Scope container named " + name);
            }
            return 0;
        } catch (RuntimeException e) {
            // Most often no engine runs at all: say where we looked, and that a foreground launch stops otherwise.
            System.err.println("scope stop: cannot reach the Docker engine at " + dockerHost + " (" + rootMessage(e)
                    + "); scope stop removes the container of `scope launch --container`; a `scope launch` in the "
                    + "foreground stops with Ctrl-C");
            return 1;
        }
    }

    static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
