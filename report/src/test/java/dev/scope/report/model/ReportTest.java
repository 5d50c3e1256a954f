package dev.scope.report.model;

import dev.scope.report.DnsRecord;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.Sampling;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @Test
    void aStandardReportDescribesTopologiesAsAWeaveScopeProbeDoes() {
        Report r = Report.standard("2055858777892593143", 1);
        assertThat(r.topology(TopologyId.PROCESS).shape()).isEqualTo("square");
        assertThat(r.topology(TopologyId.CONTAINER_IMAGE).label()).isEqualTo("image");
        assertThat(r.topology(TopologyId.VOLUME_SNAPSHOT).tag()).isEqualTo("camera");
        assertThat(r.topology(TopologyId.ENDPOINT)).isEqualTo(Topology.EMPTY);
        assertThat(r.topology(TopologyId.SWARM_SERVICE).metadataTemplates().toMap()).containsKeys("service_name", "stack_namespace");
        assertThat(r.nodeCount()).isZero();
    }

    @Test
    void theBuilderAddsNodesToTheNamedTopology() {
        Report r = Report.builder()
                .node(TopologyId.HOST, Node.of("vm;<host>", "host"))
                .node(TopologyId.PROCESS, Node.of("vm;1", "process"))
                .node(TopologyId.PROCESS, Node.of("vm;1", "process"))
                .build();
        assertThat(r.nodeCount()).isEqualTo(2);
        assertThat(r.topology(TopologyId.PROCESS).nodes().contains("vm;1")).isTrue();
        assertThat(r.toBuilder().build()).isEqualTo(r);
    }

    @Test
    void mergeAddsWindowsAndSamplingKeepsTheEarliestTimeAndAnyShortcut() {
        Report a = Report.builder().id("1").timestamp(200).window(3).sampling(new Sampling(1, 2)).build();
        Report b = Report.builder().id("2").timestamp(100).window(4).sampling(new Sampling(3, 4)).shortcut(true).build();
        Report merged = a.merge(b);
        assertThat(merged.window()).isEqualTo(7);
        assertThat(merged.sampling()).isEqualTo(new Sampling(4, 6));
        assertThat(merged.timestamp()).isEqualTo(100);
        assertThat(merged.shortcut()).isTrue();
        assertThat(merged.id()).isEqualTo("1");
        assertThat(Report.builder().timestamp(0).build().merge(a).timestamp()).as("0 means unknown").isEqualTo(200);
    }

    @Test
    void mergeUnitesDnsNamesPerAddress() {
        Report a = Report.builder().dns(StringMap.of("10.0.0.1", new DnsRecord(StringSet.of("db"), null))).build();
        Report b = Report.builder().dns(StringMap.of("10.0.0.1", new DnsRecord(null, StringSet.of("db.local")))).build();
        DnsRecord merged = a.merge(b).dns().get("10.0.0.1");
        assertThat(merged.forward()).containsExactly("db");
        assertThat(merged.reverse()).containsExactly("db.local");
    }

    @Test
    void theEmptyReportIsEmptyAndEqualReportsHaveEqualHashCodes() {
        assertThat(Report.empty().nodeCount()).isZero();
        Report a = Report.standard("7", 5), b = Report.standard("7", 5);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Report.standard("8", 5));
        assertThat(a.toString()).contains("id=7");
    }
}
