package dev.scope.probe;

import dev.scope.probe.control.ControlConnection;
import dev.scope.probe.endpoint.EndpointReporter;
import dev.scope.probe.host.HostReporter;
import dev.scope.probe.host.HostTagger;
import dev.scope.probe.host.LocalNetworks;
import dev.scope.probe.hostexec.HostExecControls;
import dev.scope.probe.pipe.AppProbePipes;
import dev.scope.probe.plugins.PluginRegistry;
import dev.scope.probe.process.ProcessReporter;
import dev.scope.probe.process.ProcessWalker;
import dev.scope.probe.publish.AppClient;
import dev.scope.probe.publish.AppClients;
import dev.scope.probe.publish.AppTarget;
import dev.scope.probe.publish.Backoff;
import dev.scope.probe.publish.ProbeIdentity;
import dev.scope.probe.publish.ReportBodies;
import dev.scope.report.Report;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running probe: reporters for the host, processes, endpoints and plugins (plus any {@link ProbeModule}s),
 * publishing to every app, serving controls and pipes back to them. {@code start} returns at once; apps are
 * found in the background.
 */
public final class ScopeProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScopeProbe.class);
    private static final Duration FIRST_FIND_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_FIND_DELAY = Duration.ofSeconds(15);

    private final ProbeConfig config;
    private final String probeId;
    private final String hostId;
    private final Vertx vertx;
    private final ReporterRegistry registry = new ReporterRegistry();
    private final ControlRegistry controls;
    private final AppClients apps;
    private final ProbeLoop loop;
    private final HostExecControls hostExec;
    private final PluginRegistry plugins;
    private final ProcessWalker walker;
    private final Map<AppClient, ControlConnection> controlConnections = new ConcurrentHashMap<>();
    private final List<ProbeModule> modules = new ArrayList<>();
    private final Backoff findingApps;
    private final ScheduledExecutorService resolver = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("probe-resolver").factory());

    private final ProbeMetrics metrics;

    private ScopeProbe(ProbeConfig config, ProbeMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        Duration findCap = config.resolveInterval().compareTo(MAX_FIND_DELAY) < 0 ? config.resolveInterval() : MAX_FIND_DELAY;
        this.findingApps = new Backoff(FIRST_FIND_DELAY.compareTo(findCap) < 0 ? FIRST_FIND_DELAY : findCap, findCap);
        this.probeId = config.probeId() != null ? config.probeId() : Long.toHexString(new SecureRandom().nextLong());
        this.hostId = config.hostname() != null ? config.hostname() : HostReporter.kernelHostname(config.procRoot());
        String hostNodeId = HostIds.hostNodeId(hostId);
        this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setWorkerPoolSize(4).setEventLoopPoolSize(1));
        this.controls = new ControlRegistry(config.noControls());
        ProbeIdentity identity = new ProbeIdentity(probeId, ProbeVersion.get(), config.token());
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        WebSocketClient webSockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20));
        List<AppTarget> targets = config.appTargets().stream().map(AppTarget::parse).toList();
        this.loop = new ProbeLoop(config, registry, this::walkProcesses, this::send, metrics);
        this.apps = new AppClients(targets, t -> new AppClient(t, http, webSockets, identity, metrics), this::appFound);
        this.controls.shortcutsTo(loop);
        ProbePipes pipes = new AppProbePipes(apps::byId);
        this.walker = config.spyProcesses() ? new ProcessWalker(config.procRoot(), true) : null;

        registry.add(new HostReporter(config.procRoot(), hostId, probeId, ProbeVersion.get(), !config.noControls(),
                LocalNetworks.cached(java.time.Duration.ofSeconds(10))));
        if (walker != null) {
            registry.add(new ProcessReporter(hostId, walker::snapshot, config.omitCmdArgs()));
            registry.add(new EndpointReporter(config.procRoot(), hostId, walker::snapshot, config.conntrack(),
                    walker::rescanSocketsNextWalk));
        }
        registry.add(new HostTagger(hostNodeId));
        this.hostExec = new HostExecControls(pipes, HostExecControls.defaultShell());
        hostExec.registerInto(controls);
        this.plugins = config.pluginsRoot() == null ? null : new PluginRegistry(vertx, config.pluginsRoot(), controls);
        if (plugins != null) registry.add(plugins);

        ProbeContext context = new ProbeContext(probeId, hostId, hostNodeId, config, registry, controls, loop, pipes,
                () -> walker == null ? dev.scope.probe.process.ProcessSnapshot.EMPTY : walker.snapshot());
        List<ProbeModule> wanted = new ArrayList<>(config.modules());
        if (config.discoverModules()) ServiceLoader.load(ProbeModule.class).forEach(wanted::add);
        for (ProbeModule m : wanted) {
            try {
                m.install(context);
                modules.add(m);
                log.info("probe module {} installed", m.name());
            } catch (Exception e) {
                log.warn("probe module {} could not start and is left out: {}", m.name(), e.toString());
            }
        }
    }

    /** Starts a probe; apps are resolved and contacted in the background. */
    public static ScopeProbe start(ProbeConfig config) {
        return start(config, ProbeMetrics.none());
    }

    /** Starts a probe that records its counters (see {@link ProbeMetrics}) for a /metrics endpoint. */
    public static ScopeProbe start(ProbeConfig config, ProbeMetrics metrics) {
        ScopeProbe probe = new ScopeProbe(config, metrics);
        if (probe.plugins != null) probe.plugins.start();
        probe.resolver.execute(probe::resolveApps);
        probe.loop.start();
        log.info("probe {} on host {} reporting to {}{}", probe.probeId, probe.hostId, config.appTargets(),
                config.noControls() ? " (read-only: no controls)" : "");
        return probe;
    }

    public String probeId() {
        return probeId;
    }

    public String hostId() {
        return hostId;
    }

    public ControlRegistry controls() {
        return controls;
    }

    /** Publishes a small report at once. */
    public ShortcutSink shortcuts() {
        return loop;
    }

    /** Runs one spy cycle now and returns its report (for tests and the {@code scope probe --once} style uses). */
    public Report spyOnce() {
        return loop.spy();
    }

    /** Apps currently known by id. */
    public List<String> appIds() {
        return apps.apps().stream().map(AppClient::appId).toList();
    }

    private void walkProcesses() {
        if (walker != null) walker.walk();
    }

    /**
     * Resolves the apps, then schedules the next round: after the resolve interval once some app answers, but
     * sooner (0.5 s doubling up to the interval, at most 15 s) while none does, so a probe started before its app
     * (as under {@code scope launch} or a DaemonSet rolling out) finds it within a second or so.
     */
    private void resolveApps() {
        try {
            apps.resolve();
        } catch (RuntimeException e) {
            log.warn("resolving apps failed: {}", e.toString());
        }
        Duration next;
        if (apps.apps().isEmpty()) {
            next = findingApps.failed();
        } else {
            findingApps.succeeded();
            next = config.resolveInterval();
        }
        try {
            resolver.schedule(this::resolveApps, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void appFound(AppClient app) {
        loop.publishFullNow();
        ControlConnection c = new ControlConnection(app, controls);
        ControlConnection before = controlConnections.put(app, c);
        if (before != null) before.close();
        c.start();
    }

    private boolean send(Report report) {
        if (apps.apps().isEmpty()) return false;
        byte[] body = ReportBodies.msgpackGzip(report);
        metrics.reportEncoded(body.length);
        apps.publish(body);
        return true;
    }

    @Override
    public void close() {
        resolver.shutdownNow();
        loop.close();
        for (ProbeModule m : modules) {
            try {
                m.close();
            } catch (RuntimeException e) {
                log.warn("probe module {} did not stop cleanly: {}", m.name(), e.toString());
            }
        }
        if (plugins != null) plugins.close();
        hostExec.closeAll();
        controlConnections.values().forEach(ControlConnection::close);
        apps.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
