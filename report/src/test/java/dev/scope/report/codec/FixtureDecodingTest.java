package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class FixtureDecodingTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    private static Report msgpack() throws Exception {
        return ReportCodec.decode(Fixtures.bytes(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, true, LIMITS);
    }

    private static Report json() throws Exception {
        return ReportCodec.decode(Fixtures.bytes(Fixtures.JSON_GZ), WireFormat.JSON, true, LIMITS);
    }

    /** The two captures are two encodings of one report; only the id, drawn anew per encoding, differs. */
    @Test
    void decodesTheMsgpackAndJsonCapturesOfOneReportToEqualReports() throws Exception {
        Report fromMsgpack = msgpack();
        Report fromJson = json();
        assertThat(fromMsgpack.id()).isEqualTo("4310404218035238746");
        assertThat(fromJson.id()).isEqualTo("2055858777892593143");
        assertThat(fromMsgpack.toBuilder().id("same").build()).isEqualTo(fromJson.toBuilder().id("same").build());
    }

    @Test
    void decodesTheReportLevelFields() throws Exception {
        Report r = msgpack();
        assertThat(r.id()).isEqualTo("4310404218035238746");
        assertThat(GoTime.formatRfc3339Nano(r.timestamp())).isEqualTo("2026-11-23T07:08:12.999410011Z");
        assertThat(r.window()).isEqualTo(12_001_649_230L);
        assertThat(r.shortcut()).isFalse();
        assertThat(r.plugins().isEmpty()).isTrue();
        assertThat(r.dns().get("127.0.0.1").reverse()).containsExactly("localhost", "runsc", "vm");
    }

    @Test
    void decodesNodeCountsPerTopology() throws Exception {
        Report r = msgpack();
        assertThat(r.topology(TopologyId.ENDPOINT).nodes().size()).isEqualTo(7);
        assertThat(r.topology(TopologyId.PROCESS).nodes().size()).isEqualTo(127);
        assertThat(r.topology(TopologyId.CONTAINER).nodes().size()).isEqualTo(7);
        assertThat(r.topology(TopologyId.CONTAINER_IMAGE).nodes().size()).isEqualTo(1);
        assertThat(r.topology(TopologyId.HOST).nodes().size()).isEqualTo(1);
        assertThat(r.topology(TopologyId.OVERLAY).nodes().size()).isEqualTo(1);
    }

    @Test
    void decodesTheHostNodeWithLatestSetsMetricsAndTemplates() throws Exception {
        Report r = msgpack();
        var host = r.topology(TopologyId.HOST);
        assertThat(host.shape()).isEqualTo("circle");
        assertThat(host.labelPlural()).isEqualTo("hosts");
        assertThat(host.controls().get("host_exec").human()).isEqualTo("Exec shell");
        assertThat(host.controls().get("host_exec").rank()).isZero();
        Node node = host.nodes().get("vm;<host>");
        assertThat(node.topology()).isEqualTo("host");
        assertThat(node.latestValue("host_name")).isEqualTo("vm");
        assertThat(GoTime.formatRfc3339Nano(node.latest().get("host_name").timestamp())).isEqualTo("2026-11-23T07:08:24.002471886Z");
        assertThat(node.set("local_networks")).containsExactly("10.199.0.1/24", "10.199.5.1/24", "127.0.0.1/8", "192.0.2.2/24");
        var load1 = node.metrics().get("load1");
        assertThat(load1.size()).isEqualTo(12);
        assertThat(load1.min()).isEqualTo(0.08);
        assertThat(load1.max()).isEqualTo(0.1);
        assertThat(GoTime.formatRfc3339Nano(load1.timeAt(3))).isEqualTo("2026-11-23T07:08:16.0004571Z");
    }

    @Test
    void decodesContainerTemplatesIncludingNullColumns() throws Exception {
        var container = msgpack().topology(TopologyId.CONTAINER);
        assertThat(container.controls().size()).isEqualTo(8);
        assertThat(container.metadataTemplates().get("docker_container_id").truncate()).isEqualTo(12);
        assertThat(container.metadataTemplates().get("docker_container_created").dataType()).isEqualTo("datetime");
        assertThat(container.metricTemplates().get("docker_memory_usage").format()).isEqualTo("filesize");
        var image = container.tableTemplates().get("image_table");
        assertThat(image.columns()).isNull();
        assertThat(image.fixedRows().get("docker_image_tag")).isEqualTo(" Tag");
        assertThat(container.tableTemplates().get("docker_env_").fixedRows().isEmpty()).isTrue();
    }

    @Test
    void givesANodeWithoutAnIdTheKeyItIsFiledUnder() throws Exception {
        Node ghost = msgpack().topology(TopologyId.PROCESS).nodes().get("vm;17091");
        assertThat(ghost).isNotNull();
        assertThat(ghost.id()).isEqualTo("vm;17091");
        assertThat(ghost.topology()).isEmpty();
        assertThat(ghost.metrics().get("open_files_count").lastValue()).isEqualTo(3.0);
    }

    @Test
    void decodesFromAStreamAndFromUncompressedBytesAlike() throws Exception {
        Report fromStream = ReportCodec.decode(new ByteArrayInputStream(Fixtures.bytes(Fixtures.MSGPACK_GZ)),
                WireFormat.MSGPACK, true, LIMITS);
        Report plain = ReportCodec.decode(Fixtures.gunzipped(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, false, LIMITS);
        Report plainJson = ReportCodec.decode(Fixtures.gunzipped(Fixtures.JSON_GZ), WireFormat.JSON, false, LIMITS);
        assertThat(fromStream).isEqualTo(plain);
        assertThat(plainJson).isEqualTo(json());
    }
}
