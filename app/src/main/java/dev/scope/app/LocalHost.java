package dev.scope.app;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name as {@code /api} reports it, and what counts as loopback. */
final class LocalHost {
    private LocalHost() {
    }

    /** The kernel's hostname, as Go's os.Hostname reads it; no DNS lookup. */
    static String name() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) return kernel;
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env;
    }

    /** True for 127.0.0.0/8, ::1 and "localhost"; literal addresses never touch DNS. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.ofLiteral(bare).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
