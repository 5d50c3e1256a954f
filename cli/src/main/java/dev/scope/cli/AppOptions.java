package dev.scope.cli;

import dev.scope.app.AppConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The app's flags; Weave Scope's names are accepted where they exist. */
final class AppOptions {
    @Option(names = {"--listen", "--app.http.address"}, paramLabel = "HOST:PORT",
            description = "Where the app listens (default 127.0.0.1:4040). Beyond loopback a --token is required.")
    String listen = "127.0.0.1:" + AppConfig.DEFAULT_PORT;

    @Option(names = {"--token", "--app.token"}, paramLabel = "TOKEN",
            description = "Secret that probes and browsers must present. Also read from SCOPE_TOKEN.")
    String token = System.getenv("SCOPE_TOKEN");

    @Option(names = "--insecure-no-auth",
            description = "Listen beyond loopback without authentication. Anyone who reaches the port can run shells on your hosts.")
    boolean insecureNoAuth;

    @Option(names = {"--read-only", "--app.read-only"}, description = "Refuse controls and terminals.")
    boolean readOnly;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key for --tls-cert.")
    Path tlsKey;

    @Option(names = "--window", paramLabel = "SECONDS", description = "How long a report stays in view (default 15).")
    long windowSeconds = 15;

    @Option(names = "--history-dir", paramLabel = "DIR",
            description = "Keep past reports here so the UI can travel back in time (off by default: Scope keeps only the live window, in memory).")
    Path historyDir;

    @Option(names = "--history-retention", paramLabel = "HOURS",
            description = "How many hours of past reports --history-dir keeps (default 24).")
    long historyRetentionHours = 24;

    @Option(names = "--history-max-mb", paramLabel = "MB",
            description = "Disk --history-dir may take; the oldest reports go first beyond it (default 1024).")
    long historyMaxMegabytes = AppConfig.DEFAULT_HISTORY_MAX_BYTES >> 20;

    AppConfig toConfig() {
        HostPort hp = HostPort.parse(listen, AppConfig.DEFAULT_PORT);
        AppConfig config = AppConfig.defaults()
                .withHost(hp.host())
                .withPort(hp.port())
                .withToken(token)
                .withAllowUnauthenticated(insecureNoAuth)
                .withReadOnly(readOnly)
                .withWindow(Duration.ofSeconds(windowSeconds));
        if (historyDir != null) {
            if (historyRetentionHours < 1 || historyMaxMegabytes < 1) {
                throw new IllegalArgumentException("--history-retention and --history-max-mb must be at least 1");
            }
            config = config.withHistory(historyDir, Duration.ofHours(historyRetentionHours), historyMaxMegabytes << 20);
        }
        return tlsCert == null && tlsKey == null ? config : config.withTls(tlsCert, tlsKey);
    }
}
