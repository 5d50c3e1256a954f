package dev.scope.report.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scope.report.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessagePackException;

/**
 * Reads and writes reports in Weave Scope 1.13's wire formats (msgpack or JSON, optionally gzip).
 * Decoding streams straight into the model and holds any input to {@link DecodeLimits}; every problem
 * with the input comes out as a {@link ReportFormatException}. See the package documentation for the
 * format rules.
 */
public final class ReportCodec {
    private ReportCodec() {
    }

    public static Report decode(byte[] body, WireFormat format, boolean gzip, DecodeLimits limits) throws ReportFormatException {
        long budget = gzip ? limits.maxBytes() : Math.min(body.length, limits.maxBytes());
        return decode(new ByteArrayInputStream(body), format, gzip, limits, budget);
    }

    public static Report decode(InputStream in, WireFormat format, boolean gzip, DecodeLimits limits) throws ReportFormatException {
        return decode(in, format, gzip, limits, limits.maxBytes());
    }

    private static Report decode(InputStream in, WireFormat format, boolean gzip, DecodeLimits limits, long budget)
            throws ReportFormatException {
        DecodeContext context = new DecodeContext();
        try {
            InputStream body = BoundedInputStream.of(in, limits.maxBytes(), gzip ? "compressed body" : "body");
            if (gzip) body = BoundedInputStream.of(new GZIPInputStream(body, 8192), limits.maxBytes(), "decompressed body");
            Report report = switch (format) {
                case MSGPACK -> decodeMsgpack(body, limits, budget, context);
                case JSON -> decodeJson(body, limits, context);
            };
            // Like Weave Scope, which reads the whole gzip stream first: a cut or corrupt trailer is an error.
            if (gzip) drain(body);
            return report;
        } catch (ReportFormatException e) {
            throw e;
        } catch (IOException e) {
            // Only the stream underneath can fail like this: a truncated or corrupt gzip body, or the connection.
            String what = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ReportFormatException((gzip ? "gzip: " : "reading body: ") + what + context, e);
        } catch (RuntimeException e) {
            throw new ReportFormatException("invalid report" + context + ": " + e, e);
        }
    }

    private static void drain(InputStream body) throws IOException {
        byte[] sink = new byte[8192];
        while (body.read(sink) >= 0) {
            // discard what follows the report; the bounded stream still counts it
        }
    }

    private static Report decodeMsgpack(InputStream body, DecodeLimits limits, long budget, DecodeContext context)
            throws IOException {
        MsgpackWireReader reader = new MsgpackWireReader(body, limits, budget, context);
        try {
            return new ReportReader(reader, context).readReport();
        } catch (MessagePackException e) {
            throw reader.error(e);
        }
    }

    private static Report decodeJson(InputStream body, DecodeLimits limits, DecodeContext context) throws IOException {
        try (JsonParser parser = JsonFactories.forLimits(limits).createParser(body)) {
            JsonWireReader reader = new JsonWireReader(parser, limits, context);
            try {
                return new ReportReader(reader, context).readReport();
            } catch (JsonProcessingException e) {
                throw reader.error(e);
            }
        }
    }

    /** Writes the report as Weave Scope 1.13 would; the stream is flushed, not closed. */
    public static void encode(Report report, WireFormat format, boolean gzip, OutputStream out) throws IOException {
        if (gzip) {
            GZIPOutputStream zipped = new GZIPOutputStream(new NonClosingOutputStream(out), 8192);
            encodePlain(report, format, zipped);
            zipped.finish();
            zipped.close();
            out.flush();
        } else {
            encodePlain(report, format, out);
            out.flush();
        }
    }

    public static byte[] encode(Report report, WireFormat format, boolean gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            encode(report, format, gzip, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void encodePlain(Report report, WireFormat format, OutputStream out) throws IOException {
        WireWriter writer = switch (format) {
            case MSGPACK -> new MsgpackWireWriter(out);
            case JSON -> new JsonWireWriter(JsonFactories.writing().createGenerator(out));
        };
        new ReportWriter(writer).write(report);
        writer.flush();
    }
}
