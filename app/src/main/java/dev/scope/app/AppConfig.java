package dev.scope.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an app runs. {@link #defaults()} is safe: loopback only, no token needed there, 15 s window.
 *
 * @param host                    address to listen on; anything but loopback needs {@code token} or
 *                                {@code allowUnauthenticated}
 * @param port                    TCP port, 0 for any free one
 * @param token                   shared secret probes and browsers present; null for none
 * @param allowUnauthenticated    listen beyond loopback without a token (logged as a loud warning)
 * @param readOnly                refuse controls and pipes with 403
 * @param tlsCertPem              PEM certificate chain; with {@code tlsKeyPem}, serve HTTPS
 * @param tlsKeyPem               PEM private key
 * @param window                  how long a probe's report stays in the merged view
 * @param maxProbes               probes held at once; reports from more are refused with 429
 * @param maxHeldBytes            decompressed bytes of reports held; the oldest go first beyond it
 * @param maxBodyBytes            largest POST /api/report body as sent (compressed)
 * @param maxReportBytes          largest report once decompressed
 * @param controlTimeout          how long a control may take on the probe
 * @param pipeIdleTimeout         a pipe whose end stays unconnected this long is closed
 * @param minWebsocketInterval    lower bound for the {@code t} of topology websockets
 * @param version                 what {@code /api} reports as the version
 * @param hostname                what {@code /api} reports as the hostname
 * @param historyDir              where past reports are kept for {@code ?timestamp=} queries; null: no history
 * @param historyRetention        how long past reports are kept
 * @param historyMaxBytes         disk the history may take; the oldest reports go first beyond it
 */
public record AppConfig(
        String host,
        int port,
        String token,
        boolean allowUnauthenticated,
        boolean readOnly,
        Path tlsCertPem,
        Path tlsKeyPem,
        Duration window,
        int maxProbes,
        long maxHeldBytes,
        long maxBodyBytes,
        long maxReportBytes,
        Duration controlTimeout,
        Duration pipeIdleTimeout,
        Duration minWebsocketInterval,
        String version,
        String hostname,
        Path historyDir,
        Duration historyRetention,
        long historyMaxBytes) {

    public static final int DEFAULT_PORT = 4040;
    public static final long DEFAULT_HISTORY_MAX_BYTES = 1L << 30;

    public AppConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(controlTimeout, "controlTimeout");
        Objects.requireNonNull(pipeIdleTimeout, "pipeIdleTimeout");
        Objects.requireNonNull(minWebsocketInterval, "minWebsocketInterval");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(historyRetention, "historyRetention");
        if (token != null && token.isBlank()) token = null;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        if ((tlsCertPem == null) != (tlsKeyPem == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key (PEM)");
        }
        if (maxProbes < 1 || maxHeldBytes < 1 || maxBodyBytes < 1 || maxReportBytes < 1 || historyMaxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static AppConfig defaults() {
        return new AppConfig("127.0.0.1", DEFAULT_PORT, null, false, false, null, null,
                Duration.ofSeconds(15), 1_000, 1L << 30, 16L << 20, 64L << 20,
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMillis(100),
                AppVersion.current(), LocalHost.name(), null, Duration.ofHours(24), DEFAULT_HISTORY_MAX_BYTES);
    }

    public boolean tls() {
        return tlsCertPem != null;
    }

    public AppConfig withHost(String value) {
        return with(b -> b.host = value);
    }

    public AppConfig withPort(int value) {
        return with(b -> b.port = value);
    }

    public AppConfig withToken(String value) {
        return with(b -> b.token = value);
    }

    public AppConfig withAllowUnauthenticated(boolean value) {
        return with(b -> b.allowUnauthenticated = value);
    }

    public AppConfig withReadOnly(boolean value) {
        return with(b -> b.readOnly = value);
    }

    public AppConfig withTls(Path certPem, Path keyPem) {
        return with(b -> {
            b.tlsCertPem = certPem;
            b.tlsKeyPem = keyPem;
        });
    }

    public AppConfig withWindow(Duration value) {
        return with(b -> b.window = value);
    }

    public AppConfig withLimits(int probes, long heldBytes, long bodyBytes, long reportBytes) {
        return with(b -> {
            b.maxProbes = probes;
            b.maxHeldBytes = heldBytes;
            b.maxBodyBytes = bodyBytes;
            b.maxReportBytes = reportBytes;
        });
    }

    public AppConfig withControlTimeout(Duration value) {
        return with(b -> b.controlTimeout = value);
    }

    public AppConfig withPipeIdleTimeout(Duration value) {
        return with(b -> b.pipeIdleTimeout = value);
    }

    public AppConfig withMinWebsocketInterval(Duration value) {
        return with(b -> b.minWebsocketInterval = value);
    }

    public AppConfig withHistory(Path dir, Duration retention) {
        return withHistory(dir, retention, DEFAULT_HISTORY_MAX_BYTES);
    }

    public AppConfig withHistory(Path dir, Duration retention, long maxBytes) {
        return with(b -> {
            b.historyDir = dir;
            b.historyRetention = retention;
            b.historyMaxBytes = maxBytes;
        });
    }

    /** A copy with {@code change} applied; the canonical constructor checks the result. */
    private AppConfig with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** The components as mutable fields, so that each wither names only what it changes. */
    private static final class Builder {
        String host;
        int port;
        String token;
        boolean allowUnauthenticated;
        boolean readOnly;
        Path tlsCertPem;
        Path tlsKeyPem;
        Duration window;
        int maxProbes;
        long maxHeldBytes;
        long maxBodyBytes;
        long maxReportBytes;
        Duration controlTimeout;
        Duration pipeIdleTimeout;
        Duration minWebsocketInterval;
        String version;
        String hostname;
        Path historyDir;
        Duration historyRetention;
        long historyMaxBytes;

        Builder(AppConfig c) {
            host = c.host;
            port = c.port;
            token = c.token;
            allowUnauthenticated = c.allowUnauthenticated;
            readOnly = c.readOnly;
            tlsCertPem = c.tlsCertPem;
            tlsKeyPem = c.tlsKeyPem;
            window = c.window;
            maxProbes = c.maxProbes;
            maxHeldBytes = c.maxHeldBytes;
            maxBodyBytes = c.maxBodyBytes;
            maxReportBytes = c.maxReportBytes;
            controlTimeout = c.controlTimeout;
            pipeIdleTimeout = c.pipeIdleTimeout;
            minWebsocketInterval = c.minWebsocketInterval;
            version = c.version;
            hostname = c.hostname;
            historyDir = c.historyDir;
            historyRetention = c.historyRetention;
            historyMaxBytes = c.historyMaxBytes;
        }

        AppConfig build() {
            return new AppConfig(host, port, token, allowUnauthenticated, readOnly, tlsCertPem, tlsKeyPem, window, maxProbes,
                    maxHeldBytes, maxBodyBytes, maxReportBytes, controlTimeout, pipeIdleTimeout, minWebsocketInterval, version,
                    hostname, historyDir, historyRetention, historyMaxBytes);
        }
    }

    /** Printable without the token. */
    @Override
    public String toString() {
        return "AppConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "****")
                + ", allowUnauthenticated=" + allowUnauthenticated + ", readOnly=" + readOnly + ", tls=" + tls()
                + ", window=" + window + ", maxProbes=" + maxProbes + ", maxHeldBytes=" + maxHeldBytes
                + ", maxBodyBytes=" + maxBodyBytes + ", maxReportBytes=" + maxReportBytes
                + ", history=" + (historyDir == null ? "off" : historyDir + " for " + historyRetention + ", at most " + historyMaxBytes + " bytes") + "]";
    }
}
