package dev.scope.cli;

import dev.scope.app.AppConfig;

/** How to reach a local app, for people (a URL) and for the local probe (a target). */
final class Urls {
    private Urls() {
    }

    static String of(AppConfig config, int port) {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::")) host = "localhost";
        if (host.contains(":")) host = "[" + host + "]";
        return (config.tls() ? "https://" : "http://") + host + ":" + port + "/";
    }

    /** The local probe always reaches the local app over loopback. */
    static String loopbackTarget(AppConfig config, int port) {
        return (config.tls() ? "https://" : "http://") + "127.0.0.1:" + port;
    }
}
