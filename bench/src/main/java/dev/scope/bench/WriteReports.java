package dev.scope.bench;

import dev.scope.report.Report;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic cluster's reports as files, one per host, ready to POST to {@code /api/report}
 * by any load tool:
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.scope.bench.WriteReports target-100 /tmp/reports [msgpack|json] [seed]</pre>
 *
 * Files are named {@code host-007.msgpack.gz} (gzip-compressed, as probes send them).
 */
public final class WriteReports {
    private WriteReports() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: WriteReports PRESET DIR [msgpack|json] [SEED]   (PRESET: target-100, docker-hosts-N)");
            System.exit(2);
        }
        try {
            SyntheticCluster.Shape shape = SyntheticCluster.Shape.named(args[0]);
            WireFormat format = args.length > 2 ? WireFormat.valueOf(args[2].toUpperCase(Locale.ROOT)) : WireFormat.MSGPACK;
            long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
            long written = write(SyntheticCluster.of(shape, seed), Path.of(args[1]), format, System.currentTimeMillis() * 1_000_000);
            System.out.printf("wrote %d reports (%,d bytes) to %s%n", shape.hosts(), written, args[1]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Writes every host's report made at {@code nowNanos}; returns the bytes written. */
    public static long write(SyntheticCluster cluster, Path dir, WireFormat format, long nowNanos) throws IOException {
        Files.createDirectories(dir);
        String suffix = "." + format.name().toLowerCase(Locale.ROOT) + ".gz";
        long total = 0;
        for (int h = 0; h < cluster.hostCount(); h++) {
            Report report = cluster.report(h, nowNanos);
            Path file = dir.resolve("host-%03d%s".formatted(h, suffix));
            try (OutputStream out = Files.newOutputStream(file)) {
                ReportCodec.encode(report, format, true, out);
            }
            total += Files.size(file);
        }
        return total;
    }
}
