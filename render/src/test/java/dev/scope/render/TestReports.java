package dev.scope.render;

import dev.scope.report.DnsRecord;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TopologyId;

/** Small hand-built reports, shaped like a Weave Scope 1.13 probe's, for behaviour tests. */
final class TestReports {
    static final long T = 1_700_000_000_000_000_000L;

    private final Report.Builder report = Report.standard("test", T).toBuilder();
    private StringMap<DnsRecord> dns = StringMap.empty();

    static TestReports withHost(String host, String... localNetworks) {
        TestReports r = new TestReports();
        r.node(TopologyId.HOST, Node.builder(host + ";<host>", "host")
                .latest("host_name", host, T).latest("host_node_id", host + ";<host>", T)
                .set("local_networks", localNetworks).build());
        return r;
    }

    TestReports node(TopologyId topology, Node node) {
        report.node(topology, node);
        return this;
    }

    TestReports process(String host, String pid, String name, String containerIdOrNull) {
        Node.Builder b = Node.builder(host + ";" + pid, "process").latest("pid", pid, T).latest("name", name, T)
                .latest("cmdline", name + " --flag value", T).latest("host_node_id", host + ";<host>", T)
                .parent("host", host + ";<host>");
        if (containerIdOrNull != null) {
            b.latest("docker_container_id", containerIdOrNull, T).parent("container", containerIdOrNull + ";<container>");
        }
        return node(TopologyId.PROCESS, b.build());
    }

    TestReports container(String host, String id, String name, String state, String ip) {
        Node.Builder b = Node.builder(id + ";<container>", "container").latest("docker_container_id", id, T)
                .latest("docker_container_name", name, T).latest("docker_container_state", state, T)
                .latest("host_node_id", host + ";<host>", T).parent("host", host + ";<host>");
        if (ip != null) b.set("docker_container_ips_with_scopes", ";" + ip);
        return node(TopologyId.CONTAINER, b.build());
    }

    /** An endpoint seen by a probe on {@code host}, owned by {@code pid} (null: unknown), connected to {@code to}. */
    TestReports endpoint(String host, String id, String pid, String... to) {
        Node.Builder b = Node.builder(id, "endpoint").latest("host_node_id", host + ";<host>", T).adjacent(to);
        if (pid != null) b.latest("pid", pid, T);
        return node(TopologyId.ENDPOINT, b.build());
    }

    /** An endpoint no local probe owns: the remote end of a connection. */
    TestReports remoteEndpoint(String id, String... to) {
        return node(TopologyId.ENDPOINT, Node.builder(id, "endpoint").adjacent(to).build());
    }

    TestReports dns(String addr, String... forwardNames) {
        dns = dns.with(addr, new DnsRecord(StringSet.of(forwardNames), StringSet.EMPTY));
        return this;
    }

    Report build() {
        return report.dns(dns).build();
    }
}
