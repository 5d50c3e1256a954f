package dev.scope.service.load;

import dev.scope.service.all.AllComponent;
import dev.scope.service.all.AllSettings;
import dev.scope.service.auth.Role;
import dev.scope.service.db.Database;
import dev.scope.service.db.DatabaseSettings;
import dev.scope.service.testing.FixedAuthenticator;
import dev.scope.service.testing.TestPostgres;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load run of {@code scope service all} (not a test): {@code orgs} organisations of {@code hosts} simulated probes
 * each post a Docker-host-sized report (a new report ID each time, as real probes send) every 3 s through the gateway, while one viewer per organisation reads its
 * containers topology every second. Prints reports/s, report acknowledgement latency and query latency percentiles
 * per 10 s interval. Uses SCOPE_DB_URL/SCOPE_DB_USER when set, else an embedded PostgreSQL.
 *
 * <p>Usage: {@code ServiceLoad <orgs> <hostsPerOrg> <seconds> [containersPerHost] [processesPerContainer]}.
 */
public final class ServiceLoad {
    private ServiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        int orgs = Integer.parseInt(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int containers = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int perContainer = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        String url = System.getenv("SCOPE_DB_URL");
        DatabaseSettings dbSettings = url != null ? new DatabaseSettings(url, System.getenv("SCOPE_DB_USER"),
                System.getenv("SCOPE_DB_PASSWORD"), 16, "load") : TestPostgres.freshDatabase("load");
        FixedAuthenticator auth = new FixedAuthenticator();
        for (int o = 0; o < orgs; o++) auth.token("token-" + o, "id-" + o, "org-" + o).member("s-" + o, "u" + o, "id-" + o, "org-" + o, Role.VIEWER);

        Vertx vertx = Vertx.vertx();
        try (Database db = Database.connect(dbSettings)) {
            try (var st = db.dataSource().getConnection().createStatement()) {
                st.execute("TRUNCATE reports"); // a run starts from an empty window
            }
            AllComponent service = AllComponent.start(vertx, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    new AllSettings("127.0.0.1", 0), auth, List.of());
            HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(service.port()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(32));
            List<Long> ack = Collections.synchronizedList(new ArrayList<>());
            List<Long> query = Collections.synchronizedList(new ArrayList<>());
            AtomicLong failed = new AtomicLong();
            long bytes = 0;
            for (int o = 0; o < orgs; o++) {
                for (int h = 0; h < hosts; h++) {
                    NumberedBodies bodies = new NumberedBodies(SimulatedHost.report("org" + o, h, hosts, containers, perContainer,
                            System.currentTimeMillis() * 1_000_000L));
                    bytes += bodies.next().length;
                    String token = "token-" + o;
                    String probe = "probe-" + o + "-" + h;
                    vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(3000), t -> vertx.setPeriodic(0, 3000, p -> {
                        long start = System.nanoTime();
                        http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/report")
                                        .addHeader("Authorization", "Scope-Probe token=" + token).addHeader("X-Scope-Probe-ID", probe)
                                        .addHeader("Content-Type", "application/msgpack").addHeader("Content-Encoding", "gzip"))
                                .compose(req -> req.send(Buffer.buffer(bodies.next()))).compose(resp -> resp.body().map(b -> resp.statusCode()))
                                .onComplete(ar -> {
                                    if (ar.succeeded() && ar.result() == 200) ack.add(System.nanoTime() - start);
                                    else failed.incrementAndGet();
                                });
                    }));
                }
                String org = "org-" + o;
                String session = "s-" + o;
                vertx.setTimer(3000 + ThreadLocalRandom.current().nextInt(1000), t -> vertx.setPeriodic(0, 1000, p -> {
                    long start = System.nanoTime();
                    http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/app/" + org + "/api/topology/containers")
                                    .addHeader("Cookie", "scope_session=" + session))
                            .compose(req -> req.send()).compose(resp -> resp.body().map(b -> resp.statusCode()))
                            .onComplete(ar -> {
                                if (ar.succeeded() && ar.result() == 200) query.add(System.nanoTime() - start);
                                else failed.incrementAndGet();
                            });
                }));
            }
            System.out.printf("orgs=%d hosts/org=%d report=%d KiB gzip (avg) -> %.1f reports/s offered%n",
                    orgs, hosts, bytes / orgs / hosts / 1024, orgs * hosts / 3.0);
            for (int s = 10; s <= seconds; s += 10) {
                Thread.sleep(10_000);
                List<Long> a, q;
                synchronized (ack) { a = new ArrayList<>(ack); ack.clear(); }
                synchronized (query) { q = new ArrayList<>(query); query.clear(); }
                System.out.printf("t=%3ds reports/s=%6.1f ack p50=%s p99=%s | queries=%d p50=%s p99=%s | failed=%d%n", s,
                        a.size() / 10.0, pct(a, 50), pct(a, 99), q.size(), pct(q, 50), pct(q, 99), failed.getAndSet(0));
            }
            service.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        System.exit(0);
    }

    private static String pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) return "-";
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long v = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return String.format("%.1fms", v / 1e6);
    }
}
