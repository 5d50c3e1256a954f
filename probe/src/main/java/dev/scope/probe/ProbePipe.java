package dev.scope.probe;

import java.util.function.Consumer;

/**
 * The probe's end of a pipe (a terminal or a log stream): bytes to and from the browser, via the
 * app that asked for it. Created by {@link ProbePipes}; closed by either side.
 */
public interface ProbePipe extends AutoCloseable {
    String id();

    /** Sends bytes towards the browser. */
    void send(byte[] data);

    /** Called with bytes the browser typed, in order. */
    void onReceive(Consumer<byte[]> receiver);

    /** Called once when the other side closes the pipe. */
    void onClose(Runnable closed);

    @Override
    void close();
}
