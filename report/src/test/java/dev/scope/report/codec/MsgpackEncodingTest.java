package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;

class MsgpackEncodingTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    @Test
    void reEncodesTheFixtureWithTheSameFieldsAndMsgpackTypesAsWeaveScope() throws Exception {
        byte[] original = Fixtures.gunzipped(Fixtures.MSGPACK_GZ);
        Report report = ReportCodec.decode(original, WireFormat.MSGPACK, false, LIMITS);
        byte[] ours = ReportCodec.encode(report, WireFormat.MSGPACK, false);

        MsgpackTree expected = withIdsOnNodesThatLackThem(MsgpackTree.parse(original));
        MsgpackTree actual = MsgpackTree.parse(ours);
        assertThat(MsgpackTree.canonical(actual)).isEqualTo(MsgpackTree.canonical(expected));
    }

    /** Go's struct fields come in declaration order and its latest maps sorted; only its real maps vary. */
    @Test
    void keepsWeaveScopesFieldOrderAndSortedLatestMaps() throws Exception {
        byte[] original = Fixtures.gunzipped(Fixtures.MSGPACK_GZ);
        byte[] ours = ReportCodec.encode(ReportCodec.decode(original, WireFormat.MSGPACK, false, LIMITS), WireFormat.MSGPACK, false);
        var goMaps = java.util.Set.of("nodes", "sets", "parents", "metrics", "controls", "metadata_templates",
                "metric_templates", "table_templates", "DNS", "fixedRows");
        MsgpackTree expected = withIdsOnNodesThatLackThem(MsgpackTree.parse(original));
        assertThat(MsgpackTree.ordered(MsgpackTree.parse(ours), goMaps)).isEqualTo(MsgpackTree.ordered(expected, goMaps));
    }

    @Test
    void reEncodesTheFixtureToTheSameNumberOfBytes() throws Exception {
        byte[] original = Fixtures.gunzipped(Fixtures.MSGPACK_GZ);
        Report report = ReportCodec.decode(original, WireFormat.MSGPACK, false, LIMITS);
        byte[] ours = ReportCodec.encode(report, WireFormat.MSGPACK, false);
        // Two process nodes in the capture have no id; we write theirs ("id" + the key: 2 * (3 + 9) bytes).
        assertThat(ours.length).isEqualTo(original.length + 2 * (3 + 1 + 8));
    }

    @Test
    void reEncodedBytesDecodeToTheSameReport() throws Exception {
        Report report = ReportCodec.decode(Fixtures.bytes(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, true, LIMITS);
        for (boolean gzip : new boolean[] {false, true}) {
            byte[] ours = ReportCodec.encode(report, WireFormat.MSGPACK, gzip);
            assertThat(ReportCodec.decode(ours, WireFormat.MSGPACK, gzip, LIMITS)).isEqualTo(report);
        }
    }

    /**
     * Weave Scope filed two process nodes without "id" (and "topology") under their key; our model keys
     * nodes by id, so we write the key as the id. Everything else must match exactly.
     */
    private static MsgpackTree withIdsOnNodesThatLackThem(MsgpackTree report) {
        MsgpackTree.Map root = (MsgpackTree.Map) report;
        List<MsgpackTree.Entry> topologies = new ArrayList<>();
        for (MsgpackTree.Entry e : root.entries()) {
            if (e.value() instanceof MsgpackTree.Map topology && topology.get("nodes") instanceof MsgpackTree.Map nodes) {
                List<MsgpackTree.Entry> fixedNodes = new ArrayList<>();
                for (MsgpackTree.Entry n : nodes.entries()) {
                    MsgpackTree.Map node = (MsgpackTree.Map) n.value();
                    fixedNodes.add(node.get("id") != null ? n : new MsgpackTree.Entry(n.key(), node.withFirst("id", n.key(), MessageFormat.FIXSTR)));
                }
                List<MsgpackTree.Entry> fields = new ArrayList<>();
                for (MsgpackTree.Entry f : topology.entries()) {
                    fields.add(f.value() == nodes ? new MsgpackTree.Entry(f.key(), new MsgpackTree.Map(nodes.format(), fixedNodes)) : f);
                }
                topologies.add(new MsgpackTree.Entry(e.key(), new MsgpackTree.Map(topology.format(), fields)));
            } else {
                topologies.add(e);
            }
        }
        return new MsgpackTree.Map(root.format(), topologies);
    }
}
