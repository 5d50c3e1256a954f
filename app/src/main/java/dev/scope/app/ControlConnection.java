package dev.scope.app;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One probe's control websocket, spoken as Go's net/rpc JSON codec the way Weave Scope frames it:
 * every message is a pair of text frames, a header ({@code {"Request":{"Seq","ServiceMethod"}}} from
 * us, {@code {"Response":{"Seq","ServiceMethod","Error"}}} from the probe) followed by a body
 * ({@code {"Value":...}}). The app is the RPC client; the probe serves {@code control.Handle}.
 * All state is touched on the websocket's event loop only.
 */
public final class ControlConnection {
    static final String METHOD = "control.Handle";

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final Context context;
    private final String probeId;
    private final long timeoutMillis;
    private final Map<Long, Promise<JsonObject>> pending = new HashMap<>();
    private long nextSeq;
    /** The header of a response whose body frame has not arrived yet. */
    private JsonObject awaitingBody;
    private boolean closed;

    /** Must be created on the websocket's event loop. */
    public ControlConnection(Vertx vertx, ServerWebSocket socket, String probeId, Duration timeout) {
        this.vertx = vertx;
        this.socket = socket;
        this.context = vertx.getOrCreateContext();
        this.probeId = probeId;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        socket.textMessageHandler(this::onFrame);
        socket.binaryMessageHandler(b -> onFrame(b.toString()));
    }

    public String probeId() {
        return probeId;
    }

    /**
     * Sends one control call and completes with the probe's answer, an {@code xfer.Response} object
     * ({@code value, error, pipe, raw_tty, resize_tty_control, removedNode}). An RPC error comes back
     * as an answer with {@code error} set, as Weave Scope does; a dead or silent probe fails the future.
     */
    public Future<JsonObject> call(JsonObject request) {
        Promise<JsonObject> promise = Promise.promise();
        context.runOnContext(v -> send(request, promise));
        return promise.future();
    }

    private void send(JsonObject request, Promise<JsonObject> promise) {
        if (closed) {
            promise.fail(new ProbeGone("probe " + probeId + " disconnected", false));
            return;
        }
        long seq = nextSeq++;
        pending.put(seq, promise);
        JsonObject header = new JsonObject()
                .put("Request", new JsonObject().put("Seq", seq).put("ServiceMethod", METHOD))
                .putNull("Response").putNull("Value");
        JsonObject body = new JsonObject().putNull("Request").putNull("Response").put("Value", request);
        socket.writeTextMessage(header.encode());
        socket.writeTextMessage(body.encode());
        long timer = vertx.setTimer(timeoutMillis, t -> {
            Promise<JsonObject> p = pending.remove(seq);
            if (p != null) p.tryFail(new ProbeGone("probe " + probeId + " did not answer within " + timeoutMillis + " ms", true));
        });
        promise.future().onComplete(ar -> vertx.cancelTimer(timer));
    }

    private void onFrame(String text) {
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            protocolError("frame is not a JSON object");
            return;
        }
        if (awaitingBody == null) {
            JsonObject header = frame.getJsonObject("Response");
            if (header == null || !(header.getValue("Seq") instanceof Number)) {
                protocolError("expected a response header frame");
                return;
            }
            awaitingBody = header;
            return;
        }
        JsonObject header = awaitingBody;
        awaitingBody = null;
        Promise<JsonObject> promise = pending.remove(header.getLong("Seq"));
        if (promise == null) return; // timed out already
        String error = header.getString("Error", "");
        Object value = frame.getValue("Value");
        if (!error.isEmpty()) {
            promise.tryComplete(new JsonObject().put("error", error));
        } else if (value instanceof JsonObject answer) {
            promise.tryComplete(answer);
        } else {
            promise.tryComplete(new JsonObject());
        }
    }

    private void protocolError(String what) {
        failAll("probe " + probeId + " broke the control protocol: " + what);
        socket.close((short) 1002, "protocol error");
    }

    /** Called once when the websocket is gone. */
    public void closed() {
        failAll("probe " + probeId + " disconnected");
    }

    private void failAll(String message) {
        closed = true;
        pending.values().forEach(p -> p.tryFail(new ProbeGone(message, false)));
        pending.clear();
    }

    public void close() {
        socket.close();
    }

    /** The probe is not connected, went away, or stayed silent ({@link #timedOut()}). */
    public static final class ProbeGone extends Exception {
        private final boolean timedOut;

        public ProbeGone(String message, boolean timedOut) {
            super(message, null, false, false);
            this.timedOut = timedOut;
        }

        /** True when the probe was connected but did not answer in time (a gateway would say 504, not 502). */
        public boolean timedOut() {
            return timedOut;
        }
    }
}
