package dev.scope.probe.containerd;

import dev.scope.probe.ProbeContext;
import dev.scope.probe.ProbeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs containerd into the probe (beyond Weave Scope, which only listed CRI containers): so a Kubernetes node
 * without Docker shows its containers, and they can be paused and stopped. Uses {@code SCOPE_CONTAINERD_ADDRESS}
 * (default {@code /run/containerd/containerd.sock}); does nothing, quietly, when that socket does not exist.
 * {@code SCOPE_CONTAINERD_NAMESPACES} (comma-separated) limits the namespaces; by default all but {@code moby}.
 */
public final class ContainerdModule implements ProbeModule {
    private static final Logger log = LoggerFactory.getLogger(ContainerdModule.class);
    static final Path DEFAULT_SOCKET = Path.of("/run/containerd/containerd.sock");

    private final Map<String, String> env;
    private final Duration stopGrace;
    private ContainerdClient client;

    public ContainerdModule() {
        this(System.getenv(), Duration.ofSeconds(10));
    }

    /** A module configured from the given environment, giving stopped tasks {@code stopGrace} before SIGKILL (tests). */
    ContainerdModule(Map<String, String> env, Duration stopGrace) {
        this.env = env;
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return "containerd";
    }

    @Override
    public void install(ProbeContext context) {
        String address = env.get("SCOPE_CONTAINERD_ADDRESS");
        Path socket = address == null || address.isBlank() ? DEFAULT_SOCKET : Path.of(address.replaceFirst("^unix://", ""));
        if (!Files.exists(socket)) {
            log.debug("containerd: no socket at {}; not watching containerd", socket);
            return;
        }
        Set<String> only = Arrays.stream(env.getOrDefault("SCOPE_CONTAINERD_NAMESPACES", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        client = new ContainerdClient(socket, Duration.ofSeconds(5));
        ContainerdReporter reporter = new ContainerdReporter(client, ContainerdReporter.namespaceFilter(only),
                context.controls().readOnly() ? null : context.probeId());
        context.reporters().add(reporter);
        context.reporters().add(new ContainerdTagger(reporter::containerByInitPid));
        new ContainerdControls(client, reporter, stopGrace).handlers().forEach(context.controls()::register);
        log.info("containerd: watching {}{}", socket, only.isEmpty() ? " (all namespaces but moby)" : " (namespaces " + only + ")");
    }

    @Override
    public void close() {
        if (client != null) client.close();
    }
}
