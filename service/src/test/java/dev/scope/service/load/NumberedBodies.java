package dev.scope.service.load;

import dev.scope.report.Report;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One simulated probe's report as msgpack+gzip bodies, each with a report ID of its own as a real probe sends
 * (collection stores a repeated ID once). Encoding a whole report per post would make the load generator, which
 * shares the machine, the biggest consumer: the msgpack is encoded once with a fixed-width placeholder ID, and
 * each body only writes a new number into it and gzips (fastest level).
 */
final class NumberedBodies {
    private static final String PLACEHOLDER = "load-report-0000000000000000";
    private static final AtomicLong NEXT = new AtomicLong();

    private final byte[] msgpack;
    private final int idAt;

    NumberedBodies(Report report) {
        this.msgpack = ReportCodec.encode(report.toBuilder().id(PLACEHOLDER).build(), WireFormat.MSGPACK, false);
        this.idAt = indexOf(msgpack, PLACEHOLDER.getBytes(StandardCharsets.US_ASCII));
    }

    /** The report with the next unused ID, gzipped. */
    byte[] next() {
        byte[] numbered = msgpack.clone();
        byte[] digits = HexFormat.of().toHexDigits(NEXT.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, numbered, idAt + PLACEHOLDER.length() - digits.length, digits.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(numbered.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(numbered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new IllegalStateException("the report ID is not in its encoding");
    }
}
