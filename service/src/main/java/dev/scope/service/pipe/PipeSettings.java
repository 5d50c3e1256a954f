package dev.scope.service.pipe;

import dev.scope.service.control.ReplicaSettings;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A pipe replica's settings.
 *
 * @param replica     where it listens and how its peers reach it; its TTL is how long the pipe ends outlive it
 * @param idleTimeout a pipe whose end stays unconnected this long is closed (Weave Scope: 1 minute)
 */
public record PipeSettings(ReplicaSettings replica, Duration idleTimeout) {
    public PipeSettings {
        if (idleTimeout.toMillis() < 10) throw new IllegalArgumentException("idle timeout must be at least 10 ms");
    }

    public static PipeSettings defaults() {
        return new PipeSettings(ReplicaSettings.defaults(4051), Duration.ofMinutes(1));
    }

    public PipeSettings withReplica(UnaryOperator<ReplicaSettings> change) {
        return new PipeSettings(change.apply(replica), idleTimeout);
    }

    /** Shorthand for tests, which mostly want a free port and a short TTL. */
    public PipeSettings withPort(int p) {
        return withReplica(r -> r.withPort(p));
    }

    public PipeSettings withReplicaTtl(Duration d) {
        return withReplica(r -> r.withTtl(d));
    }

    public PipeSettings withIdleTimeout(Duration d) {
        return new PipeSettings(replica, d);
    }
}
