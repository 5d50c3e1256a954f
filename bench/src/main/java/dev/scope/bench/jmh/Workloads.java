package dev.scope.bench.jmh;

import dev.scope.bench.SyntheticCluster;
import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.ReportFormatException;
import dev.scope.report.codec.WireFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.util.List;

/** The inputs every benchmark shares, built once per JMH fork from fixed seeds. */
final class Workloads {
    private Workloads() {
    }

    /** 2026-11-23T07:08:24Z, as in the Weave Scope capture. */
    static final long NOW = 1_795_417_704_002_466_438L;
    static final long SEED = 42;

    /** The 100 reports the ingest target's app receives every publish interval (12.5k processes, 800 containers). */
    static List<Report> targetClusterReports() {
        return SyntheticCluster.of(SyntheticCluster.Shape.TARGET_100_HOSTS, SEED).reports(NOW);
    }

    /** A big single probe report: one host with 50 containers of 5 processes (260 processes, ~1,000 nodes). */
    static Report largeProbeReport() {
        return SyntheticCluster.of(SyntheticCluster.Shape.dockerHosts(10), SEED).report(0, NOW);
    }

    /** What an app holds after merging the target cluster's reports; encoded for {@code /api/report}. */
    static Report mergedTargetCluster() {
        Report merged = Report.empty();
        for (Report r : targetClusterReports()) merged = merged.merge(r);
        return merged;
    }

    static Report named(String name) {
        return switch (name) {
            case "probe-report" -> largeProbeReport();
            case "merged-100-hosts" -> mergedTargetCluster();
            case "weave-capture" -> decode(captured("msgpack+gzip"), "msgpack+gzip");
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }

    /**
     * The body a probe would send: for {@code weave-capture} in a gzip format, the very bytes the real
     * Weave Scope 1.13.2 probe sent (Go's encoders); otherwise our encoding of the report.
     */
    static byte[] body(String name, Report report, String wire) {
        if (name.equals("weave-capture") && gzip(wire)) return captured(wire);
        return ReportCodec.encode(report, format(wire), gzip(wire));
    }

    private static byte[] captured(String wire) {
        String resource = format(wire) == WireFormat.MSGPACK
                ? "/weave-scope-1.13/probe-report-msgpack.gz" : "/weave-scope-1.13/probe-report.json.gz";
        try (InputStream in = Workloads.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Report decode(byte[] body, String wire) {
        try {
            return ReportCodec.decode(body, format(wire), gzip(wire), DecodeLimits.defaults());
        } catch (ReportFormatException e) {
            throw new IllegalStateException("the Weave Scope capture no longer decodes: " + e.getMessage(), e);
        }
    }

    /** "msgpack+gzip" → MSGPACK, gzip; "json" → JSON, plain. */
    static WireFormat format(String wire) {
        return WireFormat.valueOf(wire.split("\\+")[0].toUpperCase(java.util.Locale.ROOT));
    }

    static boolean gzip(String wire) {
        return wire.endsWith("+gzip");
    }
}
