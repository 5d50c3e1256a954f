package dev.scope.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every synthetic host POSTs its report every {@code interval}, as a Weave Scope probe publishes,
 * with the hosts' ticks spread evenly over the interval. A host whose previous POST is still
 * unanswered skips its tick (counted), as a probe does not queue reports behind a slow app.
 */
final class ProbeFleet implements AutoCloseable {
    private final HttpClient client;
    private final URI reportUri;
    private final List<List<byte[]>> bodies; // [host][variant]: msgpack+gzip
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

    ProbeFleet(HttpClient client, String baseUrl, List<List<byte[]>> bodies) {
        this.client = client;
        this.reportUri = URI.create(baseUrl + "/api/report");
        this.bodies = bodies;
    }

    void start(Duration interval) {
        long periodNanos = interval.toNanos();
        for (int h = 0; h < bodies.size(); h++) {
            int host = h;
            AtomicBoolean inFlight = new AtomicBoolean();
            AtomicLong tick = new AtomicLong();
            ticks.scheduleAtFixedRate(() -> {
                if (!inFlight.compareAndSet(false, true)) {
                    skipped.incrementAndGet();
                    return;
                }
                List<byte[]> variants = bodies.get(host);
                byte[] body = variants.get((int) (tick.getAndIncrement() % variants.size()));
                long start = System.nanoTime();
                client.sendAsync(post(reportUri, host, body), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                        ok.incrementAndGet();
                        latencies.add(System.nanoTime() - start);
                    } else {
                        failed.incrementAndGet();
                    }
                    inFlight.set(false);
                });
            }, periodNanos * host / bodies.size(), periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    static HttpRequest post(URI reportUri, int host, byte[] body) {
        return HttpRequest.newBuilder(reportUri)
                .header("Content-Type", "application/msgpack").header("Content-Encoding", "gzip")
                .header("X-Scope-Probe-ID", "bench-probe-" + host)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    long ok() {
        return ok.get();
    }

    long failed() {
        return failed.get();
    }

    long skipped() {
        return skipped.get();
    }

    long[] latencies() {
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
