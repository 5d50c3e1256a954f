package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import dev.scope.report.laws.ReportArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** decode(encode(r)) == r, for Weave-shaped reports and for reports full of edge cases. */
class RoundTripTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    private static Report roundTrip(Report r, WireFormat format, boolean gzip) throws ReportFormatException {
        return ReportCodec.decode(ReportCodec.encode(r, format, gzip), format, gzip, LIMITS);
    }

    @Provide
    Arbitrary<Report> weaveShaped() {
        return ReportArbitraries.reports();
    }

    @Provide
    Arbitrary<Report> edgyForMsgpack() {
        return CodecArbitraries.reports(false);
    }

    @Provide
    Arbitrary<Report> edgyForJson() {
        return CodecArbitraries.reports(true);
    }

    @Property(tries = 100)
    void weaveShapedReportsSurviveBothFormats(@ForAll("weaveShaped") Report r, @ForAll boolean gzip) throws Exception {
        assertThat(roundTrip(r, WireFormat.MSGPACK, gzip)).isEqualTo(r);
        // JSON has no NaN: such a sample comes back as 0 (see JsonWireWriter).
        if (!hasNonFiniteSample(r)) assertThat(roundTrip(r, WireFormat.JSON, gzip)).isEqualTo(r);
    }

    private static boolean hasNonFiniteSample(Report r) {
        for (TopologyId t : TopologyId.all()) {
            for (Node n : r.topology(t).nodes()) {
                for (int m = 0; m < n.metrics().size(); m++) {
                    Metric metric = n.metrics().valueAt(m);
                    if (!Double.isFinite(metric.min()) || !Double.isFinite(metric.max())) return true;
                    for (int i = 0; i < metric.size(); i++) if (!Double.isFinite(metric.valueAt(i))) return true;
                }
            }
        }
        return false;
    }

    @Property(tries = 80)
    void edgeCaseReportsSurviveMsgpack(@ForAll("edgyForMsgpack") Report r) throws Exception {
        assertThat(roundTrip(r, WireFormat.MSGPACK, false)).isEqualTo(r);
    }

    /** JSON cannot carry NaN or infinities; everything else survives it too. */
    @Property(tries = 80)
    void edgeCaseReportsSurviveJson(@ForAll("edgyForJson") Report r) throws Exception {
        assertThat(roundTrip(r, WireFormat.JSON, false)).isEqualTo(r);
    }

    @Property(tries = 50)
    void msgpackAndJsonCarryTheSameReport(@ForAll("edgyForJson") Report r) throws Exception {
        Report viaMsgpack = roundTrip(r, WireFormat.MSGPACK, false);
        byte[] json = ReportCodec.encode(viaMsgpack, WireFormat.JSON, false);
        assertThat(ReportCodec.decode(json, WireFormat.JSON, false, LIMITS)).isEqualTo(r);
    }
}
