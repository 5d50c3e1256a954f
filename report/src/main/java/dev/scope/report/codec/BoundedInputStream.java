package dev.scope.report.codec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Counts the bytes read through it and fails as soon as there are more than allowed, with the exception
 * {@code exceeded} makes of the limit (an IOException, so it passes through decoders). The app's gzip bodies use it too.
 */
public final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final LongFunction<? extends IOException> exceeded;
    private long count;

    public BoundedInputStream(InputStream in, long max, LongFunction<? extends IOException> exceeded) {
        super(in);
        this.max = max;
        this.exceeded = exceeded;
    }

    /** Fails with a {@link ReportFormatException} naming {@code what} is too large. */
    static BoundedInputStream of(InputStream in, long max, String what) {
        return new BoundedInputStream(in, max, limit -> new ReportFormatException(what + " is larger than the limit of " + limit + " bytes"));
    }

    /** Bytes read (or skipped) so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Never ask for more than one byte past the limit: enough to notice it is exceeded.
        int n = in.read(buffer, offset, (int) Math.min(length, max - count + 1));
        if (n > 0) counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, max - count + 1));
        if (skipped > 0) counted(skipped);
        return skipped;
    }

    private void counted(long n) throws IOException {
        count += n;
        if (count > max) throw exceeded.apply(max);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
