package dev.scope.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Gunzips a body without letting a small "zip bomb" grow past a limit. */
public final class BoundedGunzip {
    /** The decompressed data would exceed the limit. */
    public static final class TooLarge extends Exception {
        public TooLarge(long limit) {
            super("report is larger than " + limit + " bytes once decompressed");
        }
    }

    /** Thrown from {@link Stream} reads; an IOException so it passes through decoders (find it with {@link #tooLarge}). */
    public static final class TooLargeWhileReading extends IOException {
        private final long limit;

        TooLargeWhileReading(long limit) {
            super("report is larger than " + limit + " bytes once decompressed");
            this.limit = limit;
        }

        public TooLarge asTooLarge() {
            return new TooLarge(limit);
        }
    }

    /**
     * The decompressed bytes as a stream, counted and bounded, so a decoder can read them without a
     * whole decompressed copy in memory (saves about three body-sized byte arrays per report).
     */
    public static final class Stream extends FilterInputStream {
        private final long limit;
        private long count;

        private Stream(byte[] gzipped, long limit) throws IOException {
            super(new GZIPInputStream(new ByteArrayInputStream(gzipped), 8192));
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) counted(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            if (skipped > 0) counted(skipped);
            return skipped;
        }

        /** Reads what is left, so the gzip trailer is checked and every byte counted; returns the count. */
        public long drainAndCount() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // only counting
            }
            return count;
        }

        private void counted(long n) throws TooLargeWhileReading {
            count += n;
            if (count > limit) throw new TooLargeWhileReading(limit);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    private BoundedGunzip() {
    }

    /** Opens a gzip body for streaming; fails at once when the gzip header is broken. */
    public static Stream stream(byte[] gzipped, long limit) throws IOException {
        return new Stream(gzipped, limit);
    }

    /** The {@link TooLargeWhileReading} in a failure's causes, if any. */
    public static TooLargeWhileReading tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLargeWhileReading e) return e;
        }
        return null;
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
