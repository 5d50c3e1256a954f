package dev.scope.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A pipe transport in memory: the test plays the browser; only the transport is fake (Docker, Kubernetes... are real or mocked elsewhere). */
public final class InMemoryPipes implements ProbePipes {
    private final AtomicInteger next = new AtomicInteger();
    public final Map<String, Pipe> opened = new ConcurrentHashMap<>();

    @Override
    public ProbePipe open(String appId) {
        Pipe pipe = new Pipe("pipe-" + next.incrementAndGet());
        opened.put(pipe.id(), pipe);
        return pipe;
    }

    public Pipe get(String id) {
        return opened.get(id);
    }

    public static final class Pipe implements ProbePipe {
        private final String id;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private volatile Consumer<byte[]> receiver = b -> { };
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
            receiver = r;
        }

        @Override
        public void onClose(Runnable closed) {
            onClose = closed;
        }

        /** The browser types. */
        public void type(String text) {
            receiver.accept(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Everything the probe sent to the browser so far. */
        public String output() {
            synchronized (received) {
                return received.toString(StandardCharsets.UTF_8);
            }
        }

        public boolean closed() {
            return closed.get();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) onClose.run();
        }
    }
}
