package dev.scope.app.tools;

import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A manual throughput check, not a test: starts an app on loopback, then for a few seconds POSTs
 * Weave Scope 1.13's captured report (msgpack+gzip) from several client threads as many probes,
 * then GETs a rendered topology while those reports are held. Prints reports/s and requests/s after
 * a 5 s warm-up.
 * Run: see the app module's notes in the final report (exec via the test classpath).
 */
public final class IngestLoad {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        byte[] body;
        try (InputStream in = IngestLoad.class.getResourceAsStream("/weave-1.13/probe-report-msgpack.gz")) {
            body = in.readAllBytes();
        }
        // A window longer than the run, so the GET phase measures a stable merged report (cache hits).
        try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0).withWindow(Duration.ofSeconds(120)))) {
            String base = "http://127.0.0.1:" + app.port();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Call post = i -> client.send(HttpRequest.newBuilder(URI.create(base + "/api/report"))
                    .header("Content-Type", "application/msgpack").header("Content-Encoding", "gzip")
                    .header("X-Scope-Probe-ID", "probe-" + (i % 50))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            run(threads, 5, post); // warm-up: JIT, connection pool
            long posts = run(threads, seconds, post);
            System.out.printf("POST /api/report (%d-byte msgpack+gzip, %d threads, 50 probe ids): %.0f reports/s%n",
                    body.length, threads, posts / (double) seconds);
            long gets = run(threads, seconds, i -> client.send(HttpRequest.newBuilder(URI.create(base + "/api/topology/containers?system=all"))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            System.out.printf("GET /api/topology/containers (reports unchanged, %d threads): %.0f requests/s%n",
                    threads, gets / (double) seconds);
        }
    }

    private interface Call {
        int call(long i) throws Exception;
    }

    private static long run(int threads, long seconds, Call call) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                long i = 0;
                while (System.nanoTime() < end) {
                    try {
                        if (call.call(i++) == 200) ok.incrementAndGet();
                        else failed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread w : workers) w.join();
        if (failed.get() > 0) System.out.println("  (" + failed.get() + " requests failed)");
        return ok.get();
    }
}
