package dev.scope.probe.pipe;

import dev.scope.probe.ProbePipe;
import dev.scope.probe.publish.AppClient;
import dev.scope.probe.publish.Backoff;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipe to the app over {@code /api/pipe/{id}/probe}: binary websocket messages each way. Connects in the
 * background with backoff; what is sent before the connection is up waits and goes first. A 404 means the
 * browser side already closed the pipe. Closing locally also deletes the pipe on the app.
 */
final class WebSocketProbePipe implements ProbePipe {
    private static final Logger log = LoggerFactory.getLogger(WebSocketProbePipe.class);

    private final String id;
    private final AppClient app;
    private final List<Consumer<byte[]>> receivers = new CopyOnWriteArrayList<>();
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    private final List<byte[]> unsent = new ArrayList<>();
    private WebSocket socket;
    private boolean closed;
    /** Closed locally before the connection was up, with data still to send: close once that data is out. */
    private boolean closeWhenFlushed;

    WebSocketProbePipe(String id, AppClient app) {
        this.id = id;
        this.app = app;
    }

    void connect() {
        Thread.ofVirtual().name("pipe-" + id).start(this::connectLoop);
    }

    private void connectLoop() {
        Backoff backoff = Backoff.standard();
        while (!isClosed()) {
            try {
                // attach on the event loop as the socket opens, so no early message is missed
                app.webSocket("/api/pipe/" + id + "/probe").map(ws -> {
                    attach(ws);
                    return ws;
                }).toCompletionStage().toCompletableFuture().get();
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof UpgradeRejectedException rejected && rejected.getStatus() == 404) {
                    log.info("pipe {} was closed by the app before we connected", id);
                    remoteClosed();
                    return;
                }
                Duration wait = backoff.failed();
                log.warn("pipe {} to {} failed, backing off {}: {}", id, app.target(), wait, cause.getMessage());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void attach(WebSocket ws) {
        ws.binaryMessageHandler(b -> deliver(b.getBytes()));
        ws.textMessageHandler(t -> deliver(t.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ws.closeHandler(v -> remoteClosed());
        List<byte[]> backlog;
        synchronized (this) {
            if (closed) {
                ws.close();
                return;
            }
            socket = ws;
            backlog = new ArrayList<>(unsent);
            unsent.clear();
            for (byte[] b : backlog) ws.writeBinaryMessage(Buffer.buffer(b));
        }
        if (closeWhenFlushed) close();
    }

    private void deliver(byte[] data) {
        for (Consumer<byte[]> r : receivers) r.accept(data);
    }

    private void remoteClosed() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            socket = null;
        }
        for (Runnable r : closeListeners) r.run();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void send(byte[] data) {
        if (closed) return;
        if (socket == null) unsent.add(data.clone());
        else socket.writeBinaryMessage(Buffer.buffer(data));
    }

    @Override
    public void onReceive(Consumer<byte[]> receiver) {
        receivers.add(receiver);
    }

    @Override
    public void onClose(Runnable closedListener) {
        closeListeners.add(closedListener);
    }

    @Override
    public void close() {
        WebSocket ws;
        synchronized (this) {
            if (closed) return;
            if (socket == null && !unsent.isEmpty() && !closeWhenFlushed) {
                // e.g. a short log or a describe text: let it reach the app first (attach closes after the backlog)
                closeWhenFlushed = true;
                return;
            }
            closed = true;
            ws = socket;
            socket = null;
        }
        if (ws != null) ws.close();
        app.deletePipe(id);
    }
}
