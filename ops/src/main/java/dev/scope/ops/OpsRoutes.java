package dev.scope.ops;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's endpoints, mounted into a process's router:
 * <ul>
 *   <li>{@code GET /health} (the process runs) and {@code GET /ready} (it can do its job), mounted before
 *       authentication: they reveal nothing, and Kubernetes probes cannot present a secret token;</li>
 *   <li>{@code GET /debug/threads}: a thread dump;</li>
 *   <li>{@code GET /debug/jfr}, {@code POST /debug/jfr/start?settings=default|profile&seconds=N},
 *       {@code POST /debug/jfr/stop} (answers the .jfr file): on-demand flight recording;</li>
 * </ul>
 * the debug ones to be mounted after the process's authentication, like the rest of its API.
 */
public final class OpsRoutes {
    private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);
    static final int DEFAULT_RECORDING_SECONDS = 300;

    private OpsRoutes() {
    }

    public static void mountHealth(Router router, BooleanSupplier ready) {
        router.get("/health").handler(ctx -> text(ctx, 200, "ok\n"));
        router.get("/ready").handler(ctx -> {
            boolean ok;
            try {
                ok = ready.getAsBoolean();
            } catch (RuntimeException e) {
                log.debug("readiness check failed: {}", e.toString());
                ok = false;
            }
            text(ctx, ok ? 200 : 503, ok ? "ready\n" : "not ready\n");
        });
    }

    public static void mountDebug(Router router, Vertx vertx, FlightRecordings recordings) {
        router.get("/debug/threads").handler(ctx -> vertx.executeBlocking(ThreadDump::text, false)
                .onSuccess(dump -> text(ctx, 200, dump)).onFailure(ctx::fail));
        router.get("/debug/jfr").handler(ctx -> json(ctx, 200, recordings.status().json()));
        router.post("/debug/jfr/start").handler(ctx -> {
            String settings = param(ctx, "settings", "default");
            long seconds;
            try {
                seconds = Long.parseLong(param(ctx, "seconds", Integer.toString(DEFAULT_RECORDING_SECONDS)));
            } catch (NumberFormatException e) {
                text(ctx, 400, "seconds must be a whole number\n");
                return;
            }
            vertx.executeBlocking(() -> recordings.start(settings, Duration.ofSeconds(seconds)), false)
                    .onSuccess(s -> {
                        log.info("flight recording started ({} settings, at most {} s)", settings, seconds);
                        json(ctx, 201, s.json());
                    })
                    .onFailure(e -> refuse(ctx, e));
        });
        router.post("/debug/jfr/stop").handler(ctx -> vertx.executeBlocking(recordings::stop, false)
                .onSuccess(file -> sendAndDelete(ctx, file))
                .onFailure(e -> refuse(ctx, e)));
    }

    private static void sendAndDelete(RoutingContext ctx, Path file) {
        ctx.response()
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Disposition", "attachment; filename=\"scope-" + ProcessHandle.current().pid() + ".jfr\"")
                .sendFile(file.toString())
                .onComplete(ar -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (java.io.IOException e) {
                        log.warn("could not delete {}: {}", file, e.getMessage());
                    }
                });
    }

    private static void refuse(RoutingContext ctx, Throwable e) {
        if (e instanceof FlightRecordings.StateException) {
            text(ctx, 409, e.getMessage() + "\n");
        } else if (e instanceof IllegalArgumentException) {
            text(ctx, 400, e.getMessage() + "\n");
        } else {
            ctx.fail(e);
        }
    }

    private static String param(RoutingContext ctx, String name, String fallback) {
        String v = ctx.request().getParam(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    static void text(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
    }

    private static void json(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
