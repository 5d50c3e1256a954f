package dev.scope.e2e.service;

import dev.scope.report.Report;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Simulated probes posting a small report (msgpack + gzip, as Weave Scope probes send) every {@code every} to the
 * collection replicas: each starts at its own replica and, when a post fails (connection refused, 5xx), sends the
 * same report to the next replica, as a probe behind a load balancer retries. Records which report ids were
 * acknowledged (200), per organisation.
 */
final class SimulatedReporters implements AutoCloseable {
    record Acked(String org, String probe, String reportId) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<IntSupplier> replicaPorts;
    private final Duration every;
    private final Set<Acked> acked = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> ackedByProbe = new ConcurrentHashMap<>();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    SimulatedReporters(List<IntSupplier> replicaPorts, Duration every) {
        this.replicaPorts = replicaPorts;
        this.every = every;
    }

    /** A probe posting straight to collection replicas, as the gateway would forward it. */
    void start(String org, String probe, int firstReplica) {
        start(org, probe, firstReplica, Map.of("X-Scope-OrgID", org));
    }

    /**
     * A probe posting with these headers (through the gateway: its token); {@code org} is the organisation's internal
     * id, under which its reports are stored.
     */
    void start(String org, String probe, int firstReplica, Map<String, String> headers) {
        ackedByProbe.put(probe, new AtomicInteger());
        threads.add(Thread.ofVirtual().name("sim-" + probe).start(() -> run(org, probe, firstReplica, headers)));
    }

    private void run(String org, String probe, int firstReplica, Map<String, String> headers) {
        int replica = firstReplica;
        for (long seq = 0; !stopped; seq++) {
            String id = probe + "-" + seq;
            byte[] body = ReportCodec.encode(Report.standard(id, System.currentTimeMillis() * 1_000_000L), WireFormat.MSGPACK, true);
            for (int attempt = 0; attempt < 2 * replicaPorts.size() && !stopped; attempt++) {
                int port = replicaPorts.get(Math.floorMod(replica, replicaPorts.size())).getAsInt();
                if (post(port, headers, probe, body)) {
                    acked.add(new Acked(org, probe, id));
                    ackedByProbe.get(probe).incrementAndGet();
                    break;
                }
                failedAttempts.incrementAndGet();
                replica++;
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean post(int port, Map<String, String> headers, String probe, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/report"));
        headers.forEach(builder::header);
        HttpRequest request = builder.timeout(Duration.ofSeconds(10)).header("X-Scope-Probe-ID", probe)
                .header("Content-Type", "application/msgpack").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    Set<Acked> acked() {
        return Set.copyOf(acked);
    }

    /** Acknowledged reports so far, per probe. */
    Map<String, Integer> ackedByProbe() {
        Map<String, Integer> out = new java.util.HashMap<>();
        ackedByProbe.forEach((probe, n) -> out.put(probe, n.get()));
        return out;
    }

    int acked(String probe) {
        return ackedByProbe.get(probe).get();
    }

    int failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) t.join(Duration.ofSeconds(20));
    }
}
