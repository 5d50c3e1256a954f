package dev.scope.service.load;

import dev.scope.service.control.ControlComponent;
import dev.scope.service.control.ControlSettings;
import dev.scope.service.control.FakeControlProbe;
import dev.scope.service.db.Database;
import dev.scope.service.pipe.PipeComponent;
import dev.scope.service.pipe.PipeSettings;
import dev.scope.service.testing.TestPostgres;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A manual speed check, not a test: two control replicas and two pipe replicas (each its own Vert.x) over the
 * embedded PostgreSQL. Measures control round trips to a fake probe held by replica A, asked on A (local) and on B
 * (forwarded), one at a time (latency) and 16 at a time (throughput); and a pipe with its UI end on pipe replica A
 * and its probe end on B, the probe echoing: ping-pong latency and bulk echo throughput.
 * Run: {@code ./mvnw -o -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test} then {@code java -cp service/target/test-classes:service/target/classes:$(cat /tmp/cp.txt)
 * dev.scope.service.load.ControlPipeLoad [controls] [pipeMessages]}.
 */
public final class ControlPipeLoad {
    private ControlPipeLoad() {
    }

    public static void main(String[] args) throws Exception {
        int controls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        boolean sameReplica = args.length > 2 && args[2].equals("same"); // both pipe ends on A: the app's Pipe alone
        Database db = Database.connect(TestPostgres.freshDatabase("load"));
        Vertx va = Vertx.vertx();
        Vertx vb = Vertx.vertx();
        Vertx clients = Vertx.vertx();
        ControlComponent a = ControlComponent.start(va, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ControlSettings.defaults().withPort(0));
        ControlComponent b = ControlComponent.start(vb, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ControlSettings.defaults().withPort(0));
        PipeComponent pa = PipeComponent.start(va, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PipeSettings.defaults().withPort(0));
        PipeComponent pb = PipeComponent.start(vb, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PipeSettings.defaults().withPort(0));
        JsonObject answer = new JsonObject().put("pipe", "pipe-1").put("raw_tty", true);
        FakeControlProbe probe = new FakeControlProbe(clients, "org", "p", List.of(a.port()), r -> answer);
        HttpClientAgent http = clients.createHttpClient();
        while (call(http, b.port()).get(30, TimeUnit.SECONDS) != 200) Thread.sleep(50);

        for (ControlComponent replica : List.of(a, b)) {
            String where = replica == a ? "local (probe on this replica)" : "forwarded (probe on the other replica)";
            for (int i = 0; i < controls / 5; i++) call(http, replica.port()).get(30, TimeUnit.SECONDS); // warm-up
            long[] nanos = new long[controls];
            for (int i = 0; i < controls; i++) {
                long t0 = System.nanoTime();
                int status = call(http, replica.port()).get(30, TimeUnit.SECONDS);
                nanos[i] = System.nanoTime() - t0;
                if (status != 200) throw new IllegalStateException("control answered " + status);
            }
            Arrays.sort(nanos);
            Semaphore window = new Semaphore(16);
            long t0 = System.nanoTime();
            for (int i = 0; i < controls; i++) {
                window.acquire();
                call(http, replica.port()).whenComplete((s, e) -> window.release());
            }
            window.acquire(16);
            double perSecond = controls / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("control %s: p50 %.2f ms, p99 %.2f ms one at a time; %.0f controls/s 16 at a time%n",
                    where, nanos[controls / 2] / 1e6, nanos[controls * 99 / 100] / 1e6, perSecond);
        }

        WebSocketClient ws = clients.createWebSocketClient();
        WebSocket probeEnd = ws.connect(new WebSocketConnectOptions().setPort(sameReplica ? pa.port() : pb.port()).setHost("127.0.0.1")
                .setURI("/api/pipe/load/probe").addHeader("X-Scope-OrgID", "org")).toCompletionStage().toCompletableFuture().get();
        probeEnd.binaryMessageHandler(probeEnd::writeBinaryMessage);
        WebSocket ui = ws.connect(new WebSocketConnectOptions().setPort(pa.port()).setHost("127.0.0.1")
                .setURI("/api/pipe/load").addHeader("X-Scope-OrgID", "org")).toCompletionStage().toCompletableFuture().get();
        long started = System.nanoTime();
        ui.closeHandler(v -> System.out.printf("ui end closed after %.1f s: %s %s%n", (System.nanoTime() - started) / 1e9, ui.closeStatusCode(), ui.closeReason()));
        probeEnd.closeHandler(v -> System.out.printf("probe end closed after %.1f s: %s %s%n", (System.nanoTime() - started) / 1e9, probeEnd.closeStatusCode(), probeEnd.closeReason()));
        long[] rtt = new long[2000];
        for (int i = 0; i < rtt.length; i++) {
            CompletableFuture<Void> back = new CompletableFuture<>();
            ui.binaryMessageHandler(buf -> back.complete(null));
            long t0 = System.nanoTime();
            ui.writeBinaryMessage(Buffer.buffer("ping " + i));
            back.get(30, TimeUnit.SECONDS);
            rtt[i] = System.nanoTime() - t0;
        }
        Arrays.sort(rtt);
        Buffer kib = Buffer.buffer(new byte[1024]);
        AtomicLong received = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Semaphore inFlight = new Semaphore(256);
        ui.binaryMessageHandler(buf -> {
            inFlight.release();
            if (received.addAndGet(buf.length()) >= (long) messages * 1024) done.complete(null);
        });
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                System.out.printf("STALLED after %d sent, %d KiB echoed; ui closed %s, probe end closed %s; pipes open A %d B %d%n",
                        i, received.get() / 1024, ui.isClosed(), probeEnd.isClosed(), pa.openPipes(), pb.openPipes());
                System.exit(2);
            }
            ui.writeBinaryMessage(kib);
        }
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.printf("STALLED at the end: %d KiB echoed; ui closed %s, probe end closed %s; pipes open A %d B %d%n",
                    received.get() / 1024, ui.isClosed(), probeEnd.isClosed(), pa.openPipes(), pb.openPipes());
            System.exit(2);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("pipe UI end on A, probe end on " + (sameReplica ? "A" : "B") + " (echo): ping-pong p50 %.2f ms, p99 %.2f ms; "
                        + "%d KiB messages echoed in %.2f s = %.1f MiB/s each way, %.0f messages/s%n",
                rtt[rtt.length / 2] / 1e6, rtt[rtt.length * 99 / 100] / 1e6, messages, seconds, messages / 1024.0 / seconds, messages / seconds);

        ws.close().toCompletionStage().toCompletableFuture().get(); // also keeps it reachable: Vert.x closes unreachable clients
        http.close();
        probe.close();
        for (AutoCloseable c : List.<AutoCloseable>of(pa, pb, a, b)) c.close();
        for (Vertx v : List.of(clients, va, vb)) v.close().toCompletionStage().toCompletableFuture().get();
        db.close();
        System.exit(0);
    }

    private static CompletableFuture<Integer> call(HttpClientAgent http, int port) {
        Future<Integer> status = http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                        .setURI("/api/control/p/node/docker_restart_container").putHeader("X-Scope-OrgID", "org").putHeader("X-Scope-Role", "admin"))
                .compose(req -> req.send()).compose(resp -> resp.body().map(bodyIgnored -> resp.statusCode()));
        return status.toCompletionStage().toCompletableFuture();
    }
}
