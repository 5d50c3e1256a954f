package dev.scope.app;

import dev.scope.render.ApiJson;
import dev.scope.render.RenderedTopology;
import dev.scope.render.TopologyDiff;
import dev.scope.render.Views;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

import dev.scope.report.Report;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET /api/topology/{t}/ws?t=1s: sends the browser a diff of the rendered topology every {@code t}
 * ({@code reset: true} first, empty diffs too, as Weave Scope does) and at once when a shortcut
 * report arrives. Anything the browser sends is ignored.
 */
final class TopologyWebsockets {
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final LiveReports collector;
    private final ReportSource reports;
    private final TopologyRoutes routes;
    private final Views views;
    private final Duration minInterval;
    private final AtomicInteger open = new AtomicInteger();

    TopologyWebsockets(Vertx vertx, LiveReports collector, ReportSource reports, TopologyRoutes routes, Views views, Duration minInterval) {
        this.vertx = vertx;
        this.collector = collector;
        this.reports = reports;
        this.routes = routes;
        this.views = views;
        this.minInterval = minInterval;
    }

    int open() {
        return open.get();
    }

    void open(RoutingContext ctx, String topology, Map<String, String> query) {
        Duration interval = DEFAULT_INTERVAL;
        String t = ctx.queryParams().get("t");
        if (t != null && !t.isEmpty()) {
            try {
                interval = GoDuration.parse(t);
            } catch (IllegalArgumentException e) {
                Responses.text(ctx, 400, "bad interval t=" + Responses.printable(t) + ": " + e.getMessage());
                return;
            }
            if (interval.isNegative() || interval.isZero()) {
                Responses.text(ctx, 400, "interval t must be positive, not " + Responses.printable(t));
                return;
            }
            if (interval.compareTo(minInterval) < 0) interval = minInterval;
        }
        Duration every = interval;
        OptionalLong startAt;
        try {
            startAt = reports.requestedTime(query);
        } catch (ReportSource.BadRequest e) {
            Responses.text(ctx, 400, e.getMessage());
            return;
        }
        // With ?timestamp= the view starts in the past and moves forward with the clock, as in Weave Scope.
        long offset = startAt.isPresent() ? startAt.getAsLong() - WallClock.nanos() : 0;
        LongFunction<Report> source = startAt.isPresent() ? now -> reports.at(now + offset) : now -> reports.live();
        ctx.request().pause(); // keep the upgrade request unread while we render off the loop
        // Render once before upgrading so an unknown topology is a plain 404.
        vertx.executeBlocking(() -> routes.render(source.apply(WallClock.nanos()), topology, query), false).onComplete(first -> {
            if (first.failed()) {
                if (first.cause() instanceof TopologyRoutes.Unknown) Responses.text(ctx, 404, first.cause().getMessage());
                else ctx.fail(500, first.cause());
                return;
            }
            ctx.request().toWebSocket().onSuccess(ws -> new Session(ws, topology, query, source, every.toMillis(), first.result()).start())
                    .onFailure(e -> Responses.text(ctx, 400, "websocket upgrade failed: " + e.getMessage()));
        });
    }

    /** One browser's subscription; all fields are touched on the websocket's event loop only. */
    private final class Session {
        private final ServerWebSocket ws;
        private final String topology;
        private final Map<String, String> query;
        private final LongFunction<Report> source;
        private final long intervalMillis;
        private final Context context;
        private final Runnable onShortcut;
        private RenderedTopology previous;
        private RenderedTopology firstRender;
        private long timer = -1;
        private boolean rendering;
        private boolean again;
        private boolean closed;

        Session(ServerWebSocket ws, String topology, Map<String, String> query, LongFunction<Report> source,
                long intervalMillis, RenderedTopology first) {
            this.ws = ws;
            this.topology = topology;
            this.query = query;
            this.source = source;
            this.intervalMillis = Math.max(1, intervalMillis);
            this.context = vertx.getOrCreateContext();
            this.firstRender = first;
            this.onShortcut = () -> context.runOnContext(v -> tick());
        }

        void start() {
            open.incrementAndGet();
            ws.handler(ignored -> { });
            ws.closeHandler(v -> stop());
            collector.onShortcut(onShortcut);
            tick();
        }

        private void stop() {
            if (closed) return;
            closed = true;
            open.decrementAndGet();
            collector.removeShortcutListener(onShortcut);
            if (timer >= 0) vertx.cancelTimer(timer);
        }

        private void tick() {
            if (closed) return;
            if (rendering) {
                again = true;
                return;
            }
            rendering = true;
            if (timer >= 0) vertx.cancelTimer(timer);
            timer = -1;
            RenderedTopology prev = previous;
            RenderedTopology ready = firstRender;
            firstRender = null;
            vertx.executeBlocking(() -> {
                RenderedTopology next = ready != null ? ready : routes.render(source.apply(WallClock.nanos()), topology, query);
                TopologyDiff diff = views.diff(prev, next);
                return new Rendered(next, ApiJson.toBytes(diff));
            }, false).onComplete(ar -> {
                rendering = false;
                if (closed || ws.isClosed()) return;
                if (ar.failed()) {
                    ws.close((short) 1011, "cannot render topology");
                    return;
                }
                // A browser that cannot keep up skips ticks; the next diff is then against what it has.
                if (!ws.writeQueueFull()) {
                    ws.writeTextMessage(new String(ar.result().json(), java.nio.charset.StandardCharsets.UTF_8));
                    previous = ar.result().topology();
                }
                if (again) {
                    again = false;
                    tick();
                } else {
                    timer = vertx.setTimer(intervalMillis, id -> {
                        timer = -1;
                        tick();
                    });
                }
            });
        }
    }

    private record Rendered(RenderedTopology topology, byte[] json) {
    }
}
