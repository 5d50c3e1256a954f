package dev.scope.service.all;

import dev.scope.service.auth.Authenticator;
import dev.scope.service.collection.CollectionComponent;
import dev.scope.service.collection.CollectionSettings;
import dev.scope.service.control.ControlComponent;
import dev.scope.service.control.ControlSettings;
import dev.scope.service.db.Database;
import dev.scope.service.gateway.GatewayComponent;
import dev.scope.service.gateway.GatewaySettings;
import dev.scope.service.pipe.PipeComponent;
import dev.scope.service.pipe.PipeSettings;
import dev.scope.service.query.QueryComponent;
import dev.scope.service.query.QuerySettings;
import dev.scope.service.users.CachedAuthenticator;
import dev.scope.service.users.UsersComponent;
import dev.scope.service.users.UsersSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Every component in one process (small installations, tests), sharing one Vertx, one database pool and one
 * metrics registry. The data-plane components listen on loopback only; the gateway in front of them is the one
 * address clients use. The users component is optional here: given its URL(s), the gateway sends account pages
 * there; the {@link Authenticator} is passed in (the users component's, over the same database).
 */
public final class AllComponent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AllComponent.class);

    private final List<AutoCloseable> started;
    private final GatewayComponent gateway;

    private AllComponent(List<AutoCloseable> started, GatewayComponent gateway) { // started: in start order
        this.started = started;
        this.gateway = gateway;
    }

    /**
     * Every component, the users component included (on a free loopback port); the gateway authenticates with the
     * users component's answers, cached ({@link CachedAuthenticator}).
     */
    public static AllComponent start(Vertx vertx, Database database, MeterRegistry metrics, AllSettings settings,
                                     UsersSettings users) {
        UsersComponent usersComponent = UsersComponent.start(vertx, database, metrics, new UsersSettings(
                AllSettings.BACKEND_HOST, 0, users.publicUrl(), users.mail(), users.requireApproval(), users.siteAdminEmails(),
                users.loginLinkTtl(), users.sessionTtl(), users.signUpLimit(), users.loginLimit(),
                true, // only the gateway reaches it, and the gateway overwrites X-Forwarded-For
                users.probeImage()));
        CachedAuthenticator authenticator = CachedAuthenticator.over(database, metrics);
        try {
            AllComponent all = start(vertx, database, metrics, settings, authenticator, local(usersComponent.port()));
            all.started.addFirst(authenticator);
            all.started.addFirst(usersComponent); // closed last
            return all;
        } catch (RuntimeException e) {
            authenticator.close();
            usersComponent.close();
            throw e;
        }
    }

    /**
     * Every data-plane component and the gateway, with the given authenticator (tests) and users replicas.
     *
     * @param users where a users component listens (empty: account pages answer 404)
     */
    public static AllComponent start(Vertx vertx, Database database, MeterRegistry metrics, AllSettings settings,
                                     Authenticator authenticator, List<URI> users) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            String lo = AllSettings.BACKEND_HOST;
            CollectionComponent collection = add(started, CollectionComponent.start(vertx, database, metrics, CollectionSettings.defaults(lo, 0)));
            QueryComponent query = add(started, QueryComponent.start(vertx, database, metrics, QuerySettings.defaults(lo, 0)));
            ControlComponent control = add(started, ControlComponent.start(vertx, database, metrics,
                    ControlSettings.defaults().withReplica(r -> r.withHost(lo).withPort(0))));
            PipeComponent pipe = add(started, PipeComponent.start(vertx, database, metrics,
                    PipeSettings.defaults().withReplica(r -> r.withHost(lo).withPort(0))));
            GatewayComponent gateway = add(started, GatewayComponent.start(vertx, authenticator, metrics, GatewaySettings.defaults(
                    settings.host(), settings.port(), users, local(collection.port()), local(query.port()),
                    local(control.port()), local(pipe.port()))));
            log.info("Scope service (all components) at http://{}:{}", settings.host(), gateway.port());
            return new AllComponent(started, gateway);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> started, T component) {
        started.add(component);
        return component;
    }

    private static List<URI> local(int port) {
        return List.of(URI.create("http://" + AllSettings.BACKEND_HOST + ":" + port));
    }

    /** The gateway's port: the one clients use. */
    public int port() {
        return gateway.port();
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
