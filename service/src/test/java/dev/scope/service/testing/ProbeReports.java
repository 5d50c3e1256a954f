package dev.scope.service.testing;

import dev.scope.report.Control;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.TopologyId;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

/** Small probe reports, shaped like a Weave Scope 1.13 probe's, encoded as probes send them (msgpack + gzip). */
public final class ProbeReports {
    private ProbeReports() {
    }

    /** One host node, offering a host shell (admins only) and a restart-like control (editors and up). */
    public static Report host(String hostname, String probeId) {
        long now = System.currentTimeMillis() * 1_000_000L;
        String id = hostname + ";<host>";
        Report r = Report.standard("report-" + hostname, now).toBuilder()
                .node(TopologyId.HOST, Node.builder(id, "host").latest("host_name", hostname, now)
                        .latest("host_node_id", id, now).latest("control_probe_id", probeId, now)
                        .latest("active_controls", "host_exec;docker_restart_container", now).build())
                .build();
        return r.toBuilder().updateTopology(TopologyId.HOST, t -> t.withControls(StringMap.copyOf(java.util.Map.of(
                "host_exec", new Control("host_exec", "Exec shell", "fa fa-terminal", "", 0),
                "docker_restart_container", new Control("docker_restart_container", "Restart", "fa fa-redo", "", 1)))))
                .build();
    }

    public static byte[] msgpackGzip(Report report) {
        return ReportCodec.encode(report, WireFormat.MSGPACK, true);
    }
}
