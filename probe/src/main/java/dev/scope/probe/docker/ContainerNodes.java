package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.*;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns what {@code docker inspect} says about a container into a Weave Scope 1.13 container node. Pure. */
public final class ContainerNodes {
    private ContainerNodes() {
    }

    /**
     * @param probeId  this probe's id, for {@code control_probe_id}
     * @param showEnv  report environment variables (off by default: they often hold secrets)
     */
    public record Options(String probeId, boolean showEnv) {
    }

    /** The node of one container, without its network sets (see {@link #networkSets}). */
    public static Node node(InspectContainerResponse c, Instant now, Options options, StringMap<Metric> metrics) {
        long ts = HumanText.nanos(now);
        String id = c.getId();
        ContainerStatus status = ContainerStatus.of(c.getState());
        String imageId = trimImageId(c.getImageId());
        Node.Builder b = Node.builder(containerNodeId(id), "container")
                .putLatest(CONTAINER_ID, id, ts)
                .putLatest(CONTAINER_NAME, trimSlash(c.getName()), ts)
                .putLatest(CONTAINER_COMMAND, command(c), ts)
                .putLatest(CONTAINER_HOSTNAME, hostname(c.getConfig()), ts)
                .putLatest(IMAGE_ID, imageId, ts)
                .putLatest(CONTAINER_STATE, status.state(), ts)
                .putLatest(CONTAINER_STATE_HUMAN, status.human(now), ts)
                .putLatest(CONTROL_PROBE_ID, options.probeId(), ts)
                .putLatest(ACTIVE_CONTROLS, String.join(";", status.activeControls()), ts)
                .parent("container_image", imageNodeId(imageId));
        Instant created = HumanText.parseTime(c.getCreated());
        if (created != null) b.putLatest(CONTAINER_CREATED, HumanText.rfc3339Nano(created), ts);
        if (status.up()) {
            b.putLatest(CONTAINER_UPTIME, Long.toString(status.uptimeSeconds(now)), ts);
            b.putLatest(CONTAINER_RESTART_COUNT, Integer.toString(c.getRestartCount() == null ? 0 : c.getRestartCount()), ts);
            b.putLatest(CONTAINER_NETWORK_MODE, networkMode(c), ts);
        }
        ContainerConfig config = c.getConfig();
        if (config != null && config.getLabels() != null) {
            config.getLabels().forEach((k, v) -> b.putLatest(LABEL_PREFIX + k, v == null ? "" : v, ts));
        }
        if (options.showEnv() && config != null && config.getEnv() != null) {
            for (String pair : config.getEnv()) {
                int eq = pair.indexOf('=');
                if (eq > 0) b.putLatest(ENV_PREFIX + pair.substring(0, eq), pair.substring(eq + 1), ts);
            }
        }
        metrics.forEach(b::metric);
        return b.build();
    }

    /** A node that says only that a container is gone, as Weave Scope sends on {@code destroy}. */
    public static Node deleted(String containerId, Instant now) {
        long ts = HumanText.nanos(now);
        return Node.builder(containerNodeId(containerId), "container")
                .putLatest(CONTAINER_ID, containerId, ts)
                .putLatest(CONTAINER_STATE, STATE_DELETED, ts)
                .build();
    }

    /**
     * Networks, IPv4 addresses and ports of a container with its own network namespace. {@code localIpv4}
     * stands in for a port published on 0.0.0.0.
     */
    public static StringMap<StringSet> networkSets(InspectContainerResponse c, Collection<String> localIpv4) {
        NetworkSettings settings = c.getNetworkSettings();
        if (settings == null) return StringMap.empty();
        List<String> ips = new ArrayList<>();
        if (settings.getSecondaryIPAddresses() instanceof Collection<?> secondary) {
            for (Object o : secondary) {
                if (o instanceof Map<?, ?> m && m.get("Addr") != null) ips.add(m.get("Addr").toString());
                else if (o instanceof String s) ips.add(s);
            }
        }
        if (settings.getIpAddress() != null && !settings.getIpAddress().isEmpty()) ips.add(settings.getIpAddress());
        List<String> networks = new ArrayList<>();
        if (settings.getNetworks() != null) {
            for (Map.Entry<String, ContainerNetwork> e : settings.getNetworks().entrySet()) {
                if (e.getKey().equals("none")) continue;
                networks.add(e.getKey());
                String ip = e.getValue() == null ? null : e.getValue().getIpAddress();
                if (ip != null && !ip.isEmpty()) ips.add(ip);
            }
        }
        List<String> ipv4 = ips.stream().filter(ContainerNodes::isIpv4).toList();
        StringMap<StringSet> sets = StringMap.empty();
        if (!networks.isEmpty()) sets = sets.with(CONTAINER_NETWORKS, StringSet.of(networks));
        Ports ports = settings.getPorts();
        if (ports != null && ports.getBindings() != null && !ports.getBindings().isEmpty()) {
            sets = sets.with(CONTAINER_PORTS, StringSet.of(ports(ports, localIpv4)));
        }
        return withIps(sets, ipv4);
    }

    /** The sets of a container in the host's network namespace: the host's addresses. */
    public static StringMap<StringSet> hostNetworkSets(Collection<String> hostIps) {
        return withIps(StringMap.empty(), List.copyOf(hostIps));
    }

    private static StringMap<StringSet> withIps(StringMap<StringSet> sets, List<String> ips) {
        if (ips.isEmpty()) return sets;
        // Weave Scope treats container addresses as local to the host and leaves the scope empty.
        return sets.with(CONTAINER_IPS, StringSet.of(ips))
                .with(CONTAINER_IPS_WITH_SCOPES, StringSet.of(ips.stream().map(ip -> ";" + ip).toList()));
    }

    private static List<String> ports(Ports ports, Collection<String> localIpv4) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : ports.getBindings().entrySet()) {
            String port = e.getKey().toString();
            Ports.Binding[] bindings = e.getValue();
            if (bindings == null || bindings.length == 0) {
                out.add(port);
                continue;
            }
            for (Ports.Binding binding : bindings) {
                String hostIp = binding.getHostIp() == null ? "" : binding.getHostIp();
                if (!hostIp.equals("0.0.0.0")) {
                    out.add(hostIp + ":" + binding.getHostPortSpec() + "->" + port);
                    continue;
                }
                for (String ip : localIpv4) out.add(ip + ":" + binding.getHostPortSpec() + "->" + port);
            }
        }
        return out;
    }

    /** Path and arguments joined by spaces (a trailing space when there are none, as in Weave Scope). */
    static String command(InspectContainerResponse c) {
        String path = c.getPath() == null ? "" : c.getPath();
        String[] args = c.getArgs() == null ? new String[0] : c.getArgs();
        return path + " " + String.join(" ", args);
    }

    static String hostname(ContainerConfig config) {
        if (config == null || config.getHostName() == null) return "";
        String domain = config.getDomainName();
        return domain == null || domain.isEmpty() ? config.getHostName() : config.getHostName() + "." + domain;
    }

    static String networkMode(InspectContainerResponse c) {
        return c.getHostConfig() == null || c.getHostConfig().getNetworkMode() == null ? "" : c.getHostConfig().getNetworkMode();
    }

    static String trimSlash(String name) {
        return name == null ? "" : name.startsWith("/") ? name.substring(1) : name;
    }

    /** Docker prefixes ids with their digest type; Weave Scope strips it. */
    public static String trimImageId(String id) {
        return id == null ? "" : id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    }

    static boolean isIpv4(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }
}
