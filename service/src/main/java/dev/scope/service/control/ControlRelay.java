package dev.scope.service.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * Forwards a control call to the replica holding the probe's connection ({@code POST /internal/control/call}) and
 * brings its {@link ControlReply} back unchanged. A replica that cannot be reached or stops answering gives 502/504
 * with a message naming what failed, never a hang: the wait is bounded by the control timeout plus a margin.
 */
final class ControlRelay implements AutoCloseable {
    static final String PATH = "/internal/control/call";

    private final HttpClientAgent client;
    private final long idleMillis;

    ControlRelay(Vertx vertx, Duration controlTimeout) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true));
        this.idleMillis = controlTimeout.toMillis() + 5_000;
    }

    Future<ControlReply> forward(String replicaUrl, String org, String probe, JsonObject request) {
        JsonObject body = new JsonObject().put("org", org).put("probe", probe).put("request", request);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(replicaUrl + PATH)
                .setIdleTimeout(idleMillis).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        return client.request(options)
                .compose(req -> req.send(body.toBuffer()))
                .compose(resp -> resp.body().map(b -> new ControlReply(resp.statusCode(), b.toString())))
                .recover(e -> Future.succeededFuture(e instanceof java.util.concurrent.TimeoutException
                        || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")
                        ? ControlReply.error(504, "the replica holding probe " + probe + "'s connection did not answer in time")
                        : ControlReply.error(502, "the replica holding probe " + probe + "'s connection is unreachable: " + e.getMessage())));
    }

    @Override
    public void close() {
        client.close();
    }
}
