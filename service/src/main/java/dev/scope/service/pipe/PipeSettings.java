package dev.scope.service.pipe;

import java.time.Duration;

/**
 * A pipe replica's settings.
 *
 * @param host          the address to listen on
 * @param port          0 picks a free port
 * @param advertisedUrl how other replicas reach this one ({@code http://host:port} when null)
 * @param idleTimeout   a pipe whose end stays unconnected this long is closed (Weave Scope: 1 minute)
 * @param replicaTtl    how long this replica's pipe ends outlive its last heartbeat
 */
public record PipeSettings(String host, int port, String advertisedUrl, Duration idleTimeout, Duration replicaTtl) {
    public PipeSettings {
        if (idleTimeout.toMillis() < 10) throw new IllegalArgumentException("idle timeout must be at least 10 ms");
        if (replicaTtl.toMillis() < 300) throw new IllegalArgumentException("replica TTL must be at least 300 ms");
    }

    public static PipeSettings defaults() {
        return new PipeSettings("127.0.0.1", 4051, null, Duration.ofMinutes(1), Duration.ofSeconds(15));
    }

    public PipeSettings withPort(int p) {
        return new PipeSettings(host, p, advertisedUrl, idleTimeout, replicaTtl);
    }

    public PipeSettings withHost(String h) {
        return new PipeSettings(h, port, advertisedUrl, idleTimeout, replicaTtl);
    }

    public PipeSettings withAdvertisedUrl(String url) {
        return new PipeSettings(host, port, url, idleTimeout, replicaTtl);
    }

    public PipeSettings withIdleTimeout(Duration d) {
        return new PipeSettings(host, port, advertisedUrl, d, replicaTtl);
    }

    public PipeSettings withReplicaTtl(Duration d) {
        return new PipeSettings(host, port, advertisedUrl, idleTimeout, d);
    }

    String internalUrl(int actualPort) {
        if (advertisedUrl != null && !advertisedUrl.isBlank()) return advertisedUrl.replaceAll("/+$", "");
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : h) + ":" + actualPort;
    }
}
