package dev.scope.service.collection;

import dev.scope.app.BoundedGunzip;
import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.ReportFormatException;
import dev.scope.report.codec.WireFormat;
import dev.scope.service.http.OrgHeader;
import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * POST /api/report behind the gateway: decodes the report (bounded, as the standalone app does) to refuse what
 * the query side could not read, stores it as gzip-compressed msgpack and answers 200 only after the commit.
 * A report already stored (same organisation, probe and report id, within {@link ReportReceipts#WINDOW}) is
 * answered 200 again without a second row, so probes that retry elsewhere get each report stored exactly once.
 */
final class ReportIntake {
    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);
    private static final String PROBE_ID = "X-Scope-Probe-ID";

    private final Vertx vertx;
    private final ReportStore store;
    private final DecodeLimits limits;
    private final MeterRegistry metrics;
    private final DistributionSummary bytes;
    private final Timer storeTime;
    // 15 s: the window the query component renders, five reports of a probe reporting every 3 s.
    private final ActiveProbes active = new ActiveProbes(15_000, () -> System.nanoTime() / 1_000_000);

    ReportIntake(Vertx vertx, ReportStore store, long maxReportBytes, MeterRegistry metrics) {
        this.vertx = vertx;
        this.store = store;
        DecodeLimits d = DecodeLimits.defaults();
        this.limits = new DecodeLimits(maxReportBytes, d.maxDepth(), (int) Math.min(d.maxStringLength(), maxReportBytes));
        this.metrics = metrics;
        this.bytes = DistributionSummary.builder("scope_collection_report_bytes").baseUnit("bytes")
                .description("decompressed size of accepted reports").register(metrics);
        this.storeTime = Timer.builder("scope_collection_store_seconds").description("insert and commit of one report")
                .publishPercentileHistogram().register(metrics);
        active.register(metrics);
    }

    void handle(RoutingContext ctx) {
        String org = OrgHeader.require(ctx);
        if (org == null) return;
        WireFormat format;
        boolean gzip;
        try {
            format = formatOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
            gzip = gzipped(ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING));
        } catch (IllegalArgumentException e) {
            count("unsupported_media");
            Replies.text(ctx, 415, e.getMessage());
            return;
        }
        String probeHeader = ctx.request().getHeader(PROBE_ID);
        String probe = probeHeader == null || probeHeader.isBlank() ? "unknown" : Replies.printable(probeHeader);
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        vertx.executeBlocking(() -> {
            byte[] plain = gzip ? BoundedGunzip.gunzip(body, limits.maxBytes()) : body;
            if (plain.length > limits.maxBytes()) throw new BoundedGunzip.TooLarge(limits.maxBytes());
            Report report = ReportCodec.decode(plain, format, false, limits);
            // msgpack+gzip (what probes send) is stored as it came; anything else is re-encoded to it.
            byte[] stored = format == WireFormat.MSGPACK ? (gzip ? body : gzip(plain)) : ReportCodec.encode(report, WireFormat.MSGPACK, true);
            long started = System.nanoTime();
            boolean fresh = store.store(org, probe, report.id(), report.shortcut(), plain.length, stored);
            storeTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (fresh) bytes.record(plain.length);
            return fresh;
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                // A repeat is a retry whose first attempt was stored (its answer was lost): 200, as it was then.
                count(ar.result() ? "accepted" : "duplicate");
                active.seen(org, probe);
                ctx.response().setStatusCode(200).end();
            } else {
                answerFailure(ctx, org, ar.cause());
            }
        });
    }

    private void answerFailure(RoutingContext ctx, String org, Throwable cause) {
        if (cause instanceof BoundedGunzip.TooLarge) {
            count("too_large");
            Replies.text(ctx, 413, cause.getMessage());
        } else if (cause instanceof SQLException) {
            count("store_failed");
            log.warn("cannot store a report of organisation {}: {}", org, cause.getMessage());
            Replies.text(ctx, 503, "cannot store the report now; send it again");
        } else if (cause instanceof IOException) {
            count("undecodable");
            Replies.text(ctx, 400, "cannot decode report: " + Replies.printable(cause.getMessage()));
        } else {
            count("undecodable");
            log.warn("unexpected failure decoding a report of organisation {}", org, cause);
            Replies.text(ctx, 400, "cannot decode report");
        }
    }

    private void count(String result) {
        Counter.builder("scope_collection_reports").tag("result", result).description("reports received by outcome")
                .register(metrics).increment();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    /** Weave Scope 1.13 probes always say; without a Content-Type it assumes msgpack, as Weave did. */
    private static WireFormat formatOf(String contentType) {
        if (contentType == null || contentType.isBlank()) return WireFormat.MSGPACK;
        try {
            return WireFormat.fromContentType(contentType);
        } catch (ReportFormatException e) {
            throw new IllegalArgumentException("unsupported Content-Type " + Replies.printable(contentType)
                    + ": send application/msgpack or application/json");
        }
    }

    private static boolean gzipped(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")) return false;
        if (contentEncoding.toLowerCase(Locale.ROOT).contains("gzip")) return true;
        throw new IllegalArgumentException("unsupported Content-Encoding " + Replies.printable(contentEncoding) + ": send gzip or nothing");
    }
}
