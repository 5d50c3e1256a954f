package dev.scope.cli;

import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ScopeProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scope launch [PEER ...]}: an app and a probe on this host, the probe reporting to the
 * local app and to every peer app named, as Weave Scope's {@code scope launch} does.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Run an app and a probe on this host; open http://localhost:4040.",
                "Peers (host[:port]) are further apps the probe reports to: scope launch --no-app HOST joins an app elsewhere.",
                "With --container, run them in the Scope image on the local Docker engine instead of this JVM."})
final class LaunchCommand implements Callable<Integer> {
    @Mixin
    Logging logging = new Logging();

    @Mixin
    AppOptions app = new AppOptions();

    @Mixin
    ProbeOptions probe = new ProbeOptions();

    @Option(names = "--no-app", description = "Run only the probe, reporting to the peers.")
    boolean noApp;

    @Option(names = "--no-probe", description = "Run only the app.")
    boolean noProbe;

    @Option(names = "--service-url", paramLabel = "URL",
            description = "Report to Scope as a Service at URL (with --service-token) instead of running an app. Also read from SCOPE_SERVICE_URL.")
    String serviceUrl = System.getenv("SCOPE_SERVICE_URL");

    @Option(names = "--container", description = "Run in a container on the local Docker engine (stop it with scope stop).")
    boolean container;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Image for --container (default scope:VERSION).")
    String image = "scope:" + ScopeVersion.get();

    @Option(names = "--docker-host", paramLabel = "URL", description = "Docker engine for --container (default DOCKER_HOST or unix:///var/run/docker.sock).")
    String dockerHost = ContainerLauncher.defaultDockerHost();

    @Option(names = "--container-name", paramLabel = "NAME", description = "Name of the container (default scope).")
    String containerName = ContainerLauncher.DEFAULT_NAME;

    @Option(names = "--privileged", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the container privileged, as Weave Scope does (default). --no-privileged grants only "
                    + "SYS_PTRACE, SYS_ADMIN and NET_ADMIN.")
    boolean privileged = true;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PEER", arity = "0..*", description = "Other apps to report to.")
    List<String> peers = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        if (container) return launchContainer();
        try {
            ProbeOps.check(probe.httpListen);
        } catch (IllegalArgumentException e) {
            System.err.println("scope: --probe.http.listen: " + e.getMessage());
            return 2;
        }
        if (serviceUrl != null && !serviceUrl.isBlank()) {
            if (probe.token == null || probe.token.isBlank()) {
                System.err.println("scope launch --service-url needs --service-token (or SCOPE_PROBE_TOKEN)");
                return 2;
            }
            noApp = true;
            peers.addFirst(serviceUrl);
        }
        if (noApp && peers.isEmpty()) {
            System.err.println("scope launch --no-app needs at least one app to report to");
            return 2;
        }
        List<AutoCloseable> running = new ArrayList<>();
        List<String> targets = new ArrayList<>(peers);
        try {
            if (!noApp) {
                AppConfig config = app.toConfig();
                ScopeApp started = ScopeApp.start(config);
                running.add(started::close);
                targets.addFirst(Urls.loopbackTarget(config, started.port()));
                System.err.println("Scope app listening on " + Urls.of(config, started.port()));
            }
            if (!noProbe) {
                ProbeOps ops = new ProbeOps();
                running.add(ops::close);
                ProbeConfig config = probe.toConfig(targets, app.token);
                ScopeProbe started = ScopeProbe.start(config, ops.metrics());
                running.add(started::close);
                ops.serve(probe.httpListen, started, config.token());
                System.err.println("Scope probe reporting to " + String.join(", ", targets));
            }
        } catch (RuntimeException e) {
            for (AutoCloseable c : running.reversed()) c.close();
            throw e;
        }
        return Processes.runUntilStopped(() -> {
            for (AutoCloseable c : running.reversed()) c.close();
        });
    }

    private int launchContainer() throws Exception {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int launch = original.indexOf("launch");
        ContainerArgs args = ContainerArgs.from(original.subList(launch + 1, original.size()));
        try (ContainerLauncher docker = new ContainerLauncher(dockerHost)) {
            String id = docker.launch(new ContainerLauncher.Spec(image, containerName, privileged, args));
            System.err.println("Scope container " + containerName + " (" + id.substring(0, 12) + ") started from " + image);
            if (noApp || serviceUrl != null) return 0;
            AppConfig config = app.toConfig();
            // The container shares the host's network: the app is where --listen put it, loopback for a wildcard.
            String host = config.host();
            String reach = host.equals("0.0.0.0") || host.equals("::") ? Urls.loopbackTarget(config, config.port())
                    : (config.tls() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.port();
            if (AppReadiness.await(reach, app.token, Duration.ofSeconds(90),
                    () -> docker.running(containerName))) {
                System.err.println("Scope is reachable at " + Urls.of(config, config.port()));
                return 0;
            }
            System.err.println("the Scope container did not answer; its last log lines:\n" + docker.logs(containerName));
            return 1;
        } catch (RuntimeException e) {
            System.err.println("scope launch --container: " + StopCommand.rootMessage(e));
            return 1;
        }
    }
}
