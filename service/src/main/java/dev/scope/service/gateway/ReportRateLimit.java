package dev.scope.service.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per organisation for {@code POST /api/report}: a steady rate plus a burst, so one organisation's
 * runaway probes cannot starve the others. Per gateway replica (each replica lets through its share).
 */
final class ReportRateLimit {
    private static final class Bucket {
        double tokens;
        long updatedAt;
    }

    private final double perNano;
    private final int burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ReportRateLimit(double perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = nanoClock;
    }

    boolean tryAcquire(String orgId) {
        long now = clock.getAsLong();
        Bucket b = buckets.computeIfAbsent(orgId, k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.updatedAt = now;
            return fresh;
        });
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.updatedAt) * perNano);
            b.updatedAt = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }

    /** Forgets buckets that have refilled completely: they behave like new ones. */
    void forgetFull() {
        long now = clock.getAsLong();
        buckets.values().removeIf(b -> {
            synchronized (b) {
                return b.tokens + (now - b.updatedAt) * perNano >= burst;
            }
        });
    }
}
