package dev.scope.service.all;

/**
 * {@code scope service all}: one process, every component. Only the gateway listens on {@code host:port}; the
 * other components listen on free loopback ports that only the gateway (and each other) use.
 *
 * @param host where the gateway listens
 * @param port the gateway's port (0 for any free one)
 */
public record AllSettings(String host, int port) {
    public static final String BACKEND_HOST = "127.0.0.1";
}
