package dev.scope.service.control;

import dev.scope.service.db.Database;
import dev.scope.service.http.Futures;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control or pipe replica's HTTP server and its registration, started together: the registration needs the port
 * actually bound, and a replica that cannot register must not stay listening.
 */
public record ReplicaServer(HttpServer server, ReplicaDirectory directory) {
    private static final Logger log = LoggerFactory.getLogger(ReplicaServer.class);

    /**
     * Listens, then registers as {@code kind}. If registration fails the server is closed, {@code onFailure} runs
     * (the component's own clean-up) and the error is thrown. Call from outside any event loop.
     */
    public static ReplicaServer start(Vertx vertx, Database database, String kind, ReplicaSettings settings,
                                      HttpServerOptions options, Router router, Runnable reRegister, Runnable onFailure) {
        HttpServer server = Futures.await(vertx.createHttpServer(options).requestHandler(router).listen(settings.port(), settings.host()));
        ReplicaDirectory directory;
        try {
            directory = ReplicaDirectory.register(vertx, database, kind, settings.internalUrl(server.actualPort()),
                    settings.ttl(), reRegister);
        } catch (RuntimeException e) {
            server.close();
            onFailure.run();
            throw e;
        }
        log.info("{} replica {} listening on {}:{}", kind, directory, settings.host(), server.actualPort());
        BackendExposure.warnIfExposed(kind, settings.host());
        return new ReplicaServer(server, directory);
    }
}
