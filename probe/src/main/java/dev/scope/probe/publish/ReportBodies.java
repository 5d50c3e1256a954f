package dev.scope.probe.publish;

import dev.scope.report.Report;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

/** Report bodies as Weave Scope's probe sends them: msgpack, gzip. */
public final class ReportBodies {
    private ReportBodies() {
    }

    public static byte[] msgpackGzip(Report report) {
        return ReportCodec.encode(report, WireFormat.MSGPACK, true);
    }
}
