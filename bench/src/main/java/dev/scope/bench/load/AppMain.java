package dev.scope.bench.load;

import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;

import java.time.Duration;

/**
 * The app as the load run starts it in a child JVM (so its memory and CPU are its own): a real
 * {@link ScopeApp} on loopback, an ephemeral port, no byte limit in the way of a 500-host window.
 * Prints {@code listening PORT}, then runs until its standard input closes (the driver ended).
 *
 * <pre>java -cp benchmarks.jar dev.scope.bench.load.AppMain WINDOW_SECONDS MAX_HELD_BYTES</pre>
 */
public final class AppMain {
    private AppMain() {
    }

    public static void main(String[] args) throws Exception {
        long windowSeconds = Long.parseLong(args[0]);
        long maxHeldBytes = Long.parseLong(args[1]);
        try (ScopeApp app = ScopeApp.start(config(windowSeconds, maxHeldBytes))) {
            System.out.println("listening " + app.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the driver holds our stdin open while it wants us
            }
        }
    }

    static AppConfig config(long windowSeconds, long maxHeldBytes) {
        AppConfig d = AppConfig.defaults();
        return d.withPort(0).withWindow(Duration.ofSeconds(windowSeconds))
                .withLimits(d.maxProbes(), maxHeldBytes, d.maxBodyBytes(), d.maxReportBytes());
    }
}
