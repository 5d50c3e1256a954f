package dev.scope.probe.docker;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something the engine does asynchronously; generous limits, since this is not a speed test. */
final class Eventually {
    private Eventually() {
    }

    static <T> T get(Supplier<T> attempt) {
        return get(Duration.ofSeconds(30), attempt);
    }

    /** Retries until {@code attempt} returns non-null without throwing an AssertionError. */
    static <T> T get(Duration limit, Supplier<T> attempt) {
        long deadline = System.nanoTime() + limit.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = attempt.get();
                if (value != null) return value;
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw last != null ? last : new AssertionError("nothing within " + limit);
    }

    static void assertThat(Runnable assertion) {
        get(() -> {
            assertion.run();
            return Boolean.TRUE;
        });
    }
}
