package dev.scope.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a probe runs. {@link #defaults} gives Weave Scope 1.13's behaviour: spy every second, publish every
 * three seconds, a full report every third publish, plugins under {@code /var/run/scope/plugins}.
 *
 * @param appTargets         apps to report to, {@code host[:port]} (port 4040 when absent) or a URL
 * @param probeId            this probe's id, sent as {@code X-Scope-Probe-ID}; random when null
 * @param hostname           the host's name, which is also the host id; read from the kernel when null
 * @param token              sent as {@code Authorization: Scope-Probe token=...}; null for none
 * @param spyInterval        how often reporters run
 * @param publishInterval    how often reports are published
 * @param ticksPerFullReport every n-th publish sends the full report, the others only what changed
 * @param noControls         read-only: controls answer an error and none are advertised
 * @param omitCmdArgs        report a process's executable only, not its arguments (they may hold secrets)
 * @param spyProcesses       run the process and endpoint reporters
 * @param conntrack          read {@code /proc/net/nf_conntrack} for short-lived connections and directions
 * @param procRoot           where procfs is mounted (tests point it at fixtures)
 * @param pluginsRoot        where plugin sockets live; null disables plugins
 * @param resolveInterval    how often app host names are resolved again
 * @param modules            extra parts of the probe (Docker, Kubernetes...); those listed by
 *                           {@link java.util.ServiceLoader} are added unless {@code discoverModules} is false
 * @param discoverModules    also load {@link ProbeModule}s found by the service loader
 */
public record ProbeConfig(
        List<String> appTargets,
        String probeId,
        String hostname,
        String token,
        Duration spyInterval,
        Duration publishInterval,
        int ticksPerFullReport,
        boolean noControls,
        boolean omitCmdArgs,
        boolean spyProcesses,
        boolean conntrack,
        Path procRoot,
        Path pluginsRoot,
        Duration resolveInterval,
        List<ProbeModule> modules,
        boolean discoverModules) {

    public static final int DEFAULT_APP_PORT = 4040;

    public ProbeConfig {
        appTargets = List.copyOf(Objects.requireNonNull(appTargets, "appTargets"));
        Objects.requireNonNull(spyInterval, "spyInterval");
        Objects.requireNonNull(publishInterval, "publishInterval");
        Objects.requireNonNull(procRoot, "procRoot");
        Objects.requireNonNull(resolveInterval, "resolveInterval");
        modules = modules == null ? List.of() : List.copyOf(modules);
        if (ticksPerFullReport < 1) throw new IllegalArgumentException("ticksPerFullReport must be at least 1");
        if (spyInterval.isNegative() || spyInterval.isZero()) throw new IllegalArgumentException("spyInterval must be positive");
        if (publishInterval.isNegative() || publishInterval.isZero()) throw new IllegalArgumentException("publishInterval must be positive");
    }

    public static ProbeConfig defaults(List<String> appTargets) {
        return new ProbeConfig(appTargets, null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(3), 3,
                false, false, true, true, Path.of("/proc"), Path.of("/var/run/scope/plugins"),
                Duration.ofSeconds(30), List.of(), true);
    }

    public ProbeConfig withProbeId(String id) {
        return new ProbeConfig(appTargets, id, hostname, token, spyInterval, publishInterval, ticksPerFullReport,
                noControls, omitCmdArgs, spyProcesses, conntrack, procRoot, pluginsRoot, resolveInterval, modules, discoverModules);
    }

    public ProbeConfig withHostname(String name) {
        return new ProbeConfig(appTargets, probeId, name, token, spyInterval, publishInterval, ticksPerFullReport,
                noControls, omitCmdArgs, spyProcesses, conntrack, procRoot, pluginsRoot, resolveInterval, modules, discoverModules);
    }

    public ProbeConfig withToken(String value) {
        return new ProbeConfig(appTargets, probeId, hostname, value, spyInterval, publishInterval, ticksPerFullReport,
                noControls, omitCmdArgs, spyProcesses, conntrack, procRoot, pluginsRoot, resolveInterval, modules, discoverModules);
    }

    public ProbeConfig withIntervals(Duration spy, Duration publish) {
        return new ProbeConfig(appTargets, probeId, hostname, token, spy, publish, ticksPerFullReport,
                noControls, omitCmdArgs, spyProcesses, conntrack, procRoot, pluginsRoot, resolveInterval, modules, discoverModules);
    }

    public ProbeConfig withNoControls(boolean value) {
        return new ProbeConfig(appTargets, probeId, hostname, token, spyInterval, publishInterval, ticksPerFullReport,
                value, omitCmdArgs, spyProcesses, conntrack, procRoot, pluginsRoot, resolveInterval, modules, discoverModules);
    }

    public ProbeConfig withOmitCmdArgs(boolean value) {
        return new ProbeConfig(appTargets, probeId, hostname, token, spyInterval, publishInterval, ticksPerFullReport,
                noControls, value, spyProcesses, conntrack, procRoot, pluginsRoot, resolveInterval, modules, discoverModules);
    }

    public ProbeConfig withPluginsRoot(Path value) {
        return new ProbeConfig(appTargets, probeId, hostname, token, spyInterval, publishInterval, ticksPerFullReport,
                noControls, omitCmdArgs, spyProcesses, conntrack, procRoot, value, resolveInterval, modules, discoverModules);
    }

    public ProbeConfig withModules(List<ProbeModule> value, boolean discover) {
        return new ProbeConfig(appTargets, probeId, hostname, token, spyInterval, publishInterval, ticksPerFullReport,
                noControls, omitCmdArgs, spyProcesses, conntrack, procRoot, pluginsRoot, resolveInterval, value, discover);
    }

    public ProbeConfig withResolveInterval(Duration value) {
        return new ProbeConfig(appTargets, probeId, hostname, token, spyInterval, publishInterval, ticksPerFullReport,
                noControls, omitCmdArgs, spyProcesses, conntrack, procRoot, pluginsRoot, value, modules, discoverModules);
    }
}
