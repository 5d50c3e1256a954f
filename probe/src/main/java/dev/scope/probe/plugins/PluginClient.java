package dev.scope.probe.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Speaks Weave Scope's plugin protocol v1 to one plugin over its unix socket: {@code GET /report} for a report
 * fragment, {@code POST /control} to run one of its controls. Every call must answer within the timeout.
 */
final class PluginClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Plugin fragments are small; a plugin sending more is broken. */
    private static final DecodeLimits LIMITS = new DecodeLimits(8L << 20, 64, 1 << 20);

    private final Path socket;
    private final HttpClient http;
    private final Duration timeout;

    PluginClient(Path socket, HttpClient http, Duration timeout) {
        this.socket = socket;
        this.http = http;
        this.timeout = timeout;
    }

    Path socket() {
        return socket;
    }

    Report report() throws IOException {
        Buffer body = call(HttpMethod.GET, "/report", null);
        return ReportCodec.decode(body.getBytes(), WireFormat.JSON, false, LIMITS);
    }

    ControlResponse control(ControlRequest request) throws IOException {
        ObjectNode req = JSON.createObjectNode();
        req.put("AppID", request.appId());
        req.put("NodeID", request.nodeId());
        req.put("Control", request.control());
        ObjectNode args = req.putObject("ControlArgs");
        request.args().forEach(args::put);
        Buffer body = call(HttpMethod.POST, "/control", Buffer.buffer(req.toString()));
        JsonNode res = JSON.readTree(body.getBytes());
        if (res == null || !res.isObject()) throw new IOException("plugin answered a control with no JSON object");
        ControlResponse out = new ControlResponse(
                res.hasNonNull("value") ? res.get("value").asText() : null,
                res.hasNonNull("error") ? res.get("error").asText() : null,
                res.hasNonNull("pipe") ? res.get("pipe").asText() : null,
                res.path("raw_tty").asBoolean(false),
                res.hasNonNull("resize_tty_control") ? res.get("resize_tty_control").asText() : null,
                res.hasNonNull("removedNode") ? res.get("removedNode").asText() : null,
                null);
        JsonNode shortcut = res.get("shortcutReport");
        if (shortcut != null && shortcut.isObject()) {
            out = out.withShortcut(ReportCodec.decode(JSON.writeValueAsBytes(shortcut), WireFormat.JSON, false, LIMITS));
        }
        return out;
    }

    private Buffer call(HttpMethod method, String uri, Buffer body) throws IOException {
        RequestOptions o = new RequestOptions().setMethod(method).setServer(SocketAddress.domainSocketAddress(socket.toString()))
                .setHost("localhost").setURI(uri).setTimeout(timeout.toMillis());
        if (body != null) o.putHeader("Content-Type", "application/json");
        Future<Buffer> f = http.request(o)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(resp -> resp.statusCode() == 200 ? resp.body()
                        : resp.body().compose(b -> Future.failedFuture(resp.statusCode() + " " + b.toString().strip())));
        try {
            return f.toCompletionStage().toCompletableFuture().get(timeout.toMillis() + 200, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
