package dev.scope.app;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name as {@code /api} reports it (Weave Scope uses the kernel hostname). */
final class LocalHost {
    private LocalHost() {
    }

    static String name() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** True for 127.0.0.0/8, ::1 and "localhost"; literal addresses never touch DNS. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
