package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** What Weave Scope's decoder accepts from older probes and plugins, and from newer ones. */
class BackwardsCompatibilityTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    private static Report json(String text) throws ReportFormatException {
        return ReportCodec.decode(text.getBytes(StandardCharsets.UTF_8), WireFormat.JSON, false, LIMITS);
    }

    @Test
    void turnsLatestControlsIntoActiveControlsKeepingOnlyTheLiveOnes() throws Exception {
        Report r = json("""
                {"Container": {"nodes": {"c1;<container>": {
                  "id": "c1;<container>", "topology": "container",
                  "latestControls": {
                    "docker_stop_container": {"timestamp": "2026-11-23T07:08:24Z", "value": {"dead": false}},
                    "docker_start_container": {"timestamp": "2026-11-23T07:08:25Z", "value": {"dead": true}},
                    "docker_attach_container": {"timestamp": "2026-11-23T07:08:23Z", "value": {"dead": false}}
                  }}}}}
                """);
        Node node = r.topology(TopologyId.CONTAINER).nodes().get("c1;<container>");
        assertThat(node.latestValue("active_controls")).isEqualTo("docker_attach_container;docker_stop_container");
        assertThat(GoTime.formatRfc3339Nano(node.latest().get("active_controls").timestamp())).isEqualTo("2026-11-23T07:08:25Z");
    }

    @Test
    void latestControlsOverrideAnActiveControlsEntryAsInWeaveScope() throws Exception {
        Report r = json("""
                {"Host": {"nodes": {"h;<host>": {
                  "latest": {"active_controls": {"timestamp": "2026-11-23T07:09:00Z", "value": "host_exec"}},
                  "latestControls": {"host_exec": {"timestamp": "2026-11-23T07:08:00Z", "value": {"dead": true}}}
                  }}}}
                """);
        assertThat(r.topology(TopologyId.HOST).nodes().get("h;<host>").latestValue("active_controls")).isEmpty();
    }

    @Test
    void skipsCountersAndFieldsItDoesNotKnowAtEveryLevel() throws Exception {
        Report r = json("""
                {"FutureTopology": {"nodes": {"x": {"id": "x"}}}, "Extra": [1, {"a": null}],
                 "Process": {"shape": "square", "future": {"deep": [[1]]}, "nodes": {"h;1": {
                   "id": "h;1", "topology": "process", "counters": {"n": 3}, "edges": {"a": 1},
                   "latest": {"pid": {"timestamp": "2026-11-23T07:08:24Z", "value": "1", "extra": true}},
                   "metrics": {"m": {"samples": [{"date": "2026-11-23T07:08:24Z", "value": 1, "x": 0}], "min": 0, "max": 2, "first": "x"}}
                 }}},
                 "ID": "7"}
                """);
        Node node = r.topology(TopologyId.PROCESS).nodes().get("h;1");
        assertThat(r.id()).isEqualTo("7");
        assertThat(r.topology(TopologyId.PROCESS).shape()).isEqualTo("square");
        assertThat(node.latestValue("pid")).isEqualTo("1");
        assertThat(node.metrics().get("m").lastValue()).isEqualTo(1.0);
    }

    @Test
    void readsNullsAsEmptyAndIntegersWhereFloatsAreExpected() throws Exception {
        Report r = json("""
                {"Host": {"nodes": {"h": {"id": "h", "sets": null, "adjacency": null, "latest": null, "metrics": null,
                  "parents": null, "children": null}}, "controls": null, "table_templates": {"t": {"id": "t", "columns": null, "fixedRows": null}}},
                 "DNS": null, "Plugins": null, "Window": 5, "Sampling": {"Count": 1, "Total": 2}}
                """);
        Node node = r.topology(TopologyId.HOST).nodes().get("h");
        assertThat(node.sets().isEmpty()).isTrue();
        assertThat(node.adjacency()).isEmpty();
        assertThat(r.topology(TopologyId.HOST).tableTemplates().get("t").columns()).isNull();
        assertThat(r.window()).isEqualTo(5);
        assertThat(r.sampling().total()).isEqualTo(2);
    }

    @Test
    void readsTheBareNaNAndUppercaseExponentsOlderGoEncodersWrote() throws Exception {
        Report r = json("""
                {"Host": {"nodes": {"h": {"metrics": {"m": {"samples": [{"date": "2026-11-23T07:08:26Z", "value": NaN}],
                  "min": 0.0, "max": 2.5276510208E+10}}}}}}
                """);
        var m = r.topology(TopologyId.HOST).nodes().get("h").metrics().get("m");
        assertThat(m.lastValue()).isNaN();
        assertThat(m.max()).isEqualTo(25_276_510_208.0);
    }

    @Test
    void sortsMetricSamplesThatArriveOutOfOrder() throws Exception {
        Report r = json("""
                {"Host": {"nodes": {"h": {"metrics": {"load1": {"samples": [
                  {"date": "2026-11-23T07:08:26Z", "value": 3}, {"date": "2026-11-23T07:08:24Z", "value": 1},
                  {"date": "2026-11-23T07:08:26Z", "value": 2}], "min": 0, "max": 4}}}}}}
                """);
        var load = r.topology(TopologyId.HOST).nodes().get("h").metrics().get("load1");
        assertThat(load.size()).isEqualTo(2);
        assertThat(load.valueAt(0)).isEqualTo(1.0);
        assertThat(load.valueAt(1)).isEqualTo(3.0);
    }

    @Test
    void acceptsMsgpackWithBinTypesStr8AndFloat32AsNewerEncodersWriteThem() throws Exception {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker(); // msgpack-java writes str8 for 32..255 bytes
        byte[] time = GoTime.toBinary(1_795_417_692_999_410_011L);
        p.packMapHeader(3).packString("TS").packBinaryHeader(time.length).writePayload(time);
        p.packString("ID").packString("i".repeat(40));
        p.packString("Host").packMapHeader(1).packString("nodes").packMapHeader(1).packString("h").packMapHeader(1)
                .packString("metrics").packMapHeader(1).packString("m").packMapHeader(2).packString("min").packFloat(0.5f)
                .packString("max").packInt(-3);
        Report r = ReportCodec.decode(p.toByteArray(), WireFormat.MSGPACK, false, LIMITS);
        assertThat(r.timestamp()).isEqualTo(1_795_417_692_999_410_011L);
        assertThat(r.id()).hasSize(40);
        var m = r.topology(TopologyId.HOST).nodes().get("h").metrics().get("m");
        assertThat(m.min()).isEqualTo(0.5);
        assertThat(m.max()).isEqualTo(-3.0);
    }
}
