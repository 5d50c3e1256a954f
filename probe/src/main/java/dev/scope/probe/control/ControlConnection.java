package dev.scope.probe.control;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.publish.AppClient;
import dev.scope.probe.publish.Backoff;
import io.vertx.core.http.WebSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe's end of {@code /api/control/ws}: the app is the RPC client, we serve {@code control.Handle}.
 * Reconnects with backoff (1 s to 60 s) until closed. Each call runs on its own virtual thread, as Go's rpc
 * server runs each call in a goroutine, so a slow control does not hold up others; the two frames of an answer
 * are written together.
 */
public final class ControlConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlConnection.class);

    private final AppClient app;
    private final ControlRegistry controls;
    private final Backoff backoff = Backoff.standard();
    private volatile boolean closed;
    private volatile WebSocket socket;
    private Thread loop;

    public ControlConnection(AppClient app, ControlRegistry controls) {
        this.app = app;
        this.controls = controls;
    }

    public synchronized void start() {
        if (loop == null) loop = Thread.ofVirtual().name("control-" + app.target()).start(this::run);
    }

    public boolean connected() {
        return socket != null;
    }

    private void run() {
        while (!closed && !app.isClosed()) { // a client dropped for another address of its app ends this too
            CompletableFuture<Void> ended = new CompletableFuture<>();
            try {
                // handlers are set on the event loop as the socket opens, so no early frame is missed
                app.webSocket("/api/control/ws").map(ws -> {
                    serve(ws, ended);
                    return ws;
                }).toCompletionStage().toCompletableFuture().get();
                backoff.succeeded();
                log.info("control connection to {} open", app);
                ended.get();
                log.info("control connection to {} closed", app);
                continue;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (closed || app.isClosed()) return;
                Duration wait = backoff.failed();
                log.warn("control connection to {} failed, backing off {}: {}", app.target(), wait,
                        e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
            } finally {
                socket = null;
            }
        }
    }

    /** Serves calls on an open websocket until it closes. */
    void serve(WebSocket ws, CompletableFuture<Void> ended) {
        socket = ws;
        Object writeLock = new Object();
        RpcFrames.Header[] pending = new RpcFrames.Header[1];
        ws.closeHandler(v -> ended.complete(null));
        ws.exceptionHandler(e -> log.debug("control connection to {}: {}", app.target(), e.getMessage()));
        ws.textMessageHandler(frame -> {
            try {
                if (pending[0] == null) {
                    pending[0] = RpcFrames.parseRequestHeader(frame);
                    return;
                }
                RpcFrames.Header header = pending[0];
                pending[0] = null;
                if (!RpcFrames.CONTROL_METHOD.equals(header.serviceMethod())) {
                    answer(ws, writeLock, header, "rpc: can't find service " + header.serviceMethod(), null);
                    return;
                }
                ControlRequest parsed = RpcFrames.parseControlRequest(frame);
                // the app's id as we know it wins, as in Weave Scope: pipes are opened back to that app
                String appId = app.appId().isEmpty() ? parsed.appId() : app.appId();
                ControlRequest request = new ControlRequest(appId, parsed.nodeId(), parsed.control(), parsed.args());
                Thread.ofVirtual().name("control-call").start(() ->
                        answer(ws, writeLock, header, null, controls.handle(request)));
            } catch (IOException e) {
                log.warn("bad control frame from {}, closing the connection: {}", app.target(), e.getMessage());
                ws.close();
            }
        });
    }

    private static void answer(WebSocket ws, Object writeLock, RpcFrames.Header header, String rpcError, ControlResponse response) {
        synchronized (writeLock) {
            ws.writeTextMessage(RpcFrames.responseHeader(header.seq(), header.serviceMethod(), rpcError));
            ws.writeTextMessage(RpcFrames.responseBody(response));
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) ws.close();
        Thread t;
        synchronized (this) {
            t = loop;
        }
        if (t != null) t.interrupt();
    }
}
