package dev.scope.service.gateway;

import dev.scope.service.http.Replies;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Iterator;
import java.util.Map;

/**
 * Forwards a buffered HTTP request to one replica of a backend and streams the answer back. When a replica cannot
 * be connected to, the next one is tried; once a request reached a replica it is not repeated (a report or a
 * control must not run twice), except for GET and HEAD, which are safe to repeat.
 */
final class HttpForwarder {
    private static final Logger log = LoggerFactory.getLogger(HttpForwarder.class);
    private static final long IDLE_TIMEOUT_MS = 120_000;

    private final HttpClientAgent client;

    HttpForwarder(HttpClientAgent client) {
        this.client = client;
    }

    void forward(RoutingContext ctx, Backend backend, String uri, Map<String, String> internal, boolean keepCredentials,
                 Buffer body) {
        if (!backend.configured()) {
            Replies.text(ctx, 404, "not found (no " + backend.name() + " component is configured)");
            return;
        }
        MultiMap headers = ForwardHeaders.build(ctx.request(), internal, keepCredentials, false);
        attempt(ctx, backend, backend.order(internal).iterator(), ctx.request().method(), uri, headers, body);
    }

    private void attempt(RoutingContext ctx, Backend backend, Iterator<URI> replicas, HttpMethod method, String uri,
                         MultiMap headers, Buffer body) {
        if (!replicas.hasNext()) {
            Replies.text(ctx, 502, "the " + backend.name() + " component is unavailable; try again");
            return;
        }
        URI replica = replicas.next();
        boolean repeatable = method == HttpMethod.GET || method == HttpMethod.HEAD;
        RequestOptions options = new RequestOptions().setMethod(method).setHost(replica.getHost()).setPort(replica.getPort())
                .setURI(uri).setHeaders(headers).setIdleTimeout(IDLE_TIMEOUT_MS);
        client.request(options).onFailure(e -> {
            log.debug("cannot reach {} replica {}: {}", backend.name(), replica, e.getMessage());
            attempt(ctx, backend, replicas, method, uri, headers, body);
        }).onSuccess(request -> {
            (body == null || body.length() == 0 ? request.send() : request.send(body)).onSuccess(response -> relay(ctx, response, method))
                    .onFailure(e -> {
                        if (repeatable && !ctx.response().headWritten()) {
                            log.debug("{} replica {} failed a request: {}", backend.name(), replica, e.getMessage());
                            attempt(ctx, backend, replicas, method, uri, headers, body);
                        } else {
                            log.warn("{} replica {} failed a {} request: {}", backend.name(), replica, method, e.getMessage());
                            Replies.text(ctx, 502, "the " + backend.name() + " component failed; try again");
                        }
                    });
        });
    }

    private static void relay(RoutingContext ctx, HttpClientResponse response, HttpMethod method) {
        HttpServerResponse out = ctx.response();
        if (out.ended() || out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        response.headers().forEach((name, value) -> {
            if (!ForwardHeaders.hopByHop(name)) out.headers().add(name, value);
        });
        String length = response.getHeader("Content-Length");
        boolean bodiless = method == HttpMethod.HEAD || response.statusCode() == 204 || response.statusCode() == 304;
        if (length != null) out.putHeader("Content-Length", length);
        else if (!bodiless) out.setChunked(true);
        response.pipeTo(out).onFailure(e -> log.debug("relaying an answer failed: {}", e.getMessage()));
    }
}
