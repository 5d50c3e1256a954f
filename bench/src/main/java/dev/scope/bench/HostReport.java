package dev.scope.bench;

import dev.scope.bench.SyntheticCluster.Connection;
import dev.scope.report.DnsRecord;
import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import dev.scope.report.codec.GoTime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds the report of one synthetic host, node by node, the way Weave Scope 1.13's reporters fill it. */
final class HostReport {
    private static final long SECOND = 1_000_000_000L;
    private static final int IMAGE_POOL = 40;
    private static final int[] SERVICE_PORTS = {80, 443, 5432, 6379, 8080, 9090, 3306, 27017};
    private static final String[] TIERS = {"web", "api", "db", "cache", "queue", "worker"};
    private static final String[] HOST_COMMANDS = {"/sbin/init", "/usr/bin/dockerd", "/usr/bin/containerd",
            "/usr/lib/systemd/systemd-journald", "/usr/sbin/sshd", "/usr/bin/containerd-shim-runc-v2", "[kworker/0:1]",
            "/usr/sbin/cron", "/usr/bin/scope-probe", "[ksoftirqd/0]"};

    private final SyntheticCluster cluster;
    private final SyntheticCluster.Shape shape;
    private final int host;
    private final long now;
    private final SplittableRandom random;
    private final String hostNodeId;
    private final String probeId;
    private final long[] sampleTimes;
    private final List<Node> processes = new ArrayList<>();
    private final List<Node> containers = new ArrayList<>();
    private final Map<String, Node> images = new HashMap<>();
    private final List<Node> endpoints = new ArrayList<>();

    HostReport(SyntheticCluster cluster, int host, long now) {
        this.cluster = cluster;
        this.shape = cluster.shape();
        this.host = host;
        this.now = now;
        this.random = cluster.random(2, host, now);
        this.hostNodeId = hostName(host) + ";<host>";
        this.probeId = Long.toHexString(cluster.random(3, host).nextLong() >>> 4);
        this.sampleTimes = new long[shape.samplesPerMetric()];
        long jitter = Math.floorMod(host * 7_919_111L, SECOND / 10);
        for (int k = 0; k < sampleTimes.length; k++) sampleTimes[k] = now - (sampleTimes.length - 1 - k) * SECOND + jitter;
    }

    static String hostName(int host) {
        return "host-%03d".formatted(host);
    }

    static String hostIp(int host) {
        return "10.128." + (host >> 8) + "." + (host & 255);
    }

    static String containerIp(int host, int container) {
        return "10." + (1 + (host >> 8)) + "." + (host & 255) + "." + (container + 2);
    }

    static int servicePort(int host, int container) {
        return SERVICE_PORTS[Math.floorMod(host * 31 + container, SERVICE_PORTS.length)];
    }

    static int mainPid(int host, int container) {
        return 10_000 + container * 100;
    }

    Report build() {
        for (int p = 0; p < shape.hostProcesses(); p++) processes.add(hostProcess(p));
        for (int c = 0; c < shape.containersPerHost(); c++) addContainer(c);
        addLoopbackConnections();
        for (Connection conn : cluster.outbound(host)) addConnection(conn, true);
        for (Connection conn : cluster.inbound(host)) addConnection(conn, false);

        Report.Builder b = Report.standard(Long.toUnsignedString(random.nextLong()), now).toBuilder()
                .window(shape.samplesPerMetric() * SECOND)
                .dns(dns());
        b.topology(TopologyId.HOST, WeaveTemplates.host().withNode(hostNode()));
        b.topology(TopologyId.PROCESS, WeaveTemplates.process().withNodes(NodeSet.of(processes)));
        b.topology(TopologyId.CONTAINER, WeaveTemplates.container().withNodes(NodeSet.of(containers)));
        b.topology(TopologyId.CONTAINER_IMAGE, WeaveTemplates.containerImage().withNodes(NodeSet.of(images.values())));
        b.topology(TopologyId.ENDPOINT, Topology.EMPTY.withNodes(NodeSet.of(endpoints)));
        b.updateTopology(TopologyId.OVERLAY, t -> t.withNode(Node.builder("#docker_peer_" + hostName(host), "overlay")
                .set("local_networks", "10." + (1 + (host >> 8)) + "." + (host & 255) + ".0/24").build()));
        return b.build();
    }

    private Node hostNode() {
        long seen = now - 2_000_000;
        return Node.builder(hostNodeId, "host")
                .putLatest("active_controls", "host_exec", seen)
                .putLatest("control_probe_id", probeId, seen)
                .putLatest("host_name", hostName(host), seen)
                .putLatest("host_node_id", hostNodeId, seen)
                .putLatest("host_scope_version", "1.13.2", seen)
                .putLatest("kernel_version", "6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1", seen)
                .putLatest("os", "linux", seen)
                .putLatest("ts", GoTime.formatRfc3339Nano(seen - 5_448), seen)
                .putLatest("uptime", Long.toString(86_400 + host * 37L), seen)
                .set("local_networks", hostIp(host) + "/16", "127.0.0.1/8", "10." + (1 + (host >> 8)) + "." + (host & 255) + ".1/24")
                .metric("load1", series(0.05, 2.5, Double.NaN, Double.NaN, 2))
                .metric("host_cpu_usage_percent", series(1, 90, Double.NaN, 100, -1))
                .metric("host_mem_usage_bytes", series(2e9, 3e10, Double.NaN, 3.2e10, 0))
                .parent("host", hostNodeId)
                .build();
    }

    private Node hostProcess(int index) {
        int pid = index == 0 ? 1 : 200 + index * 7;
        String command = HOST_COMMANDS[index % HOST_COMMANDS.length];
        return process(pid, index == 0 ? 0 : 1, command, command + (index % 3 == 0 ? "" : " --config /etc/" + index + ".conf"))
                .build();
    }

    private Node.Builder process(int pid, int ppid, String name, String cmdline) {
        long seen = sampleTimes[sampleTimes.length - 1] - 400_000;
        Node.Builder b = Node.builder(hostName(host) + ";" + pid, "process")
                .putLatest("pid", Integer.toString(pid), seen)
                .putLatest("name", name, seen)
                .putLatest("threads", Integer.toString(1 + random.nextInt(40)), seen)
                .putLatest("host_node_id", hostNodeId, seen + 700_000)
                .metric("process_cpu_usage_percent", series(0, 35, Double.NaN, 200, -1))
                .metric("process_memory_usage_bytes", series(1e6, 4e8, Double.NaN, 1.8446744073709552e19, 0))
                .metric("open_files_count", series(3, 300, Double.NaN, 20000, 0))
                .parent("host", hostNodeId);
        if (ppid > 0) b.putLatest("ppid", Integer.toString(ppid), seen);
        if (!cmdline.isEmpty()) b.putLatest("cmdline", cmdline, seen);
        return b;
    }

    private void addContainer(int c) {
        SplittableRandom r = cluster.random(4, host, c);
        String containerId = hex(r, 64);
        String containerNodeId = containerId + ";<container>";
        int image = Math.floorMod(c * 7 + host, IMAGE_POOL);
        String imageId = hex(cluster.random(5, image), 64);
        String imageName = "registry.local/shop/svc-" + image;
        String tier = TIERS[c % TIERS.length];
        String ip = containerIp(host, c);
        long inspected = now - 9 * SECOND + c * 1_000_000L;
        long seen = now - 1_000_000 + c * 1_000L;

        containers.add(Node.builder(containerNodeId, "container")
                .putLatest("active_controls",
                        "docker_restart_container;docker_stop_container;docker_pause_container;docker_attach_container;docker_exec_container", seen)
                .putLatest("control_probe_id", probeId, seen)
                .putLatest("docker_container_command", "/entrypoint.sh " + tier + " --port " + servicePort(host, c), inspected)
                .putLatest("docker_container_created", GoTime.formatRfc3339Nano(now - 3_600 * SECOND - c * 917_000_000L), inspected)
                .putLatest("docker_container_hostname", containerId.substring(0, 12), inspected)
                .putLatest("docker_container_id", containerId, inspected)
                .putLatest("docker_container_name", tier + "-" + host + "-" + c, seen)
                .putLatest("docker_container_network_mode", "shop", seen)
                .putLatest("docker_container_restart_count", "0", seen)
                .putLatest("docker_container_state", "running", seen)
                .putLatest("docker_container_state_human", "Up About an hour", seen)
                .putLatest("docker_container_uptime", Long.toString(3_600 + c), seen)
                .putLatest("docker_image_id", imageId, inspected)
                .putLatest("docker_label_app", "shop", inspected)
                .putLatest("docker_label_tier", tier, inspected)
                .putLatest("host_node_id", hostNodeId, seen + 3_000_000)
                .set("docker_container_networks", "shop")
                .set("docker_container_ips", ip)
                .set("docker_container_ips_with_scopes", ";" + ip)
                .set("docker_container_ports", servicePort(host, c) + "/tcp")
                .metric("docker_cpu_total_usage", series(0, 60, Double.NaN, 100, -1))
                .metric("docker_memory_usage", series(4e5, 6e8, Double.NaN, 25276510208.0, 0))
                .parent("container_image", imageId + ";<container_image>")
                .parent("host", hostNodeId)
                .build());

        images.computeIfAbsent(imageId, id -> Node.builder(id + ";<container_image>", "container_image")
                .putLatest("docker_image_id", id, seen)
                .putLatest("docker_image_name", imageName, seen)
                .putLatest("docker_image_size", (20 + image) + ".0 MB", seen)
                .putLatest("docker_image_tag", "1." + image % 7, seen)
                .putLatest("docker_image_virtual_size", (20 + image) + ".0 MB", seen)
                .putLatest("docker_image_label_maintainer", "team-" + image % 5, seen)
                .putLatest("host_node_id", hostNodeId, seen + 5_000_000)
                .parent("host", hostNodeId)
                .build());

        for (int p = 0; p < shape.processesPerContainer(); p++) {
            int pid = mainPid(host, c) + p;
            String name = p == 0 ? "/entrypoint.sh" : "worker";
            processes.add(process(pid, p == 0 ? 1 : mainPid(host, c), name, p == 0 ? "/entrypoint.sh " + tier : "worker --id " + p)
                    .putLatest("docker_container_id", containerId, now - 500_000)
                    .parent("container", containerNodeId)
                    .parent("container_image", imageName + ";<container_image>")
                    .build());
        }
        endpoints.add(localEndpoint(";" + ip + ";" + servicePort(host, c), mainPid(host, c)));
    }

    /** Host processes talk over loopback too; those endpoint ids carry the host and network namespace. */
    private void addLoopbackConnections() {
        String ns = hostName(host) + "-4026531840;127.0.0.1;";
        for (int k = 0; k < Math.min(2, shape.hostProcesses()); k++) {
            int serverPort = 4040 + k;
            String server = ns + serverPort;
            endpoints.add(localEndpoint(server, 1));
            endpoints.add(localEndpoint(ns + (45_000 + k), 200 + 7 * (k + 1)).withAdjacency(StringSet.of(server)));
        }
    }

    /** As Weave's endpoint reporter: both ends in the report, adjacency from client to server, pid on the local end. */
    private void addConnection(Connection conn, boolean local) {
        String client = ";" + containerIp(conn.fromHost(), conn.fromContainer()) + ";" + conn.fromPort();
        String server = ";" + containerIp(conn.toHost(), conn.toContainer()) + ";" + servicePort(conn.toHost(), conn.toContainer());
        if (local) {
            endpoints.add(localEndpoint(client, mainPid(conn.fromHost(), conn.fromContainer())).withAdjacency(StringSet.of(server)));
            endpoints.add(Node.of(server, "endpoint"));
        } else {
            endpoints.add(Node.of(client, "endpoint").withAdjacency(StringSet.of(server)));
            endpoints.add(localEndpoint(server, mainPid(conn.toHost(), conn.toContainer())));
        }
    }

    private Node localEndpoint(String id, int pid) {
        long seen = now - 3 * SECOND + random.nextInt(50_000);
        return Node.builder(id, "endpoint")
                .putLatest("host_node_id", hostNodeId, seen)
                .putLatest("pid", Integer.toString(pid), seen)
                .build();
    }

    /**
     * A sample per second over the window, between {@code low} and {@code high}; the range is
     * the samples' own unless the reporter plots against a fixed one ({@code min}/{@code max}). Values
     * are rounded to {@code decimals} places (0 for counts and bytes), or not at all when negative.
     */
    private Metric series(double low, double high, double min, double max, int decimals) {
        double[] values = new double[sampleTimes.length];
        double level = low + random.nextDouble() * (high - low);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = 0; i < values.length; i++) {
            level = Math.clamp(level + (random.nextDouble() - 0.5) * (high - low) / 10, low, high);
            values[i] = decimals < 0 ? level : Math.round(level * Math.pow(10, decimals)) / Math.pow(10, decimals);
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        return Metric.of(sampleTimes, values, Double.isNaN(min) ? lo : min, Double.isNaN(max) ? hi : max);
    }

    private StringMap<DnsRecord> dns() {
        return StringMap.copyOf(Map.of(
                "127.0.0.1", new DnsRecord(StringSet.EMPTY, StringSet.of("localhost", hostName(host))),
                hostIp(host), new DnsRecord(StringSet.EMPTY, StringSet.of(hostName(host) + ".cluster.local"))));
    }

    private static String hex(SplittableRandom r, int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) b.append("%016x".formatted(r.nextLong()));
        return b.substring(0, length);
    }
}
