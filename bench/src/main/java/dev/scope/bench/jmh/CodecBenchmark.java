package dev.scope.bench.jmh;

import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.ReportFormatException;
import dev.scope.report.codec.WireFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Decoding what probes POST to {@code /api/report} and encoding reports in Weave Scope 1.13's wire
 * formats. MB/s counts wire bytes: the compressed body when gzip is on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    /**
     * probe-report: one host with 50 containers; weave-capture: the real 1.13.2 probe's report (its own
     * bytes in the gzip formats); merged-100-hosts: the whole target cluster in one report.
     */
    @Param({"probe-report"})
    public String report;

    @Param({"msgpack+gzip", "msgpack", "json+gzip", "json"})
    public String wire;

    private Report decoded;
    private byte[] body;
    private WireFormat format;
    private boolean gzip;
    private final DecodeLimits limits = new DecodeLimits(1L << 30, 64, 16 << 20);

    @Setup
    public void encodeOnce() {
        decoded = Workloads.named(report);
        format = Workloads.format(wire);
        gzip = Workloads.gzip(wire);
        body = Workloads.body(report, decoded, wire);
    }

    @Benchmark
    public Report decode(Throughput counted) throws ReportFormatException {
        Report r = ReportCodec.decode(body, format, gzip, limits);
        counted.count(body.length, 1);
        return r;
    }

    @Benchmark
    public byte[] encode(Throughput counted) {
        byte[] out = ReportCodec.encode(decoded, format, gzip);
        counted.count(out.length, 1);
        return out;
    }
}
