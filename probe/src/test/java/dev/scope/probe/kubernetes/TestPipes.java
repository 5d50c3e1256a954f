package dev.scope.probe.kubernetes;

import dev.scope.probe.ProbePipe;
import dev.scope.probe.ProbePipes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Pipes in memory: the test plays the browser. Only the transport is fake; the API server is fabric8's mock. */
final class TestPipes implements ProbePipes {
    private final AtomicInteger next = new AtomicInteger();
    final Map<String, Pipe> opened = new ConcurrentHashMap<>();

    @Override
    public ProbePipe open(String appId) {
        Pipe pipe = new Pipe("pipe-" + next.incrementAndGet());
        opened.put(pipe.id(), pipe);
        return pipe;
    }

    static final class Pipe implements ProbePipe {
        private final String id;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private volatile Runnable onClose = () -> { };
        private final AtomicBoolean closed = new AtomicBoolean();

        Pipe(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void send(byte[] data) {
            synchronized (received) {
                received.writeBytes(data);
            }
        }

        @Override
        public void onReceive(Consumer<byte[]> r) {
        }

        @Override
        public void onClose(Runnable closedListener) {
            onClose = closedListener;
        }

        String output() {
            synchronized (received) {
                return received.toString(StandardCharsets.UTF_8);
            }
        }

        boolean closed() {
            return closed.get();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) onClose.run();
        }
    }
}
