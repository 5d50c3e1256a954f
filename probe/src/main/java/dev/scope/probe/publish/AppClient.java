package dev.scope.probe.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scope.probe.ProbeMetrics;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to one app at one address: learns its id from {@code /api}, publishes reports (newest two queued, older
 * dropped, as Weave Scope), and opens websockets for the control connection and pipes. Blocking methods are
 * meant for virtual threads.
 */
public final class AppClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final AppTarget target;
    private final HttpClient http;
    private final WebSocketClient webSockets;
    private final ProbeIdentity identity;
    private final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(2);
    private final Backoff publishBackoff = Backoff.standard();
    private volatile String appId = "";
    private volatile int failuresInARow; // publishing; written by the publish loop only
    private volatile boolean closed;
    private Thread publisher;
    private final ProbeMetrics metrics;

    public AppClient(AppTarget target, HttpClient http, WebSocketClient webSockets, ProbeIdentity identity) {
        this(target, http, webSockets, identity, ProbeMetrics.none());
    }

    public AppClient(AppTarget target, HttpClient http, WebSocketClient webSockets, ProbeIdentity identity, ProbeMetrics metrics) {
        this.metrics = metrics;
        this.target = target;
        this.http = http;
        this.webSockets = webSockets;
        this.identity = identity;
    }

    public AppTarget target() {
        return target;
    }

    /** The app's id from {@code /api}; empty until {@link #fetchId} succeeded. */
    public String appId() {
        return appId;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Asks the app who it is ({@code GET /api}); the id tells apps apart when a name resolves to several. */
    public String fetchId() throws IOException {
        Buffer body = await(http.request(options(HttpMethod.GET, "/api"))
                .compose(req -> req.send())
                .compose(resp -> resp.statusCode() == 200 ? resp.body()
                        : Future.failedFuture("GET /api answered " + resp.statusCode())));
        JsonNode id = JSON.readTree(body.getBytes()).get("id");
        if (id == null || !id.isTextual()) throw new IOException("no id in " + target + "/api");
        appId = id.asText();
        return appId;
    }

    /** True once two reports in a row failed to reach this address (another address of the app may take over). */
    public boolean failing() {
        return failuresInARow >= 2;
    }

    /** Queues a gzip+msgpack report body; when two are already waiting the new one is dropped. */
    public synchronized void publish(byte[] body) {
        if (closed) return;
        if (publisher == null) publisher = Thread.ofVirtual().name("publish-" + target).start(this::publishLoop);
        if (!outbox.offer(body)) log.warn("dropping report to {}: two are still waiting", target);
    }

    private void publishLoop() {
        while (!closed) {
            byte[] body;
            try {
                body = outbox.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (body == null) continue;
            long start = System.nanoTime();
            try {
                post(body);
                metrics.published(target.host() + ":" + target.port(), System.nanoTime() - start);
                publishBackoff.succeeded();
                failuresInARow = 0;
            } catch (IOException e) {
                failuresInARow++;
                metrics.publishFailed(target.host() + ":" + target.port());
                Duration wait = publishBackoff.failed();
                log.warn("publishing to {} failed, backing off {}: {}", target, wait, e.getMessage());
                if (!sleep(wait)) return;
            }
        }
    }

    /** POSTs one report body as Weave Scope's probe does. */
    public void post(byte[] body) throws IOException {
        RequestOptions o = options(HttpMethod.POST, "/api/report");
        o.putHeader("Content-Type", "application/msgpack");
        o.putHeader("Content-Encoding", "gzip");
        await(http.request(o)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().compose(b -> resp.statusCode() == 200 ? Future.succeededFuture(b)
                        : Future.failedFuture(resp.statusCode() + " " + resp.statusMessage() + ": " + truncate(b.toString())))));
    }

    /** Closes a pipe on the app ({@code DELETE /api/pipe/{id}}); errors are only logged. */
    public void deletePipe(String pipeId) {
        http.request(options(HttpMethod.DELETE, "/api/pipe/" + pipeId))
                .compose(req -> req.send())
                .onFailure(e -> log.debug("closing pipe {} on {} failed: {}", pipeId, target, e.getMessage()));
    }

    /** Opens a websocket to the app with the probe's headers; fails with the HTTP status when refused. */
    public Future<WebSocket> webSocket(String uri) {
        WebSocketConnectOptions o = new WebSocketConnectOptions()
                .setHost(target.host()).setPort(target.port()).setSsl(target.tls()).setURI(uri)
                .setTimeout(REQUEST_TIMEOUT.toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        identity.addHeaders(headers);
        headers.forEach(o::addHeader);
        return webSockets.connect(o);
    }

    private RequestOptions options(HttpMethod method, String uri) {
        RequestOptions o = new RequestOptions().setMethod(method).setHost(target.host()).setPort(target.port())
                .setSsl(target.tls()).setURI(uri).setTimeout(REQUEST_TIMEOUT.toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        identity.addHeaders(headers);
        o.setHeaders(headers);
        return o;
    }

    static <T> T await(Future<T> future) throws IOException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(REQUEST_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IOException("timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private boolean sleep(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (!closed && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !closed;
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    @Override
    public void close() {
        closed = true;
        Thread p;
        synchronized (this) {
            p = publisher;
        }
        if (p != null) p.interrupt();
    }

    @Override
    public String toString() {
        return "app " + (appId.isEmpty() ? "?" : appId) + " at " + target;
    }
}
