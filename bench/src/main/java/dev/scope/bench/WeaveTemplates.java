package dev.scope.bench;

import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.StandardTopologies;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;

import java.util.Map;

/**
 * The controls and templates a Weave Scope 1.13 probe on a Docker host puts on its topologies, as seen
 * in the captured 1.13.2 report. Synthetic reports carry them so that decode, merge and render costs
 * include the parts every real report has.
 */
final class WeaveTemplates {
    private WeaveTemplates() {
    }

    static Topology process() {
        return StandardTopologies.descriptor(TopologyId.PROCESS)
                .withMetadataTemplates(StringMap.copyOf(Map.of(
                        "pid", latest("pid", "PID", "number", 1),
                        "cmdline", latest("cmdline", "Command", "", 2),
                        "ppid", latest("ppid", "Parent PID", "number", 3),
                        "threads", latest("threads", "# Threads", "number", 4))))
                .withMetricTemplates(StringMap.copyOf(Map.of(
                        "process_cpu_usage_percent", new MetricTemplate("process_cpu_usage_percent", "CPU", "percent", "", 1),
                        "process_memory_usage_bytes", new MetricTemplate("process_memory_usage_bytes", "Memory", "filesize", "", 2),
                        "open_files_count", new MetricTemplate("open_files_count", "Open files", "integer", "", 3))));
    }

    static Topology container() {
        return StandardTopologies.descriptor(TopologyId.CONTAINER)
                .withControls(StringMap.copyOf(Map.of(
                        "docker_attach_container", new Control("docker_attach_container", "Attach", "fa fa-desktop", "", 1),
                        "docker_exec_container", new Control("docker_exec_container", "Exec shell", "fa fa-terminal", "", 2),
                        "docker_start_container", new Control("docker_start_container", "Start", "fa fa-play", "", 3),
                        "docker_restart_container", new Control("docker_restart_container", "Restart", "fa fa-redo", "", 4),
                        "docker_pause_container", new Control("docker_pause_container", "Pause", "fa fa-pause", "", 5),
                        "docker_unpause_container", new Control("docker_unpause_container", "Unpause", "fa fa-play", "", 6),
                        "docker_stop_container", new Control("docker_stop_container", "Stop", "fa fa-stop", "", 7),
                        "docker_remove_container", new Control("docker_remove_container", "Remove", "far fa-trash-alt", "", 8))))
                .withMetadataTemplates(StringMap.copyOf(Map.ofEntries(
                        Map.entry("docker_image_tag", latest("docker_image_tag", "Image tag", "", 1)),
                        Map.entry("docker_image_name", latest("docker_image_name", "Image name", "", 2)),
                        Map.entry("docker_container_command", latest("docker_container_command", "Command", "", 3)),
                        Map.entry("docker_container_state_human", latest("docker_container_state_human", "State", "", 4)),
                        Map.entry("docker_container_uptime", latest("docker_container_uptime", "Uptime", "duration", 5)),
                        Map.entry("docker_container_restart_count", latest("docker_container_restart_count", "Restart #", "", 6)),
                        Map.entry("docker_container_networks", sets("docker_container_networks", "Networks", 7)),
                        Map.entry("docker_container_ips", sets("docker_container_ips", "IPs", 8)),
                        Map.entry("docker_container_ports", sets("docker_container_ports", "Ports", 9)),
                        Map.entry("docker_container_created", latest("docker_container_created", "Created", "datetime", 10)),
                        Map.entry("docker_container_id", new MetadataTemplate("docker_container_id", "ID", 12, "", 11, "latest")))))
                .withMetricTemplates(StringMap.copyOf(Map.of(
                        "docker_cpu_total_usage", new MetricTemplate("docker_cpu_total_usage", "CPU", "percent", "", 1),
                        "docker_memory_usage", new MetricTemplate("docker_memory_usage", "Memory", "filesize", "", 2))))
                .withTableTemplates(StringMap.copyOf(Map.of(
                        "image_table", new TableTemplate("image_table", "Image", "", "property-list", null, StringMap.copyOf(Map.of(
                                "docker_image_tag", " Tag", "docker_image_size", "Size", "docker_image_virtual_size", "Virtual size",
                                "docker_image_id", " ID", "docker_image_name", " Name"))),
                        "docker_label_", prefixTable("docker_label_", "Docker labels"),
                        "docker_env_", prefixTable("docker_env_", "Environment variables"))));
    }

    static Topology containerImage() {
        return StandardTopologies.descriptor(TopologyId.CONTAINER_IMAGE)
                .withMetadataTemplates(StringMap.of("container",
                        new MetadataTemplate("container", "# Containers", 0, "number", 2, "counters")))
                .withTableTemplates(StringMap.of("docker_image_label_", prefixTable("docker_image_label_", "Docker labels")));
    }

    static Topology host() {
        return StandardTopologies.descriptor(TopologyId.HOST)
                .withControls(StringMap.of("host_exec", new Control("host_exec", "Exec shell", "fa fa-terminal", "", 0)))
                .withMetadataTemplates(StringMap.copyOf(Map.of(
                        "kernel_version", latest("kernel_version", "Kernel version", "", 1),
                        "uptime", latest("uptime", "Uptime", "duration", 2),
                        "host_name", latest("host_name", "Hostname", "", 11),
                        "os", latest("os", "OS", "", 12),
                        "local_networks", sets("local_networks", "Local networks", 13),
                        "host_scope_version", latest("host_scope_version", "Scope version", "", 14))))
                .withMetricTemplates(StringMap.copyOf(Map.of(
                        "host_cpu_usage_percent", new MetricTemplate("host_cpu_usage_percent", "CPU", "percent", "", 1),
                        "host_mem_usage_bytes", new MetricTemplate("host_mem_usage_bytes", "Memory", "filesize", "", 2),
                        "load1", new MetricTemplate("load1", "Load (1m)", "", "load", 11))));
    }

    private static MetadataTemplate latest(String id, String label, String dataType, double priority) {
        return new MetadataTemplate(id, label, 0, dataType, priority, "latest");
    }

    private static MetadataTemplate sets(String id, String label, double priority) {
        return new MetadataTemplate(id, label, 0, "", priority, "sets");
    }

    private static TableTemplate prefixTable(String prefix, String label) {
        return new TableTemplate(prefix, label, prefix, "property-list", null, null);
    }
}
