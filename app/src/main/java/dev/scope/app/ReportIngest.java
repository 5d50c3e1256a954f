package dev.scope.app;

import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.ReportFormatException;
import dev.scope.report.codec.WireFormat;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * POST /api/report: decodes a probe's report (msgpack or JSON, gzip or not) off the event loop and
 * hands it to the collector. Bad input is answered 400/413/415 and never disturbs reports held.
 */
final class ReportIngest {
    private static final Logger log = LoggerFactory.getLogger(ReportIngest.class);

    private final Vertx vertx;
    private final Collector collector;
    private final DecodeLimits limits;
    private final ReportHistory history;

    ReportIngest(Vertx vertx, Collector collector, ReportHistory historyOrNull, long maxReportBytes) {
        this.vertx = vertx;
        this.collector = collector;
        this.history = historyOrNull;
        DecodeLimits d = DecodeLimits.defaults();
        this.limits = new DecodeLimits(maxReportBytes, d.maxDepth(), (int) Math.min(d.maxStringLength(), maxReportBytes));
    }

    void handle(RoutingContext ctx) {
        WireFormat format;
        boolean gzip;
        try {
            format = formatOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
            gzip = gzipped(ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING));
        } catch (UnsupportedMedia e) {
            Responses.text(ctx, 415, e.getMessage());
            return;
        }
        String probeId = ctx.request().getHeader(ProbeHeaders.PROBE_ID);
        String key = probeId == null || probeId.isBlank() ? "unknown" : probeId;
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        vertx.executeBlocking(() -> decode(body, format, gzip), false).onComplete(ar -> {
            if (ar.failed()) {
                answerFailure(ctx, key, ar.cause());
                return;
            }
            Decoded d = ar.result();
            switch (collector.add(key, d.report(), d.bytes())) {
                case ACCEPTED -> {
                    ctx.response().setStatusCode(200).end();
                    if (history != null) keep(format, gzip ? body : null, d);
                }
                case TOO_MANY_PROBES -> Responses.text(ctx, 429, "too many probes: this app holds reports of at most its configured number of probes");
            }
        });
    }

    /** Writes the report to history off the loop; a full disk must not stop live reports. */
    private void keep(WireFormat format, byte[] gzippedOrNull, Decoded d) {
        long receivedAt = WallClock.nanos();
        vertx.executeBlocking(() -> {
            byte[] gz = gzippedOrNull != null ? gzippedOrNull : gzip(d.plain());
            history.record(receivedAt, format, gz);
            return null;
        }, false).onFailure(e -> log.warn("cannot keep a report in history: {}", e.getMessage()));
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(plain.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static final class UnsupportedMedia extends Exception {
        UnsupportedMedia(String message) {
            super(message);
        }
    }

    /** {@code plain} is kept only while history may need it. */
    private record Decoded(Report report, long bytes, byte[] plain) {
    }

    private Decoded decode(byte[] body, WireFormat format, boolean gzip) throws Exception {
        if (!gzip) {
            if (body.length > limits.maxBytes()) throw new BoundedGunzip.TooLarge(limits.maxBytes());
            return new Decoded(ReportCodec.decode(body, format, false, limits), body.length, history != null ? body : null);
        }
        // Decode straight from the inflater: no decompressed copy of the body (it showed as most of the bytes
        // allocated per report). The stream counts the bytes, for the collector's memory bound.
        try (BoundedGunzip.Stream plain = BoundedGunzip.stream(body, limits.maxBytes())) {
            Report report = ReportCodec.decode(plain, format, false, limits);
            return new Decoded(report, plain.drainAndCount(), null);
        } catch (IOException e) {
            throw tooLargeOr(e, () -> {
                try (BoundedGunzip.Stream again = BoundedGunzip.stream(body, limits.maxBytes())) {
                    return again.drainAndCount();
                }
            });
        }
    }

    private interface Drain {
        long run() throws IOException;
    }

    /**
     * A body too large once decompressed is answered 413 even when the decoder gave up earlier on its
     * content, as when the whole body was decompressed first: so read the rest (bounded) to tell.
     */
    private static Exception tooLargeOr(IOException failure, Drain drain) {
        BoundedGunzip.TooLargeWhileReading tooLarge = BoundedGunzip.tooLarge(failure);
        if (tooLarge == null) {
            try {
                drain.run();
            } catch (IOException e) {
                tooLarge = BoundedGunzip.tooLarge(e);
            }
        }
        return tooLarge != null ? tooLarge.asTooLarge() : failure;
    }

    private static void answerFailure(RoutingContext ctx, String probeId, Throwable cause) {
        if (cause instanceof BoundedGunzip.TooLarge) {
            Responses.text(ctx, 413, cause.getMessage());
        } else if (cause instanceof IOException) {
            // Covers ReportFormatException and broken gzip streams.
            log.debug("rejected report from probe {}: {}", Responses.printable(probeId), cause.getMessage());
            Responses.text(ctx, 400, "cannot decode report: " + cause.getMessage());
        } else {
            log.warn("unexpected failure decoding report from probe {}", Responses.printable(probeId), cause);
            Responses.text(ctx, 400, "cannot decode report: " + cause);
        }
    }

    /** Weave Scope 1.13 probes always say; without a Content-Type it assumes msgpack, as Weave did. */
    private static WireFormat formatOf(String contentType) throws UnsupportedMedia {
        if (contentType == null || contentType.isBlank()) return WireFormat.MSGPACK;
        try {
            return WireFormat.fromContentType(contentType);
        } catch (ReportFormatException e) {
            throw new UnsupportedMedia("unsupported Content-Type " + Responses.printable(contentType)
                    + ": send application/msgpack or application/json");
        }
    }

    private static boolean gzipped(String contentEncoding) throws UnsupportedMedia {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")) return false;
        if (contentEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) return true;
        throw new UnsupportedMedia("unsupported Content-Encoding " + Responses.printable(contentEncoding) + ": send gzip or nothing");
    }
}
