package dev.scope.probe.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the probe talks to Docker.
 *
 * @param dockerHost      the engine's address, e.g. {@code unix:///var/run/docker.sock}
 * @param hostId          this host's id ({@code vm}): names the overlay peer node
 * @param probeId         this probe's id, put on container nodes as {@code control_probe_id}
 * @param showEnv         report containers' environment variables (off by default: they often hold secrets)
 * @param collectStats    gather CPU and memory metrics
 * @param procRoot        where procfs is mounted, to find a process's container from its cgroups
 * @param refreshInterval how often images and networks are listed again and a lost event stream reopened
 * @param statsInterval   how often each running container's stats are sampled
 */
public record DockerConfig(String dockerHost, String hostId, String probeId, boolean showEnv, boolean collectStats,
                           Path procRoot, Duration refreshInterval, Duration statsInterval) {
    public DockerConfig {
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(probeId, "probeId");
        Objects.requireNonNull(procRoot, "procRoot");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) throw new IllegalArgumentException("refreshInterval must be positive");
        if (statsInterval.isNegative() || statsInterval.isZero()) throw new IllegalArgumentException("statsInterval must be positive");
    }

    /** Weave Scope's defaults: {@code DOCKER_HOST} or the standard socket, no env, stats every second, refresh every 10 s. */
    public static DockerConfig defaults(String hostId, String probeId) {
        String env = System.getenv("DOCKER_HOST");
        return new DockerConfig(env == null || env.isBlank() ? "unix:///var/run/docker.sock" : env, hostId, probeId,
                false, true, Path.of("/proc"), Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    public DockerConfig withDockerHost(String value) {
        return new DockerConfig(value, hostId, probeId, showEnv, collectStats, procRoot, refreshInterval, statsInterval);
    }

    public DockerConfig withShowEnv(boolean value) {
        return new DockerConfig(dockerHost, hostId, probeId, value, collectStats, procRoot, refreshInterval, statsInterval);
    }

    public DockerConfig withProcRoot(Path value) {
        return new DockerConfig(dockerHost, hostId, probeId, showEnv, collectStats, value, refreshInterval, statsInterval);
    }

    public DockerConfig withIntervals(Duration refresh, Duration stats) {
        return new DockerConfig(dockerHost, hostId, probeId, showEnv, collectStats, procRoot, refresh, stats);
    }
}
