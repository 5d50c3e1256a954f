package dev.scope.service.query;

import java.time.Duration;

/**
 * @param host                 listen address
 * @param port                 listen port, 0 for any free one
 * @param window               how far back "now" reaches (Weave Scope: 15 s)
 * @param maxStaleness         how long a cached merge is used without asking the database whether reports expired
 *                             (new reports invalidate it at once through NOTIFY)
 * @param minWebsocketInterval the shortest {@code t} a topology websocket may ask for
 */
public record QuerySettings(String host, int port, Duration window, Duration maxStaleness, Duration minWebsocketInterval) {
    public static QuerySettings defaults(String host, int port) {
        return new QuerySettings(host, port, Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofMillis(100));
    }
}
