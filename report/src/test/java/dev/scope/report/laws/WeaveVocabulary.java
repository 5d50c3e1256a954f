package dev.scope.report.laws;

import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.PluginSpec;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import dev.scope.report.TopologyId;

import java.util.List;
import java.util.Map;

/**
 * The ids, keys and templates a Weave Scope 1.13 probe puts in its reports (formats taken from the
 * captured fixture report), kept in small pools on purpose: two generated reports then name the same
 * hosts, processes and containers, so merging them really collides instead of just concatenating.
 */
public final class WeaveVocabulary {
    private WeaveVocabulary() {
    }

    /** Unix nanoseconds near the fixture's capture time (2026-11-23T07:08:12Z). */
    public static final long BASE_NANOS = 1_795_417_692_000_000_000L;

    public static final List<String> HOSTS = List.of("vm", "node-1", "node-2");
    public static final List<String> CONTAINER_IDS = List.of(
            "6e646b6929aaf21c240318feec78fa46c3dedcec06eb0f90498475d3d15b9c2d",
            "812552028f27c81e0dfcbfcbe857afc2b0649eea4a402592d53a32c4152a74e5",
            "f2efe7a49950a3ad88f5e23fe072215ae163344fb7b0725c156c763ae678049b");
    public static final List<String> IMAGE_IDS = List.of(
            "48e4392197c94397812329860703dc13f79e44412d3585a8a20b0891eb826202",
            "a416a98b71e224a31ee99cff8e16063554498227d2b696152a9c3e0aa65e5824");
    public static final List<String> PIDS = List.of("1", "54", "15943", "16014", "16101");
    public static final List<String> IPS = List.of("10.199.5.3", "10.199.5.4", "10.199.5.6", "127.0.0.1");
    public static final List<String> PORTS = List.of("5432", "6379", "4040", "35068", "58942");

    public static String hostNodeId(String host) {
        return host + ";<host>";
    }

    public static String processNodeId(String host, String pid) {
        return host + ";" + pid;
    }

    public static String containerNodeId(String containerId) {
        return containerId + ";<container>";
    }

    public static String imageNodeId(String imageId) {
        return imageId + ";<container_image>";
    }

    /** Loopback endpoints carry the host and its network namespace; others only the address. */
    public static String endpointNodeId(String host, String ip, String port) {
        return ip.startsWith("127.") ? host + "-4026531833;" + ip + ";" + port : ";" + ip + ";" + port;
    }

    public static String overlayNodeId(String host) {
        return "#docker_peer_" + host;
    }

    /** Values each latest key may take; two reports often pick different ones for the same key. */
    public static final Map<String, List<String>> LATEST_VALUES = Map.ofEntries(
            Map.entry("host_node_id", List.of("vm;<host>", "node-1;<host>")),
            Map.entry("pid", PIDS),
            Map.entry("ppid", List.of("1", "2", "16101")),
            Map.entry("name", List.of("sleep", "/usr/bin/containerd-shim-runc-v2", "nc")),
            Map.entry("cmdline", List.of("sleep 0.5 ", "sleep 100000", "nc -l -p 6379 -e cat")),
            Map.entry("threads", List.of("1", "12")),
            Map.entry("docker_container_id", CONTAINER_IDS),
            Map.entry("docker_container_name", List.of("web", "api", "db", "cache", "paused-one")),
            Map.entry("docker_container_state", List.of("running", "paused", "exited")),
            Map.entry("docker_container_state_human", List.of("Up 17 seconds", "Up 54 seconds (Paused)", "Exited (0) 3 seconds ago")),
            Map.entry("docker_image_id", IMAGE_IDS),
            Map.entry("docker_image_name", List.of("local/busybox", "local/debian")),
            Map.entry("docker_image_tag", List.of("latest", "12")),
            Map.entry("docker_label_app", List.of("shop")),
            Map.entry("docker_label_tier", List.of("db", "cache", "web")),
            Map.entry("active_controls", List.of("docker_unpause_container",
                    "docker_restart_container;docker_stop_container;docker_pause_container;docker_attach_container;docker_exec_container",
                    "host_exec")),
            Map.entry("control_probe_id", List.of("97ad07f149ec744", "3a1b2c3d4e5f607")),
            Map.entry("host_name", HOSTS),
            Map.entry("os", List.of("linux")),
            Map.entry("kernel_version", List.of("6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0", "6.1.0-28-amd64")),
            Map.entry("uptime", List.of("8039", "8042")));

    public static final Map<String, List<String>> SET_VALUES = Map.of(
            "local_networks", List.of("10.199.0.1/24", "10.199.5.1/24", "127.0.0.1/8", "192.0.2.2/24"),
            "docker_container_networks", List.of("shop", "bridge"),
            "docker_container_ips", List.of("10.199.5.3", "10.199.5.4", "10.199.5.6"),
            "docker_container_ips_with_scopes", List.of(";10.199.5.3", ";10.199.5.4", ";10.199.5.6"));

    /** Metric keys with the plotting range their reporter uses ({@code max} widens on merge). */
    public record MetricRange(double min, double max) {
    }

    public static final Map<String, MetricRange> METRIC_RANGES = Map.of(
            "process_cpu_usage_percent", new MetricRange(0, 200),
            "process_memory_usage_bytes", new MetricRange(0, 1.8446744073709552e19),
            "open_files_count", new MetricRange(0, 20000),
            "docker_cpu_total_usage", new MetricRange(0, 100),
            "docker_memory_usage", new MetricRange(0, 25276510208.0),
            "host_cpu_usage_percent", new MetricRange(0, 100),
            "host_mem_usage_bytes", new MetricRange(0, 25276510208.0),
            "load1", new MetricRange(0, 0.1));

    public static final StringMap<MetadataTemplate> PROCESS_METADATA = StringMap.copyOf(Map.of(
            "pid", new MetadataTemplate("pid", "PID", 0, "number", 1, "latest"),
            "cmdline", new MetadataTemplate("cmdline", "Command", 0, "", 2, "latest"),
            "ppid", new MetadataTemplate("ppid", "Parent PID", 0, "number", 3, "latest"),
            "threads", new MetadataTemplate("threads", "# Threads", 0, "number", 4, "latest")));

    public static final StringMap<MetricTemplate> PROCESS_METRICS = StringMap.copyOf(Map.of(
            "process_cpu_usage_percent", new MetricTemplate("process_cpu_usage_percent", "CPU", "percent", "", 1),
            "process_memory_usage_bytes", new MetricTemplate("process_memory_usage_bytes", "Memory", "filesize", "", 2),
            "open_files_count", new MetricTemplate("open_files_count", "Open files", "integer", "", 3)));

    public static final StringMap<Control> CONTAINER_CONTROLS = StringMap.copyOf(Map.of(
            "docker_attach_container", new Control("docker_attach_container", "Attach", "fa fa-desktop", "", 1),
            "docker_exec_container", new Control("docker_exec_container", "Exec shell", "fa fa-terminal", "", 2),
            "docker_pause_container", new Control("docker_pause_container", "Pause", "fa fa-pause", "", 5),
            "docker_unpause_container", new Control("docker_unpause_container", "Unpause", "fa fa-play", "", 6),
            "docker_remove_container", new Control("docker_remove_container", "Remove", "far fa-trash-alt", "", 8)));

    public static final StringMap<MetadataTemplate> CONTAINER_METADATA = StringMap.copyOf(Map.of(
            "docker_image_name", new MetadataTemplate("docker_image_name", "Image name", 0, "", 2, "latest"),
            "docker_container_state_human", new MetadataTemplate("docker_container_state_human", "State", 0, "", 4, "latest"),
            "docker_container_ips", new MetadataTemplate("docker_container_ips", "IPs", 0, "", 8, "sets"),
            "docker_container_id", new MetadataTemplate("docker_container_id", "ID", 12, "", 11, "latest")));

    public static final StringMap<MetricTemplate> CONTAINER_METRICS = StringMap.copyOf(Map.of(
            "docker_cpu_total_usage", new MetricTemplate("docker_cpu_total_usage", "CPU", "percent", "", 1),
            "docker_memory_usage", new MetricTemplate("docker_memory_usage", "Memory", "filesize", "", 2)));

    public static final StringMap<TableTemplate> CONTAINER_TABLES = StringMap.copyOf(Map.of(
            "image_table", new TableTemplate("image_table", "Image", "", "property-list", null,
                    StringMap.copyOf(Map.of("docker_image_tag", " Tag", "docker_image_id", " ID", "docker_image_name", " Name"))),
            "docker_label_", new TableTemplate("docker_label_", "Docker labels", "docker_label_", "property-list", null, null),
            "docker_env_", new TableTemplate("docker_env_", "Environment variables", "docker_env_", "property-list", null, null)));

    public static final StringMap<Control> HOST_CONTROLS = StringMap.of("host_exec",
            new Control("host_exec", "Exec shell", "fa fa-terminal", "", 0));

    public static final StringMap<MetadataTemplate> HOST_METADATA = StringMap.copyOf(Map.of(
            "kernel_version", new MetadataTemplate("kernel_version", "Kernel version", 0, "", 1, "latest"),
            "uptime", new MetadataTemplate("uptime", "Uptime", 0, "duration", 2, "latest"),
            "host_name", new MetadataTemplate("host_name", "Hostname", 0, "", 11, "latest"),
            "local_networks", new MetadataTemplate("local_networks", "Local networks", 0, "", 13, "sets")));

    public static final StringMap<MetricTemplate> HOST_METRICS = StringMap.copyOf(Map.of(
            "load1", new MetricTemplate("load1", "Load (1m)", "", "load", 11),
            "host_cpu_usage_percent", new MetricTemplate("host_cpu_usage_percent", "CPU", "percent", "", 1),
            "host_mem_usage_bytes", new MetricTemplate("host_mem_usage_bytes", "Memory", "filesize", "", 2)));

    public static final StringMap<MetadataTemplate> IMAGE_METADATA = StringMap.of("container",
            new MetadataTemplate("container", "# Containers", 0, "number", 2, "counters"));

    public static final StringMap<TableTemplate> IMAGE_TABLES = StringMap.of("docker_image_label_",
            new TableTemplate("docker_image_label_", "Docker labels", "docker_image_label_", "property-list", null, null));

    public static final StringMap<PluginSpec> PLUGINS = StringMap.copyOf(Map.of(
            "iowait", new PluginSpec("iowait", "IOWait", "Adds a graph of CPU IO Wait to hosts",
                    List.of("reporter"), "1", ""),
            "traffic-control", new PluginSpec("traffic-control", "Traffic control", "Adds traffic controls to containers",
                    List.of("reporter", "controller"), "1", "")));

    /** The Weave-shaped vocabulary of one topology: which ids, keys and parents its nodes use. */
    public record Kind(TopologyId topology, List<String> nodeIds, List<String> latestKeys, List<String> setKeys,
                       List<String> metricKeys, Map<TopologyId, List<String>> parentIds, List<String> adjacentIds) {
    }

    public static final List<Kind> KINDS = List.of(
            new Kind(TopologyId.ENDPOINT, endpointIds(), List.of("host_node_id", "pid"), List.of(), List.of(),
                    Map.of(), endpointIds()),
            new Kind(TopologyId.PROCESS, processIds(),
                    List.of("pid", "ppid", "name", "cmdline", "threads", "host_node_id", "docker_container_id"),
                    List.of(), List.of("process_cpu_usage_percent", "process_memory_usage_bytes", "open_files_count"),
                    Map.of(TopologyId.HOST, hostIds(), TopologyId.CONTAINER, containerIds(),
                            TopologyId.CONTAINER_IMAGE, List.of("local/busybox;<container_image>")),
                    List.of()),
            new Kind(TopologyId.CONTAINER, containerIds(),
                    List.of("docker_container_name", "docker_container_state", "docker_container_state_human",
                            "docker_image_id", "docker_label_app", "docker_label_tier", "active_controls",
                            "control_probe_id", "host_node_id"),
                    List.of("docker_container_networks", "docker_container_ips", "docker_container_ips_with_scopes"),
                    List.of("docker_cpu_total_usage", "docker_memory_usage"),
                    Map.of(TopologyId.HOST, hostIds(), TopologyId.CONTAINER_IMAGE, imageIds()),
                    List.of()),
            new Kind(TopologyId.CONTAINER_IMAGE, imageIds(),
                    List.of("docker_image_id", "docker_image_name", "docker_image_tag", "host_node_id"),
                    List.of(), List.of(), Map.of(TopologyId.HOST, hostIds()), List.of()),
            new Kind(TopologyId.HOST, hostIds(),
                    List.of("host_name", "os", "kernel_version", "uptime", "host_node_id", "active_controls", "control_probe_id"),
                    List.of("local_networks"), List.of("load1", "host_cpu_usage_percent", "host_mem_usage_bytes"),
                    Map.of(TopologyId.HOST, hostIds()), List.of()),
            new Kind(TopologyId.OVERLAY, HOSTS.stream().map(WeaveVocabulary::overlayNodeId).toList(),
                    List.of(), List.of("local_networks"), List.of(), Map.of(), List.of()));

    private static List<String> hostIds() {
        return HOSTS.stream().map(WeaveVocabulary::hostNodeId).toList();
    }

    private static List<String> processIds() {
        return HOSTS.stream().flatMap(h -> PIDS.stream().map(p -> processNodeId(h, p))).toList();
    }

    private static List<String> containerIds() {
        return CONTAINER_IDS.stream().map(WeaveVocabulary::containerNodeId).toList();
    }

    private static List<String> imageIds() {
        return IMAGE_IDS.stream().map(WeaveVocabulary::imageNodeId).toList();
    }

    private static List<String> endpointIds() {
        return HOSTS.stream().flatMap(h -> IPS.stream().flatMap(ip -> PORTS.stream().map(p -> endpointNodeId(h, ip, p))))
                .distinct().toList();
    }
}
