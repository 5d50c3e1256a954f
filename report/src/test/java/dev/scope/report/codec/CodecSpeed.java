package dev.scope.report.codec;

import dev.scope.report.Report;

/**
 * A rough, repeatable figure of codec speed on the Weave Scope capture (not a test; JMH benchmarks belong
 * to the bench module). Run after {@code ./mvnw -o -pl report test-compile}:
 * <pre>
 * CP=report/target/test-classes:report/target/classes:$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.22.4/*.jar):$(ls ~/.m2/repository/org/msgpack/msgpack-core/0.9.11/*.jar)
 * $JAVA_HOME/bin/java --sun-misc-unsafe-memory-access=allow -cp $CP dev.scope.report.codec.CodecSpeed
 * </pre>
 */
public final class CodecSpeed {
    private CodecSpeed() {
    }

    /** One operation to time. */
    private interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        DecodeLimits limits = DecodeLimits.defaults();
        byte[] msgpackGz = Fixtures.bytes(Fixtures.MSGPACK_GZ);
        byte[] jsonGz = Fixtures.bytes(Fixtures.JSON_GZ);
        Report report = ReportCodec.decode(msgpackGz, WireFormat.MSGPACK, true, limits);
        byte[] msgpack = ReportCodec.encode(report, WireFormat.MSGPACK, false);
        byte[] json = ReportCodec.encode(report, WireFormat.JSON, false);
        System.out.printf("capture: %d nodes, msgpack %d bytes, json %d bytes (uncompressed)%n",
                report.nodeCount(), msgpack.length, json.length);
        time("decode msgpack", msgpack.length, () -> ReportCodec.decode(msgpack, WireFormat.MSGPACK, false, limits));
        time("decode msgpack+gzip", msgpack.length, () -> ReportCodec.decode(msgpackGz, WireFormat.MSGPACK, true, limits));
        time("decode json", json.length, () -> ReportCodec.decode(json, WireFormat.JSON, false, limits));
        int capturedJsonLength = Fixtures.gunzipped(Fixtures.JSON_GZ).length; // pretty-printed, larger than ours
        time("decode json+gzip", capturedJsonLength, () -> ReportCodec.decode(jsonGz, WireFormat.JSON, true, limits));
        time("encode msgpack", msgpack.length, () -> ReportCodec.encode(report, WireFormat.MSGPACK, false));
        time("encode msgpack+gzip", msgpack.length, () -> ReportCodec.encode(report, WireFormat.MSGPACK, true));
        time("encode json", json.length, () -> ReportCodec.encode(report, WireFormat.JSON, false));
    }

    private static void time(String name, int bytes, Op op) throws Exception {
        for (long warm = System.nanoTime() + 3_000_000_000L; System.nanoTime() < warm; ) op.run();
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 4_000_000_000L) {
            op.run();
            n++;
        }
        double micros = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("%-20s %7.0f us/op %6.0f MB/s of uncompressed body%n", name, micros, bytes / micros);
    }
}
