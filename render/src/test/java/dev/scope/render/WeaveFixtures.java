package dev.scope.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The Weave Scope 1.13.2 captures copied into test resources: one probe report and the app's answers. */
final class WeaveFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    private static Report report;
    private static Report msgpackReport;

    private WeaveFixtures() {
    }

    static synchronized Report report() {
        if (report == null) {
            try {
                report = ReportCodec.decode(bytes("probe-report.json.gz"), WireFormat.JSON, true, DecodeLimits.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report;
    }

    /** The same capture as Weave's probe sends it by default: msgpack. */
    static synchronized Report msgpackReport() {
        if (msgpackReport == null) {
            try {
                msgpackReport = ReportCodec.decode(bytes("probe-report-msgpack.gz"), WireFormat.MSGPACK, true, DecodeLimits.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return msgpackReport;
    }

    static JsonNode answer(String file) {
        try {
            return JSON.readTree(bytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String file) {
        try (InputStream in = WeaveFixtures.class.getResourceAsStream("/weave-1.13/" + file)) {
            if (in == null) throw new IllegalStateException("missing test resource " + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object view) {
        try {
            return JSON.readTree(ApiJson.toBytes(view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
