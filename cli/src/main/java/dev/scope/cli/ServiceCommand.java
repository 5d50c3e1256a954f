package dev.scope.cli;

import dev.scope.service.all.AllComponent;
import dev.scope.service.all.AllSettings;
import dev.scope.service.collection.CollectionComponent;
import dev.scope.service.collection.CollectionSettings;
import dev.scope.service.control.ControlComponent;
import dev.scope.service.control.ControlSettings;
import dev.scope.service.db.Database;
import dev.scope.service.db.PoolMetrics;
import dev.scope.service.gateway.GatewayComponent;
import dev.scope.service.gateway.GatewaySettings;
import dev.scope.service.pipe.PipeComponent;
import dev.scope.service.pipe.PipeSettings;
import dev.scope.service.query.QueryComponent;
import dev.scope.service.query.QuerySettings;
import dev.scope.service.users.CachedAuthenticator;
import dev.scope.service.users.MailSettings;
import dev.scope.service.users.UsersComponent;
import dev.scope.service.users.UsersSettings;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code scope service <component>}: one component of Scope as a Service (docs/service.md), or all of them. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Run a component of the multi-tenant Scope service (PostgreSQL from SCOPE_DB_URL/--db-url).",
        subcommands = {ServiceCommand.Gateway.class, ServiceCommand.Users.class, ServiceCommand.Collection.class,
                ServiceCommand.Query.class, ServiceCommand.Control.class, ServiceCommand.Pipe.class, ServiceCommand.All.class})
final class ServiceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs one component until SIGTERM: its own Vertx, database pool and metrics registry. */
    abstract static class Component implements Callable<Integer> {
        /** Seconds from the command line as a Duration; the settings records refuse values too small to work. */
        static java.time.Duration seconds(double seconds) {
            if (!(seconds > 0) || seconds > 86_400) throw new IllegalArgumentException("expected 0 < seconds <= 86400, got " + seconds);
            return java.time.Duration.ofMillis(Math.round(seconds * 1000));
        }

        @Mixin
        Logging logging = new Logging();

        @Mixin
        ServiceOptions db = new ServiceOptions();

        @Spec
        CommandSpec spec;

        /** The subcommand's name, which also names its database pool. */
        String name() {
            return spec.name();
        }

        abstract AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics);

        @Override
        public Integer call() throws Exception {
            logging.apply();
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            Database database = Database.connect(db.database(name()));
            PoolMetrics.bind(metrics, database);
            Vertx vertx = Vertx.vertx();
            AutoCloseable component;
            try {
                component = start(vertx, database, metrics);
            } catch (RuntimeException e) {
                vertx.close();
                database.close();
                throw e;
            }
            return Processes.runUntilStopped(() -> {
                component.close();
                vertx.close().toCompletionStage().toCompletableFuture().join();
                database.close();
                metrics.close();
            });
        }
    }

    /** How the users component sends e-mail and where users reach the service. */
    static final class UsersOptions {
        @Option(names = "--public-url", defaultValue = "${env:SCOPE_PUBLIC_URL:-http://localhost:4040}",
                description = "Where browsers and probes reach the gateway; used in e-mailed links (env SCOPE_PUBLIC_URL).")
        String publicUrl;

        @Option(names = "--smtp-host", defaultValue = "${env:SCOPE_SMTP_HOST:-localhost}", description = "SMTP server (env SCOPE_SMTP_HOST).")
        String smtpHost;

        @Option(names = "--smtp-port", defaultValue = "${env:SCOPE_SMTP_PORT:-25}", description = "SMTP port (env SCOPE_SMTP_PORT).")
        int smtpPort;

        @Option(names = "--smtp-from", defaultValue = "${env:SCOPE_SMTP_FROM:-scope@localhost}", description = "Sender address (env SCOPE_SMTP_FROM).")
        String smtpFrom;

        @Option(names = "--smtp-user", defaultValue = "${env:SCOPE_SMTP_USER}",
                description = "SMTP user (env SCOPE_SMTP_USER); the password comes from SCOPE_SMTP_PASSWORD only.")
        String smtpUser;

        @Option(names = "--smtp-starttls", description = "Require STARTTLS.")
        boolean startTls;

        @Option(names = "--require-approval", description = "New accounts wait for a site admin's approval.")
        boolean requireApproval;

        @Option(names = "--site-admin", split = ",", description = "E-mail addresses that are site admins once signed up.")
        List<String> siteAdmins = new ArrayList<>();

        UsersSettings settings(HostPort listen) {
            MailSettings mail = new MailSettings(smtpHost, smtpPort, smtpFrom, smtpUser, System.getenv("SCOPE_SMTP_PASSWORD"), startTls);
            return UsersSettings.defaults(listen.host(), listen.port(), publicUrl, mail)
                    .withRequireApproval(requireApproval).withSiteAdmins(siteAdmins);
        }
    }

    @Command(name = "gateway", mixinStandardHelpOptions = true,
            description = "The one exposed component: authenticates probes and users and forwards to the others.")
    static final class Gateway extends Component {
        @Option(names = "--listen", defaultValue = "${env:SCOPE_LISTEN:-0.0.0.0:4040}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String listen;
        @Option(names = "--users-url", defaultValue = "${env:SCOPE_USERS_URL}", description = "Users replicas, comma-separated http://host:port.")
        String users;
        @Option(names = "--collection-url", defaultValue = "${env:SCOPE_COLLECTION_URL}", description = "Collection replicas.")
        String collection;
        @Option(names = "--query-url", defaultValue = "${env:SCOPE_QUERY_URL}", description = "Query replicas.")
        String query;
        @Option(names = "--control-url", defaultValue = "${env:SCOPE_CONTROL_URL}", description = "Control replicas.")
        String control;
        @Option(names = "--pipe-url", defaultValue = "${env:SCOPE_PIPE_URL}", description = "Pipe replicas.")
        String pipe;
        @Option(names = "--reports-per-second", defaultValue = "100", description = "Reports per second per organisation (default ${DEFAULT-VALUE}).")
        double reportsPerSecond;
        @Option(names = "--report-burst", defaultValue = "200", description = "Reports an organisation may send at once beyond that (default ${DEFAULT-VALUE}).")
        int reportBurst;
        @Option(names = "--tls", description = "Clients reach the gateway over HTTPS (adds Strict-Transport-Security).")
        boolean tls;

        AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics) {
            HostPort at = HostPort.parse(listen, 4040);
            GatewaySettings d = GatewaySettings.defaults(at.host(), at.port(), GatewaySettings.urls(users),
                    GatewaySettings.urls(collection), GatewaySettings.urls(query), GatewaySettings.urls(control), GatewaySettings.urls(pipe));
            GatewaySettings s = new GatewaySettings(d.host(), d.port(), d.users(), d.collection(), d.query(), d.control(), d.pipe(),
                    d.maxReportBodyBytes(), d.maxRequestBodyBytes(), reportsPerSecond, reportBurst, tls);
            CachedAuthenticator authenticator = CachedAuthenticator.over(database, metrics);
            GatewayComponent gateway;
            try {
                gateway = GatewayComponent.start(vertx, authenticator, metrics, s);
            } catch (RuntimeException e) {
                authenticator.close();
                throw e;
            }
            return () -> {
                gateway.close();
                authenticator.close();
            };
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "Sign-up, login, organisations, members, probe tokens.")
    static final class Users extends Component {
        @Option(names = "--listen", defaultValue = "${env:SCOPE_LISTEN:-127.0.0.1:4041}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String listen;
        @ArgGroup(exclusive = false)
        UsersOptions users = new UsersOptions();
        // Off by default: a client able to reach this component directly could otherwise pick its own rate-limit key.
        @Option(names = "--trust-forwarded-for", defaultValue = "${env:SCOPE_TRUST_FORWARDED_FOR:-false}",
                description = "Rate-limit by the client IP the gateway puts last in X-Forwarded-For; set only when nothing but "
                        + "the gateway can reach this component (env SCOPE_TRUST_FORWARDED_FOR; default off).")
        boolean trustForwardedFor;

        UsersSettings settings() {
            return users.settings(HostPort.parse(listen, 4041)).withTrustForwardedFor(trustForwardedFor);
        }

        AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics) {
            return UsersComponent.start(vertx, database, metrics, settings());
        }
    }

    @Command(name = "collection", mixinStandardHelpOptions = true, description = "Stores probes' reports in PostgreSQL.")
    static final class Collection extends Component {
        @Option(names = "--listen", defaultValue = "${env:SCOPE_LISTEN:-127.0.0.1:4042}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String listen;

        AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics) {
            HostPort at = HostPort.parse(listen, 4042);
            return CollectionComponent.start(vertx, database, metrics, CollectionSettings.defaults(at.host(), at.port()));
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true, description = "Renders each organisation's topologies.")
    static final class Query extends Component {
        @Option(names = "--listen", defaultValue = "${env:SCOPE_LISTEN:-127.0.0.1:4043}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String listen;

        AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics) {
            HostPort at = HostPort.parse(listen, 4043);
            return QueryComponent.start(vertx, database, metrics, QuerySettings.defaults(at.host(), at.port()));
        }
    }

    @Command(name = "control", mixinStandardHelpOptions = true, description = "Routes controls to probes on any replica.")
    static final class Control extends Component {
        @Option(names = "--listen", defaultValue = "${env:SCOPE_LISTEN:-127.0.0.1:4050}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String listen;
        @Mixin
        ReplicaOptions replica = new ReplicaOptions();
        @Option(names = "--control-timeout", paramLabel = "SECONDS", defaultValue = "${env:SCOPE_CONTROL_TIMEOUT:-10}",
                description = "How long a probe may take to answer a control before the caller gets 504 (default ${DEFAULT-VALUE}; env SCOPE_CONTROL_TIMEOUT).")
        double controlTimeoutSeconds;

        ControlSettings settings() {
            return ControlSettings.defaults().withControlTimeout(seconds(controlTimeoutSeconds))
                    .withReplica(r -> replica.settings(r, HostPort.parse(listen, r.port())));
        }

        AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics) {
            return ControlComponent.start(vertx, database, metrics, settings());
        }
    }

    @Command(name = "pipe", mixinStandardHelpOptions = true, description = "Bridges terminal pipes between replicas.")
    static final class Pipe extends Component {
        @Option(names = "--listen", defaultValue = "${env:SCOPE_LISTEN:-127.0.0.1:4051}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String listen;
        @Mixin
        ReplicaOptions replica = new ReplicaOptions();

        PipeSettings settings() {
            return PipeSettings.defaults().withReplica(r -> replica.settings(r, HostPort.parse(listen, r.port())));
        }

        AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics) {
            return PipeComponent.start(vertx, database, metrics, settings());
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true,
            description = "Every component in one process; only the gateway listens beyond loopback.")
    static final class All extends Component {
        @Option(names = "--listen", defaultValue = "${env:SCOPE_LISTEN:-0.0.0.0:4040}", description = "The gateway's address (default ${DEFAULT-VALUE}).")
        String listen;
        @ArgGroup(exclusive = false)
        UsersOptions users = new UsersOptions();

        AutoCloseable start(Vertx vertx, Database database, PrometheusMeterRegistry metrics) {
            HostPort at = HostPort.parse(listen, 4040);
            return AllComponent.start(vertx, database, metrics, new AllSettings(at.host(), at.port()),
                    users.settings(new HostPort(AllSettings.BACKEND_HOST, 0)));
        }
    }
}
