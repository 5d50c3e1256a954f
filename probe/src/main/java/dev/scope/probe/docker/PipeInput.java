package dev.scope.probe.docker;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What the browser types into a pipe, as the blocking stdin stream docker-java copies into an exec or attach
 * session. Ends (returns -1) once {@link #end} is called, which lets the copying thread finish.
 */
final class PipeInput extends InputStream {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int offset;
    private volatile boolean ended;

    void offer(byte[] data) {
        if (!ended && data.length > 0) chunks.add(data.clone());
    }

    void end() {
        ended = true;
        chunks.add(END);
    }

    @Override
    public int read() throws java.io.IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws java.io.IOException {
        if (len == 0) return 0;
        if (offset >= current.length) {
            if (current == END) return -1;
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("pipe input interrupted");
            }
            offset = 0;
            if (current == END) return -1;
        }
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, buffer, off, n);
        offset += n;
        return n;
    }

    @Override
    public int available() {
        return Math.max(0, current.length - offset);
    }

    @Override
    public void close() {
        end();
    }
}
