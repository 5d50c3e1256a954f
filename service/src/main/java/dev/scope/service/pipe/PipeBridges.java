package dev.scope.service.pipe;

import dev.scope.app.Pipe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links a pipe's two replicas. The replica holding the UI end opens one internal websocket to the replica holding
 * the probe end ({@code /internal/pipe/ws}), where it becomes that pipe's UI end, and here it becomes the probe
 * end: the app's {@link Pipe} then carries bytes both ways in order with back-pressure, and closing either side
 * closes the bridge and with it the other side. A replica that gets the probe end second asks the UI end's
 * replica to dial ({@code /internal/pipe/bridge}), so the dialling is always done by one side and never twice.
 */
final class PipeBridges implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipeBridges.class);
    static final String WS_PATH = "/internal/pipe/ws";
    static final String BRIDGE_PATH = "/internal/pipe/bridge";
    static final String CLOSE_PATH = "/internal/pipe/close";

    private final WebSocketClient webSockets;
    private final HttpClientAgent http;
    /** Pipes we dialled for; a pipe is bridged once (it closes when its bridge does). */
    private final Set<LocalPipes.Key> dialled = ConcurrentHashMap.newKeySet();
    private final Counter bridges;

    PipeBridges(Vertx vertx, MeterRegistry registry) {
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(5_000)
                .setMaxMessageSize(1 << 20).setMaxFrameSize(1 << 20));
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
        this.bridges = Counter.builder("scope_pipe_bridges").description("pipes bridged from this replica to another")
                .register(registry);
    }

    /** From the UI end's replica: connects {@code pipe}'s probe end to the replica at {@code probeReplicaUrl}. */
    void dial(String probeReplicaUrl, LocalPipes.Key key, Pipe pipe) {
        if (pipe.isClosed() || !dialled.add(key)) return;
        pipe.onClose(() -> dialled.remove(key));
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(toWs(probeReplicaUrl) + WS_PATH + "?org=" + enc(key.org()) + "&id=" + enc(key.id()));
        webSockets.connect(options).onSuccess(ws -> {
            bridges.increment();
            pipe.attach(Pipe.End.PROBE, ws);
        }).onFailure(e -> {
            // the probe end's replica or its pipe is gone: so is the pipe
            log.info("pipe {} of org {}: cannot bridge to {}, closing it: {}", key.id(), key.org(), probeReplicaUrl, e.getMessage());
            pipe.close(System.nanoTime());
        });
    }

    /** From the probe end's replica: asks the UI end's replica to dial us. */
    Future<Void> askToDial(String uiReplicaUrl, LocalPipes.Key key, String ourUrl) {
        return post(uiReplicaUrl + BRIDGE_PATH, new JsonObject().put("org", key.org()).put("id", key.id()).put("url", ourUrl));
    }

    /** Tells a replica holding an end of a deleted pipe to close it. */
    Future<Void> closeAt(String replicaUrl, LocalPipes.Key key) {
        return post(replicaUrl + CLOSE_PATH, new JsonObject().put("org", key.org()).put("id", key.id()));
    }

    private Future<Void> post(String url, JsonObject body) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setIdleTimeout(10_000)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"))
                .compose(req -> req.send(body.toBuffer()))
                .compose(resp -> resp.body().compose(b -> resp.statusCode() < 300 ? Future.succeededFuture()
                        : Future.failedFuture(url + " answered " + resp.statusCode() + ": " + b.toString().strip())));
    }

    private static String toWs(String httpUrl) {
        return httpUrl.startsWith("https:") ? "wss:" + httpUrl.substring(6) : "ws:" + httpUrl.substring(httpUrl.indexOf(':') + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        webSockets.close();
        http.close();
    }
}
