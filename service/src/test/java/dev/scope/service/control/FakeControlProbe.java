package dev.scope.service.control;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A probe's control side as Weave Scope's probe speaks it (Go net/rpc JSON, two text frames a message), connected
 * to one replica after another: when its connection drops it reconnects to the next port in the list, as a probe
 * behind a load-balanced gateway lands on whichever replica is alive. {@code answer} returning null stays silent.
 */
public final class FakeControlProbe implements AutoCloseable {
    private final Vertx vertx;
    private final WebSocketClient client;
    private final java.util.Map<String, String> headers;
    private final List<Integer> ports;
    private final Function<JsonObject, JsonObject> answer;
    private final AtomicInteger next = new AtomicInteger();
    private volatile int connectedPort = -1;
    private volatile boolean closed;
    private volatile WebSocket socket;

    public FakeControlProbe(Vertx vertx, String org, String probeId, List<Integer> ports, Function<JsonObject, JsonObject> answer) {
        this(vertx, java.util.Map.of("X-Scope-OrgID", org, "X-Scope-Probe-ID", probeId), ports, answer);
    }

    /** Connecting with these headers (through the gateway: a probe token and the probe's id). */
    public FakeControlProbe(Vertx vertx, java.util.Map<String, String> headers, List<Integer> ports, Function<JsonObject, JsonObject> answer) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient();
        this.headers = java.util.Map.copyOf(headers);
        this.ports = ports;
        this.answer = answer;
        connect();
    }

    /** The port of the replica it is connected to, or -1. */
    public int connectedPort() {
        return connectedPort;
    }

    private void connect() {
        if (closed) return;
        int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/api/control/ws");
        headers.forEach(options::addHeader);
        client.connect(options).onSuccess(ws -> {
            socket = ws;
            JsonObject[] header = new JsonObject[1];
            ws.textMessageHandler(text -> {
                if (header[0] == null) {
                    header[0] = new JsonObject(text).getJsonObject("Request");
                    return;
                }
                JsonObject request = new JsonObject(text).getJsonObject("Value");
                JsonObject h = header[0];
                header[0] = null;
                JsonObject reply = answer.apply(request);
                if (reply == null) return;
                ws.writeTextMessage(new JsonObject().putNull("Request").put("Response", new JsonObject()
                        .put("Seq", h.getLong("Seq")).put("ServiceMethod", h.getString("ServiceMethod")).put("Error", ""))
                        .putNull("Value").encode());
                ws.writeTextMessage(new JsonObject().putNull("Request").putNull("Response").put("Value", reply).encode());
            });
            ws.closeHandler(v -> {
                connectedPort = -1;
                vertx.setTimer(100, t -> connect());
            });
            connectedPort = port;
        }).onFailure(e -> vertx.setTimer(100, t -> connect()));
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) ws.close();
        client.close();
    }
}
