package dev.scope.report.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** The Weave Scope 1.13.2 captures copied into this module's test resources. */
final class Fixtures {
    static final String MSGPACK_GZ = "/weave-scope-1.13/probe-report-msgpack.gz";
    static final String JSON_GZ = "/weave-scope-1.13/probe-report.json.gz";

    private Fixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gunzipped(String resource) {
        try (InputStream in = new GZIPInputStream(Fixtures.class.getResourceAsStream(resource))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
