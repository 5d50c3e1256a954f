package dev.scope.report.codec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and fails as soon as there are more than allowed. */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final String what;
    private long count;

    BoundedInputStream(InputStream in, long max, String what) {
        super(in);
        this.max = max;
        this.what = what;
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

    private void counted(long n) throws ReportFormatException {
        count += n;
        if (count > max) throw new ReportFormatException(what + " is larger than the limit of " + max + " bytes");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
