package dev.scope.render;

import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;

/**
 * A cluster shaped like Weave Scope 1.13 probe reports, merged as the app merges them: per host,
 * {@code containers} containers of {@code perContainer} processes plus {@code hostProcesses} more;
 * every container talks to one on the next host, and one host process per host to the Internet.
 * 100 hosts × (8 × 5 + 85) = 12,500 processes is the speed target's shape.
 */
final class SyntheticReports {
    private static final long NOW = 1_700_000_000_000_000_000L;

    private SyntheticReports() {
    }

    static Report cluster(int hosts, int containers, int perContainer, int hostProcesses) {
        Report merged = Report.empty();
        for (int h = 0; h < hosts; h++) merged = merged.merge(host(h, hosts, containers, perContainer, hostProcesses));
        return merged;
    }

    private static Report host(int h, int hosts, int containers, int perContainer, int hostProcesses) {
        String host = "host-" + h;
        String hostId = host + ";<host>";
        Report.Builder r = Report.standard("probe-" + h, NOW).toBuilder();
        r.node(TopologyId.HOST, Node.builder(hostId, "host").latest("host_name", host, NOW)
                .latest("host_node_id", hostId, NOW).set("local_networks", "10." + h + ".0.0/16")
                .metric("host_cpu_usage_percent", series(h, 100)).build());
        int pid = 100;
        for (int c = 0; c < containers; c++) {
            String cid = String.format("%08x%056x", h, c);
            String ip = "10." + h + "." + c + ".2";
            r.node(TopologyId.CONTAINER, Node.builder(cid + ";<container>", "container")
                    .latest("docker_container_id", cid, NOW).latest("docker_container_name", "app-" + c, NOW)
                    .latest("docker_container_state", "running", NOW).latest("docker_image_id", "img" + c, NOW)
                    .latest("host_node_id", hostId, NOW).set("docker_container_ips_with_scopes", ";" + ip)
                    .parent("host", hostId).parent("container_image", "img" + c + ";<container_image>")
                    .metric("docker_cpu_total_usage", series(c, 100)).build());
            r.node(TopologyId.CONTAINER_IMAGE, Node.builder("img" + c + ";<container_image>", "container_image")
                    .latest("docker_image_id", "img" + c, NOW).latest("docker_image_name", "shop/app-" + c + ":1.0", NOW)
                    .latest("host_node_id", hostId, NOW).parent("host", hostId).build());
            for (int p = 0; p < perContainer; p++, pid++) {
                r.node(TopologyId.PROCESS, process(host, pid, "worker-" + p, cid));
            }
            // The container's first process calls the same container on the next host.
            int firstPid = pid - perContainer;
            String next = "10." + ((h + 1) % hosts) + "." + c + ".2";
            r.node(TopologyId.ENDPOINT, Node.builder(";" + ip + ";" + (40000 + c), "endpoint")
                    .latest("pid", Integer.toString(firstPid), NOW).latest("host_node_id", hostId, NOW)
                    .adjacent(";" + next + ";80").build());
            r.node(TopologyId.ENDPOINT, Node.builder(";" + ip + ";80", "endpoint")
                    .latest("pid", Integer.toString(firstPid), NOW).latest("host_node_id", hostId, NOW).build());
        }
        for (int p = 0; p < hostProcesses; p++, pid++) r.node(TopologyId.PROCESS, process(host, pid, "daemon-" + (p % 20), null));
        r.node(TopologyId.ENDPOINT, Node.builder(";10." + h + ".0.1;50000", "endpoint").latest("pid", Integer.toString(pid - 1), NOW)
                .latest("host_node_id", hostId, NOW).adjacent(";93.184.216.34;443").build());
        r.node(TopologyId.ENDPOINT, Node.builder(";93.184.216.34;443", "endpoint").build());
        return r.build();
    }

    private static Node process(String host, int pid, String name, String containerId) {
        Node.Builder b = Node.builder(host + ";" + pid, "process").latest("pid", Integer.toString(pid), NOW)
                .latest("name", name, NOW).latest("cmdline", name + " --serve", NOW).latest("ppid", "1", NOW)
                .latest("threads", "4", NOW).latest("host_node_id", host + ";<host>", NOW).parent("host", host + ";<host>")
                .metric("process_cpu_usage_percent", series(pid, 200)).metric("process_memory_usage_bytes", series(pid, 1e9));
        if (containerId != null) b.latest("docker_container_id", containerId, NOW).parent("container", containerId + ";<container>");
        return b.build();
    }

    private static Metric series(int seed, double max) {
        long[] times = new long[15];
        double[] values = new double[15];
        for (int i = 0; i < times.length; i++) {
            times[i] = NOW - (15 - i) * 1_000_000_000L;
            values[i] = (seed * 31 + i * 7) % 100;
        }
        return Metric.of(times, values, 0, max);
    }
}
