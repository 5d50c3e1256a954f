package dev.scope.app;

import dev.scope.report.codec.BoundedInputStream;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
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
        private final BoundedInputStream bounded;

        private Stream(BoundedInputStream bounded) {
            super(bounded);
            this.bounded = bounded;
        }

        /** Reads what is left, so the gzip trailer is checked and every byte counted; returns the count. */
        public long drainAndCount() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // only counting
            }
            return bounded.count();
        }
    }

    private BoundedGunzip() {
    }

    /** Opens a gzip body for streaming; fails at once when the gzip header is broken. */
    public static Stream stream(byte[] gzipped, long limit) throws IOException {
        return new Stream(new BoundedInputStream(new GZIPInputStream(new ByteArrayInputStream(gzipped), 8192), limit,
                TooLargeWhileReading::new));
    }

    /** The {@link TooLargeWhileReading} in a failure's causes, if any. */
    public static TooLargeWhileReading tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLargeWhileReading e) return e;
        }
        return null;
    }

    public static byte[] gunzip(byte[] gzipped, long limit) throws IOException, TooLarge {
        try (Stream in = stream(gzipped, limit)) {
            return in.readAllBytes();
        } catch (TooLargeWhileReading e) {
            throw e.asTooLarge();
        }
    }
}
