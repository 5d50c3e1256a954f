package dev.scope.probe.publish;

import java.time.Duration;

/** Retry delays as Weave Scope's app client: 1 s, doubling up to 60 s, back to 1 s after a success. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The delay to wait now; the one after is twice as long, capped. */
    public synchronized Duration failed() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    public synchronized void succeeded() {
        next = initial;
    }
}
