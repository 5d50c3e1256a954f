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
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ScopeProbe;
import dev.scope.service.auth.Role;
import dev.scope.service.gateway.GatewayComponent;
import dev.scope.service.gateway.GatewaySettings;
import dev.scope.service.testing.FixedAuthenticator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One replica of one component in its own JVM for the multi-process test, started as {@code scope service
 * <component>} starts it (the service module builds before the CLI, so its tests cannot run {@code scope.jar}):
 * {@code ReplicaMain <collection|query|control|pipe|gateway|probe>} with the database in {@code SCOPE_DB_*}.
 * The gateway takes its backends from {@code SCOPE_TEST_<KIND>_URL} and a fixed table of tokens and sessions from
 * {@code SCOPE_TEST_AUTH} ({@code token:T:orgId:orgExt;member:S:user:orgId:orgExt:role}), standing in for the users
 * component; {@code probe} runs the real probe against {@code SCOPE_TEST_APP} with {@code SCOPE_TEST_TOKEN}.
 * Prints {@code READY <port>} once it serves, and exits when its standard input closes (the test's JVM went).
 */
public final class ReplicaMain {
    private ReplicaMain() {
    }

    public static void main(String[] args) throws IOException {
        String component = args[0];
        if ("probe".equals(component)) {
            runProbe();
            return;
        }
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
                        .withReplicaTtl(Duration.ofSeconds(3)));
                running = c;
                port = c.port();
            }
            case "pipe" -> {
                PipeComponent c = PipeComponent.start(vertx, database, registry, PipeSettings.defaults().withPort(0)
                        .withReplicaTtl(Duration.ofSeconds(3)));
                running = c;
                port = c.port();
            }
            case "gateway" -> {
                GatewayComponent c = GatewayComponent.start(vertx, authenticator(System.getenv("SCOPE_TEST_AUTH")), registry,
                        GatewaySettings.defaults("127.0.0.1", 0, List.of(), urls("COLLECTION"), urls("QUERY"), urls("CONTROL"), urls("PIPE")));
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

    private static List<URI> urls(String kind) {
        return GatewaySettings.urls(System.getenv("SCOPE_TEST_" + kind + "_URL"));
    }

    private static FixedAuthenticator authenticator(String spec) {
        FixedAuthenticator auth = new FixedAuthenticator();
        for (String entry : spec.split(";")) {
            String[] f = entry.split(":");
            if (f[0].equals("token")) auth.token(f[1], f[2], f[3]);
            else auth.member(f[1], f[2], f[3], f[4], Role.fromWireName(f[5]));
        }
        return auth;
    }

    /** The real probe (host and process reporters, host_exec control, pipes) reporting to the gateway. */
    private static void runProbe() throws IOException {
        ScopeProbe probe = ScopeProbe.start(ProbeConfig.defaults(List.of(System.getenv("SCOPE_TEST_APP")))
                .withToken(System.getenv("SCOPE_TEST_TOKEN")).withProbeId(System.getenv("SCOPE_TEST_PROBE_ID"))
                .withHostname(System.getenv("SCOPE_TEST_HOSTNAME")).withModules(List.of(), false)
                .withPluginsRoot(null).withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        System.out.println("READY 0");
        System.out.flush();
        while (System.in.read() >= 0) {
            // running until the test's JVM closes our stdin
        }
        probe.close();
        System.exit(0);
    }
}
