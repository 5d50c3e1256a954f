package dev.scope.app;

import java.time.Instant;

/** Unix time in nanoseconds, the unit of report timestamps. */
final class WallClock {
    private WallClock() {
    }

    static long nanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
