package dev.scope.probe.plugins;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.Reporter;
import dev.scope.report.PluginSpec;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weave Scope plugins: finds {@code *.sock} files under the plugins folder (every 5 s), asks each for its report
 * fragment every spy cycle and merges them in, and forwards the controls a plugin declares to it. A plugin that
 * fails, answers late or sends garbage is listed in the report's plugins with the error as its status; it never
 * stops the probe.
 */
public final class PluginRegistry implements Reporter, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration SCAN_INTERVAL = Duration.ofSeconds(5);

    private final Path root;
    private final ControlRegistry controls;
    private final HttpClient http;
    private final Map<Path, PluginClient> plugins = new ConcurrentHashMap<>();
    private final Map<Path, Set<String>> controlsByPlugin = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("plugin-scan").factory());

    public PluginRegistry(Vertx vertx, Path root, ControlRegistry controls) {
        this.root = root;
        this.controls = controls;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    }

    public void start() {
        scanner.scheduleWithFixedDelay(this::scan, 0, SCAN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "plugins";
    }

    /** Finds sockets now; plugins whose socket went away are forgotten with their controls. */
    public void scan() {
        Set<Path> found = new HashSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root, 8)) {
                files.filter(p -> p.getFileName().toString().endsWith(".sock")).forEach(found::add);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot scan plugins folder {}: {}", root, e.toString());
                return;
            }
        }
        for (Path p : found) {
            plugins.computeIfAbsent(p, s -> {
                log.info("plugin found at {}", s);
                return new PluginClient(s, http, TIMEOUT);
            });
        }
        for (Path p : new ArrayList<>(plugins.keySet())) {
            if (!found.contains(p)) {
                plugins.remove(p);
                Set<String> ids = controlsByPlugin.remove(p);
                if (ids != null) ids.forEach(controls::unregister);
                log.info("plugin at {} is gone", p);
            }
        }
    }

    public int pluginCount() {
        return plugins.size();
    }

    @Override
    public Report report() {
        Report merged = Report.empty();
        Map<String, PluginSpec> specs = new java.util.TreeMap<>();
        // ask every plugin at once, so one slow plugin costs the cycle its timeout, not one per plugin
        Map<PluginClient, java.util.concurrent.Future<Report>> asked = new java.util.LinkedHashMap<>();
        try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PluginClient plugin : List.copyOf(plugins.values())) asked.put(plugin, calls.submit(plugin::report));
        }
        for (Map.Entry<PluginClient, java.util.concurrent.Future<Report>> call : asked.entrySet()) {
            PluginClient plugin = call.getKey();
            try {
                Report fragment = unwrap(call.getValue());
                registerControls(plugin, fragment);
                fragment.plugins().forEach((id, spec) -> specs.put(id, withStatus(spec, "ok")));
                merged = merged.merge(fragment.toBuilder().plugins(StringMap.empty()).id("").timestamp(0).window(0).build());
            } catch (Exception e) {
                String id = pluginId(plugin.socket());
                String status = "error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                log.warn("plugin {} failed: {}", id, status);
                specs.put(id, new PluginSpec(id, id, "", List.of(), "1", status));
            }
        }
        return merged.toBuilder().plugins(StringMap.copyOf(specs)).build();
    }

    private static Report unwrap(java.util.concurrent.Future<Report> f) throws Exception {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void registerControls(PluginClient plugin, Report fragment) {
        Set<String> ids = new HashSet<>();
        for (TopologyId t : TopologyId.all()) {
            Topology topology = fragment.topology(t);
            topology.controls().forEach((id, c) -> ids.add(id));
        }
        Set<String> before = controlsByPlugin.put(plugin.socket(), ids);
        if (before != null) before.stream().filter(id -> !ids.contains(id)).forEach(controls::unregister);
        for (String id : ids) controls.register(id, plugin::control);
    }

    private static PluginSpec withStatus(PluginSpec s, String status) {
        return new PluginSpec(s.id(), s.label(), s.description(), s.interfaces(), s.apiVersion(), status);
    }

    /** A plugin's id before it told us: its socket's name without {@code .sock}. */
    static String pluginId(Path socket) {
        String name = socket.getFileName().toString();
        return name.endsWith(".sock") ? name.substring(0, name.length() - 5) : name;
    }

    @Override
    public void close() {
        scanner.shutdownNow();
        http.close();
    }
}
