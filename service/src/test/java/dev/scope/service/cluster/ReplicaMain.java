package dev.scope.service.cluster;

import dev.scope.service.collection.CollectionComponent;
import dev.scope.service.collection.CollectionSettings;
import dev.scope.service.control.ControlComponent;
import dev.scope.service.control.ControlSettings;
import dev.scope.service.db.Database;
import dev.scope.service.db.DatabaseSettings;
import dev.scope.service.pipe.PipeComponent;
import dev.scope.service.pipe.PipeSettings;
import dev.scope.service.query.QueryComponent;
import dev.scope.service.query.QuerySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.time.Duration;

/**
 * One replica of one component in its own JVM, for the multi-process test until {@code scope service <component>}
 * is in the CLI: {@code ReplicaMain <collection|query|control|pipe>} with the database in {@code SCOPE_DB_*}.
 * Prints {@code READY <port>} once it serves, and exits when its standard input closes (the test's JVM went).
 */
public final class ReplicaMain {
    private ReplicaMain() {
    }

    public static void main(String[] args) throws IOException {
        String component = args[0];
        Vertx vertx = Vertx.vertx();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = Database.connect(DatabaseSettings.fromEnvironment(component));
        AutoCloseable running;
        int port;
        switch (component) {
            case "collection" -> {
                CollectionComponent c = CollectionComponent.start(vertx, database, registry, CollectionSettings.defaults("127.0.0.1", 0));
                running = c;
                port = c.port();
            }
            case "query" -> {
                QueryComponent c = QueryComponent.start(vertx, database, registry, QuerySettings.defaults("127.0.0.1", 0));
                running = c;
                port = c.port();
            }
            case "control" -> {
                ControlComponent c = ControlComponent.start(vertx, database, registry, ControlSettings.defaults().withPort(0)
                        .withControlTimeout(Duration.ofSeconds(3)).withReplicaTtl(Duration.ofSeconds(3)));
                running = c;
                port = c.port();
            }
            case "pipe" -> {
                PipeComponent c = PipeComponent.start(vertx, database, registry, PipeSettings.defaults().withPort(0)
                        .withReplicaTtl(Duration.ofSeconds(3)));
                running = c;
                port = c.port();
            }
            default -> throw new IllegalArgumentException("unknown component " + component);
        }
        System.out.println("READY " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent holds our stdin open while it wants us running
        }
        try {
            running.close();
        } catch (Exception e) {
            // exiting anyway
        }
        database.close();
        vertx.close();
        System.exit(0);
    }
}
