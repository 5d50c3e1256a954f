package dev.scope.probe.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** The report a real Weave Scope 1.13.2 probe sent (JSON form), read as a plain JSON tree. */
final class WeaveFixture {
    private static JsonNode report;

    private WeaveFixture() {
    }

    static synchronized JsonNode report() {
        if (report == null) {
            try (InputStream in = new GZIPInputStream(
                    WeaveFixture.class.getResourceAsStream("weave-1.13-probe-report.json.gz"))) {
                report = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report;
    }
}
