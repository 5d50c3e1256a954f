package dev.scope.service.load;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;

/**
 * A probe's report shaped like a Docker host's: the host, {@code containers} containers with {@code perContainer}
 * processes each, and one endpoint per container talking to a container on the next host. Sizes like the bench's
 * docker-hosts preset (50 containers × 5 processes) give a realistic body (tens of KB compressed).
 */
final class SimulatedHost {
    private SimulatedHost() {
    }

    static Report report(String org, int host, int hosts, int containers, int perContainer, long nowNanos) {
        String h = org + "-host-" + host;
        String hostId = h + ";<host>";
        Report.Builder r = Report.standard("r-" + h + "-" + nowNanos, nowNanos).toBuilder();
        r.node(TopologyId.HOST, Node.builder(hostId, "host").latest("host_name", h, nowNanos)
                .latest("host_node_id", hostId, nowNanos).latest("os", "linux", nowNanos)
                .latest("kernel_version", "6.1.0", nowNanos).latest("control_probe_id", "probe-" + h, nowNanos).build());
        for (int c = 0; c < containers; c++) {
            String cid = String.format("%08x%04x", host, c).repeat(6).substring(0, 64);
            String containerNode = cid + ";<container>";
            String ip = "10." + (host % 250) + "." + (c / 250) + "." + (c % 250 + 1);
            r.node(TopologyId.CONTAINER, Node.builder(containerNode, "container").latest("docker_container_id", cid, nowNanos)
                    .latest("docker_container_name", "svc-" + c, nowNanos).latest("docker_container_state", "running", nowNanos)
                    .latest("docker_image_id", "img" + (c % 10), nowNanos).latest("host_node_id", hostId, nowNanos)
                    .parent("host", hostId).set("docker_container_ips_with_scopes", ";" + ip).build());
            for (int p = 0; p < perContainer; p++) {
                String pid = Integer.toString(1000 + c * perContainer + p);
                r.node(TopologyId.PROCESS, Node.builder(h + ";" + pid, "process").latest("pid", pid, nowNanos)
                        .latest("name", "worker-" + p, nowNanos).latest("cmdline", "/usr/bin/worker-" + p + " --port 80" + p, nowNanos)
                        .latest("host_node_id", hostId, nowNanos).latest("docker_container_id", cid, nowNanos)
                        .parent("host", hostId).parent("container", containerNode).build());
            }
            String peerIp = "10." + ((host + 1) % hosts % 250) + "." + (c / 250) + "." + (c % 250 + 1);
            String local = h + ";" + ip + ";" + (40000 + c);
            String remote = ";" + peerIp + ";80";
            r.node(TopologyId.ENDPOINT, Node.builder(local, "endpoint").latest("host_node_id", hostId, nowNanos)
                    .latest("pid", Integer.toString(1000 + c * perContainer), nowNanos).adjacent(remote).build());
        }
        return r.build();
    }
}
