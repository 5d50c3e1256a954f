package dev.scope.service.collection;

import java.time.Duration;

/**
 * @param host           listen address (loopback unless the deployment's network policy guards it)
 * @param port           listen port, 0 for any free one
 * @param maxBodyBytes   largest report body as sent (compressed)
 * @param maxReportBytes largest report once decompressed
 * @param retention      how long reports are kept for time travel; whole days of older reports are dropped
 */
public record CollectionSettings(String host, int port, long maxBodyBytes, long maxReportBytes, Duration retention) {
    public CollectionSettings {
        if (maxBodyBytes < 1 || maxReportBytes < 1) throw new IllegalArgumentException("size limits must be positive");
        if (retention.compareTo(Duration.ofHours(1)) < 0) throw new IllegalArgumentException("retention must be at least 1h");
    }

    public static CollectionSettings defaults(String host, int port) {
        return new CollectionSettings(host, port, 32L << 20, 256L << 20, Duration.ofDays(7));
    }
}
