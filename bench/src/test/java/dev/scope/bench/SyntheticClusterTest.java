package dev.scope.bench;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticClusterTest {
    private static final long NOW = 1_795_417_704_002_466_438L; // 2026-11-23T07:08:24Z, as in the capture
    private static final List<TopologyId> DOCKER_HOST_TOPOLOGIES =
            List.of(TopologyId.PROCESS, TopologyId.CONTAINER, TopologyId.CONTAINER_IMAGE, TopologyId.HOST);

    private static Report capture;

    @BeforeAll
    static void loadTheWeaveScopeCapture() throws IOException {
        try (InputStream in = SyntheticClusterTest.class.getResourceAsStream("/weave-scope-1.13/probe-report.json.gz")) {
            capture = ReportCodec.decode(in, WireFormat.JSON, true, DecodeLimits.defaults());
        }
    }

    private static Report merged(SyntheticCluster cluster) {
        return cluster.reports(NOW).stream().reduce(Report.empty(), Report::merge);
    }

    @Test
    void targetPresetHasAHundredHostsTwelveAndAHalfThousandProcessesAndEightHundredContainers() {
        Report all = merged(SyntheticCluster.of(SyntheticCluster.Shape.TARGET_100_HOSTS, 1));
        assertThat(all.topology(TopologyId.HOST).nodes().size()).isEqualTo(100);
        assertThat(all.topology(TopologyId.PROCESS).nodes().size()).isEqualTo(12_500);
        assertThat(all.topology(TopologyId.CONTAINER).nodes().size()).isEqualTo(800);
        assertThat(SyntheticCluster.Shape.TARGET_100_HOSTS.processes()).isEqualTo(12_500);
    }

    @Test
    void dockerHostPresetsRunFiftyContainersOfFiveProcessesOnEachHost() {
        SyntheticCluster.Shape shape = SyntheticCluster.Shape.dockerHosts(10);
        Report all = merged(SyntheticCluster.of(shape, 1));
        assertThat(all.topology(TopologyId.CONTAINER).nodes().size()).isEqualTo(500);
        assertThat(all.topology(TopologyId.PROCESS).nodes().size()).isEqualTo(10 * (10 + 50 * 5));
        Node container = all.topology(TopologyId.CONTAINER).nodes().nodes().getFirst();
        long inIt = all.topology(TopologyId.PROCESS).nodes().nodes().stream()
                .filter(p -> p.parentIds("container").contains(container.id())).count();
        assertThat(inIt).isEqualTo(5);
    }

    @Test
    void theSameSeedAndTimeGiveEqualReportsAndAnotherSeedOtherContainers() {
        SyntheticCluster.Shape shape = new SyntheticCluster.Shape(3, 4, 2, 5, 2, 12);
        assertThat(SyntheticCluster.of(shape, 7).reports(NOW)).isEqualTo(SyntheticCluster.of(shape, 7).reports(NOW));
        Set<String> seven = ids(SyntheticCluster.of(shape, 7).report(0, NOW), TopologyId.CONTAINER);
        Set<String> eight = ids(SyntheticCluster.of(shape, 8).report(0, NOW), TopologyId.CONTAINER);
        assertThat(seven).doesNotContainAnyElementsOf(eight);
    }

    @Test
    void everyConnectionEndsAtAServerThatAnotherHostReportsWithItsPid() {
        SyntheticCluster cluster = SyntheticCluster.of(new SyntheticCluster.Shape(5, 6, 2, 5, 3, 12), 3);
        Report all = merged(cluster);
        int crossHost = 0;
        for (Node client : all.topology(TopologyId.ENDPOINT).nodes()) {
            for (String serverId : client.adjacency()) {
                Node server = all.topology(TopologyId.ENDPOINT).nodes().get(serverId);
                assertThat(server).as("server end of " + client.id()).isNotNull();
                assertThat(server.latestValue("pid")).as("pid of " + serverId).isNotNull();
                if (!server.latestValue("host_node_id").equals(client.latestValue("host_node_id"))) crossHost++;
            }
        }
        assertThat(crossHost).isEqualTo(5 * 6 * 3);
    }

    @Test
    void topologiesCarryTheControlsAndTemplatesOfTheWeaveScopeCapture() {
        Report synthetic = SyntheticCluster.of(new SyntheticCluster.Shape(2, 2, 2, 2, 1, 12), 1).report(0, NOW);
        for (TopologyId t : DOCKER_HOST_TOPOLOGIES) {
            Topology ours = synthetic.topology(t), theirs = capture.topology(t);
            assertThat(ours.controls()).as(t + " controls").isEqualTo(theirs.controls());
            assertThat(ours.metadataTemplates()).as(t + " metadata templates").isEqualTo(theirs.metadataTemplates());
            assertThat(ours.metricTemplates()).as(t + " metric templates").isEqualTo(theirs.metricTemplates());
            assertThat(ours.tableTemplates()).as(t + " table templates").isEqualTo(theirs.tableTemplates());
            assertThat(List.of(ours.shape(), ours.label(), ours.labelPlural()))
                    .isEqualTo(List.of(theirs.shape(), theirs.label(), theirs.labelPlural()));
        }
    }

    @Test
    void nodesUseTheKeysAndIdFormatsOfTheWeaveScopeCapture() {
        Report synthetic = SyntheticCluster.of(new SyntheticCluster.Shape(3, 3, 2, 4, 2, 12), 1).report(1, NOW);
        Map<TopologyId, Pattern> idFormats = Map.of(
                TopologyId.PROCESS, Pattern.compile("[^;]+;\\d+"),
                TopologyId.CONTAINER, Pattern.compile("[0-9a-f]{64};<container>"),
                TopologyId.CONTAINER_IMAGE, Pattern.compile("[0-9a-f]{64};<container_image>"),
                TopologyId.HOST, Pattern.compile("[^;]+;<host>"),
                TopologyId.ENDPOINT, Pattern.compile("([^;]+-\\d+;127\\.0\\.0\\.1|;[0-9.]+);\\d+"));
        idFormats.forEach((t, format) -> {
            assertThat(synthetic.topology(t).nodes().size()).as(t + " nodes").isPositive();
            for (Node n : synthetic.topology(t).nodes()) {
                assertThat(n.id()).as(t + " id").matches(format);
                assertThat(n.topology()).isEqualTo(t.name);
                assertThat(keys(n.latest().toMap().keySet())).as(t + " latest keys of " + n.id())
                        .isSubsetOf(keys(latestKeysOf(capture.topology(t))));
                assertThat(n.metrics().toMap().keySet()).as(t + " metrics").isSubsetOf(metricKeysOf(capture.topology(t)));
            }
        });
    }

    @Test
    void reportsSurviveTheWeaveWireFormatsUnchanged() throws IOException {
        Report report = SyntheticCluster.of(new SyntheticCluster.Shape(2, 3, 2, 3, 2, 12), 5).report(1, NOW);
        for (WireFormat format : WireFormat.values()) {
            byte[] body = ReportCodec.encode(report, format, true);
            assertThat(ReportCodec.decode(body, format, true, DecodeLimits.defaults())).as(format.name()).isEqualTo(report);
        }
    }

    @Test
    void rejectsShapesWithoutHostsAndHostsOutsideTheCluster() {
        assertThatThrownBy(() -> new SyntheticCluster.Shape(0, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one host");
        SyntheticCluster cluster = SyntheticCluster.of(new SyntheticCluster.Shape(2, 1, 1, 1, 1, 1), 1);
        assertThatThrownBy(() -> cluster.report(2, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host 2 is outside 0..1");
    }

    private static Set<String> ids(Report r, TopologyId t) {
        Set<String> out = new HashSet<>();
        r.topology(t).nodes().forEach(n -> out.add(n.id()));
        return out;
    }

    /** Keys the capture's nodes have, plus the prefixes its table templates show (image labels, say). */
    private static Set<String> latestKeysOf(Topology t) {
        Set<String> out = new HashSet<>();
        t.nodes().forEach(n -> out.addAll(n.latest().toMap().keySet()));
        t.tableTemplates().forEach((id, table) -> { if (!table.prefix().isEmpty()) out.add(table.prefix() + "*"); });
        return out;
    }

    private static Set<String> metricKeysOf(Topology t) {
        Set<String> out = new HashSet<>();
        t.nodes().forEach(n -> out.addAll(n.metrics().toMap().keySet()));
        return out;
    }

    /** Label and image-label keys are free-form after their prefix; compare the prefix only. */
    private static Set<String> keys(Set<String> latestKeys) {
        Set<String> out = new HashSet<>();
        for (String k : latestKeys) {
            String prefix = List.of("docker_label_", "docker_image_label_").stream()
                    .filter(k::startsWith).findFirst().orElse(null);
            out.add(prefix == null ? k : prefix + "*");
        }
        return out;
    }
}
