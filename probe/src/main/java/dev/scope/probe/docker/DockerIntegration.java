package dev.scope.probe.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.scope.probe.ControlHandler;
import dev.scope.probe.Reporter;
import dev.scope.probe.ProbePipes;
import dev.scope.probe.ShortcutSink;
import dev.scope.probe.Tagger;
import dev.scope.probe.process.ProcessSnapshot;
import dev.scope.report.Metric;
import dev.scope.report.StringMap;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker in the probe: one object that keeps a view of the engine and gives the probe a {@link Reporter}, a
 * {@link Tagger} and the Docker {@link ControlHandler}s by control id. Container changes publish a shortcut
 * report at once. One background thread refreshes and samples stats; docker-java adds one for the event stream
 * and one per open exec, attach or log pipe.
 *
 * <pre>{@code
 * DockerIntegration docker = DockerIntegration.start(DockerConfig.defaults(hostId, probeId), shortcuts, pipes);
 * reporters.add(docker.reporter()); reporters.add(docker.tagger());
 * docker.controls().forEach(controlRegistry::register);
 * }</pre>
 */
public final class DockerIntegration implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DockerIntegration.class);

    private final DockerConfig config;
    private final DockerHttpClient http;
    private final DockerClient client;
    private final DockerRegistry registry;
    private final StatsPoller stats;
    private final DockerReporter reporter;
    private final DockerTagger tagger;
    private final Map<String, ControlHandler> controls;
    private final ScheduledExecutorService background;
    /** Warn once when the engine is away, not every refresh. */
    private volatile boolean warned;

    private DockerIntegration(DockerConfig config, ShortcutSink shortcuts, ProbePipes pipes,
                              Supplier<ProcessSnapshot> processes) {
        this.config = config;
        this.http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(config.dockerHost()))
                .connectionTimeout(Duration.ofSeconds(5))
                .maxConnections(64)
                .build();
        this.client = DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(config.dockerHost()).build(), http);
        this.stats = new StatsPoller(http);
        DockerReporter[] self = new DockerReporter[1];
        this.registry = new DockerRegistry(client, (id, inspected) -> shortcuts.publish(self[0].shortcut(id, inspected)));
        this.reporter = new DockerReporter(registry, this::metricsOf, config);
        self[0] = reporter;
        this.tagger = new DockerTagger(config.procRoot(), processes, registry::container);
        Map<String, ControlHandler> all = new HashMap<>(LifecycleControls.of(client));
        all.putAll(new PipeControls(client, pipes).handlers());
        this.controls = Map.copyOf(all);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scope-docker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to the engine and starts following it. When the engine does not answer yet, the reporter
     * reports nothing and the connection is retried every refresh interval.
     */
    public static DockerIntegration start(DockerConfig config, ShortcutSink shortcuts, ProbePipes pipes) {
        return start(config, shortcuts, pipes, () -> ProcessSnapshot.EMPTY);
    }

    /**
     * As {@link #start(DockerConfig, ShortcutSink, ProbePipes)}, with the probe's process walks, whose container
     * ids (from each process's cgroups) the tagger uses instead of reading the cgroup files again.
     */
    public static DockerIntegration start(DockerConfig config, ShortcutSink shortcuts, ProbePipes pipes,
                                          Supplier<ProcessSnapshot> processes) {
        DockerIntegration docker = new DockerIntegration(config, shortcuts, pipes, processes);
        docker.keepConnected();
        long refresh = config.refreshInterval().toMillis();
        docker.background.scheduleWithFixedDelay(docker::keepConnected, refresh, refresh, TimeUnit.MILLISECONDS);
        if (config.collectStats()) {
            long every = config.statsInterval().toMillis();
            docker.background.scheduleWithFixedDelay(docker::sampleStats, 0, every, TimeUnit.MILLISECONDS);
        }
        return docker;
    }

    public Reporter reporter() {
        return reporter;
    }

    public Tagger tagger() {
        return tagger;
    }

    /** Handlers for every Docker control id, including {@code docker_resize_exec_tty} and {@code docker_logs_container}. */
    public Map<String, ControlHandler> controls() {
        return controls;
    }

    /** The engine client, for callers that need more of the engine (tests, diagnostics). */
    public DockerClient client() {
        return client;
    }

    private void keepConnected() {
        try {
            if (registry.connected()) registry.refreshImagesAndNetworks();
            else registry.connect();
            warned = false;
        } catch (RuntimeException e) {
            if (!warned) log.warn("docker engine at {} not reachable (will keep trying): {}", config.dockerHost(), e.toString());
            else log.debug("docker engine at {} still not reachable: {}", config.dockerHost(), e.toString());
            warned = true;
        }
    }

    private void sampleStats() {
        try {
            List<String> running = registry.containers().stream()
                    .filter(c -> c.getState() != null && Boolean.TRUE.equals(c.getState().getRunning()))
                    .map(InspectContainerResponse::getId)
                    .toList();
            stats.poll(running);
        } catch (RuntimeException e) {
            log.debug("docker stats tick failed: {}", e.toString());
        }
    }

    private StringMap<Metric> metricsOf(String containerId) {
        ContainerStats s = stats.statsOf(containerId);
        return s == null ? StringMap.empty() : s.drain();
    }

    @Override
    public void close() {
        background.shutdownNow();
        registry.close();
        try {
            client.close();
        } catch (Exception e) {
            log.debug("closing the docker client: {}", e.toString());
        }
    }
}
