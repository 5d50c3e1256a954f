package dev.scope.service.control;

import java.time.Duration;

/**
 * A control replica's settings.
 *
 * @param host           the address to listen on (loopback unless behind the gateway on a private network)
 * @param port           0 picks a free port
 * @param advertisedUrl  how other replicas reach this one ({@code http://host:port} when null)
 * @param controlTimeout how long a probe may take to answer a control before the caller gets 504
 * @param replicaTtl     how long this replica's routes outlive its last heartbeat (renewed every third of it)
 */
public record ControlSettings(String host, int port, String advertisedUrl, Duration controlTimeout, Duration replicaTtl) {
    public ControlSettings {
        if (controlTimeout.isNegative() || controlTimeout.isZero()) throw new IllegalArgumentException("control timeout must be positive");
        if (replicaTtl.toMillis() < 300) throw new IllegalArgumentException("replica TTL must be at least 300 ms");
    }

    public static ControlSettings defaults() {
        return new ControlSettings("127.0.0.1", 4050, null, Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    public ControlSettings withPort(int p) {
        return new ControlSettings(host, p, advertisedUrl, controlTimeout, replicaTtl);
    }

    public ControlSettings withHost(String h) {
        return new ControlSettings(h, port, advertisedUrl, controlTimeout, replicaTtl);
    }

    public ControlSettings withAdvertisedUrl(String url) {
        return new ControlSettings(host, port, url, controlTimeout, replicaTtl);
    }

    public ControlSettings withControlTimeout(Duration d) {
        return new ControlSettings(host, port, advertisedUrl, d, replicaTtl);
    }

    public ControlSettings withReplicaTtl(Duration d) {
        return new ControlSettings(host, port, advertisedUrl, controlTimeout, d);
    }

    String internalUrl(int actualPort) {
        if (advertisedUrl != null && !advertisedUrl.isBlank()) return advertisedUrl.replaceAll("/+$", "");
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : h) + ":" + actualPort;
    }
}
