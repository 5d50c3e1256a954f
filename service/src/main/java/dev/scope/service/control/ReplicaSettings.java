package dev.scope.service.control;

import java.time.Duration;

/**
 * Where a control or pipe replica listens and how its peers reach it: the part of both components' settings that
 * {@link ReplicaDirectory} needs.
 *
 * @param host          the address to listen on (loopback unless behind the gateway on a private network)
 * @param port          0 picks a free port
 * @param advertisedUrl how other replicas reach this one ({@code http://host:port} when null)
 * @param ttl           how long this replica's registration, and the routes or pipe ends that name it, outlive its
 *                      last heartbeat (renewed every third of it)
 */
public record ReplicaSettings(String host, int port, String advertisedUrl, Duration ttl) {
    public ReplicaSettings {
        if (ttl.toMillis() < 300) throw new IllegalArgumentException("replica TTL must be at least 300 ms");
    }

    /** Loopback on {@code port}, reached there by peers, with a 15 s time to live. */
    public static ReplicaSettings defaults(int port) {
        return new ReplicaSettings("127.0.0.1", port, null, Duration.ofSeconds(15));
    }

    public ReplicaSettings withHost(String h) {
        return new ReplicaSettings(h, port, advertisedUrl, ttl);
    }

    public ReplicaSettings withPort(int p) {
        return new ReplicaSettings(host, p, advertisedUrl, ttl);
    }

    public ReplicaSettings withAdvertisedUrl(String url) {
        return new ReplicaSettings(host, port, url, ttl);
    }

    public ReplicaSettings withTtl(Duration d) {
        return new ReplicaSettings(host, port, advertisedUrl, d);
    }

    /** The URL peers use: the advertised one, or this host and the port actually bound (loopback for a wildcard host). */
    public String internalUrl(int actualPort) {
        if (advertisedUrl != null && !advertisedUrl.isBlank()) return advertisedUrl.replaceAll("/+$", "");
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : h) + ":" + actualPort;
    }
}
