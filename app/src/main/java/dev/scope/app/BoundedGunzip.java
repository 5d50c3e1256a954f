package dev.scope.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Gunzips a body without letting a small "zip bomb" grow past a limit. */
public final class BoundedGunzip {
    /** The decompressed data would exceed the limit. */
    public static final class TooLarge extends Exception {
        public TooLarge(long limit) {
            super("report is larger than " + limit + " bytes once decompressed");
        }
    }

    private BoundedGunzip() {
    }

    public static byte[] gunzip(byte[] gzipped, long limit) throws IOException, TooLarge {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, Math.min(gzipped.length * 4, 1 << 20)));
            byte[] buf = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) throw new TooLarge(limit);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
