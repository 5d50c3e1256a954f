package dev.scope.app;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;

import java.util.ArrayList;
import java.util.List;

/**
 * A terminal or log stream between a browser (UI end) and a probe (probe end): every message one end
 * sends reaches the other as a binary message, in order. An end that sends while its peer is not
 * connected, or faster than the peer reads, is paused (TCP back-pressure), so nothing is lost or
 * buffered without bound. When either connected end goes, the whole pipe closes. An end may be any
 * websocket, server or client side: the service bridges a pipe between replicas with a client websocket.
 */
public final class Pipe {
    public enum End { UI, PROBE }

    private final String id;
    private WebSocketBase ui;
    private WebSocketBase probe;
    /** When each end was last connected (or the pipe made), System.nanoTime. */
    private long uiLastUsed;
    private long probeLastUsed;
    private boolean closed;
    private long closedAt;
    private final List<Runnable> closeListeners = new ArrayList<>();

    public Pipe(String id, long now) {
        this.id = id;
        this.uiLastUsed = now;
        this.probeLastUsed = now;
    }

    public String id() {
        return id;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized long closedAt() {
        return closedAt;
    }

    /** Connects a websocket to one end; a newer connection replaces an older one on the same end. */
    public void attach(End end, WebSocketBase ws) {
        WebSocketBase replaced;
        WebSocketBase peer;
        synchronized (this) {
            if (closed) {
                ws.close((short) 1000, "pipe closed");
                return;
            }
            replaced = end == End.UI ? ui : probe;
            if (end == End.UI) ui = ws;
            else probe = ws;
            peer = end == End.UI ? probe : ui;
        }
        ws.binaryMessageHandler(data -> forward(end, ws, data));
        ws.textMessageHandler(text -> forward(end, ws, Buffer.buffer(text)));
        ws.closeHandler(v -> detached(end, ws));
        if (replaced != null) replaced.close();
        if (peer == null) {
            ws.pause();
        } else {
            linkBackPressure(ws, peer);
            linkBackPressure(peer, ws);
            peer.resume();
        }
    }

    private void forward(End from, WebSocketBase source, Buffer data) {
        WebSocketBase target;
        synchronized (this) {
            if (closed) return;
            target = from == End.UI ? probe : ui;
        }
        if (target == null) {
            source.pause(); // resumed when the peer connects
            return;
        }
        target.writeBinaryMessage(data);
        if (target.writeQueueFull()) {
            source.pause();
            // the ends may run on different event loops: if the target drained between the check and the pause,
            // its drain handler has run already and would never resume us, so look again
            if (!target.writeQueueFull()) source.resume();
        }
    }

    /** While {@code target} cannot take more, {@code source} waits. */
    private static void linkBackPressure(WebSocketBase source, WebSocketBase target) {
        target.drainHandler(v -> source.resume());
    }

    private void detached(End end, WebSocketBase ws) {
        synchronized (this) {
            WebSocketBase current = end == End.UI ? ui : probe;
            if (current != ws) return; // replaced by a newer connection
        }
        close(System.nanoTime());
    }

    /** True when an end has been unconnected for {@code idleNanos}. */
    public synchronized boolean idle(long now, long idleNanos) {
        if (closed) return false;
        return (ui == null && now - uiLastUsed >= idleNanos) || (probe == null && now - probeLastUsed >= idleNanos);
    }

    public void close(long now) {
        WebSocketBase a;
        WebSocketBase b;
        synchronized (this) {
            if (closed) return;
            closed = true;
            closedAt = now;
            a = ui;
            b = probe;
            ui = null;
            probe = null;
        }
        if (a != null && !a.isClosed()) a.close((short) 1000, "pipe closed");
        if (b != null && !b.isClosed()) b.close((short) 1000, "pipe closed");
        List<Runnable> listeners;
        synchronized (this) {
            listeners = List.copyOf(closeListeners);
            closeListeners.clear();
        }
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} once when the pipe closes (at once if it has closed already). */
    public void onClose(Runnable listener) {
        synchronized (this) {
            if (!closed) {
                closeListeners.add(listener);
                return;
            }
        }
        listener.run();
    }
}
