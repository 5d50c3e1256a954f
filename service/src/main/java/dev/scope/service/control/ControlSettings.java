package dev.scope.service.control;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A control replica's settings.
 *
 * @param replica        where it listens and how its peers reach it; its TTL is how long the routes outlive it
 * @param controlTimeout how long a probe may take to answer a control before the caller gets 504
 */
public record ControlSettings(ReplicaSettings replica, Duration controlTimeout) {
    public ControlSettings {
        if (controlTimeout.isNegative() || controlTimeout.isZero()) throw new IllegalArgumentException("control timeout must be positive");
    }

    public static ControlSettings defaults() {
        return new ControlSettings(ReplicaSettings.defaults(4050), Duration.ofSeconds(10));
    }

    public ControlSettings withReplica(UnaryOperator<ReplicaSettings> change) {
        return new ControlSettings(change.apply(replica), controlTimeout);
    }

    /** Shorthand for tests, which mostly want a free port and a short TTL. */
    public ControlSettings withPort(int p) {
        return withReplica(r -> r.withPort(p));
    }

    public ControlSettings withReplicaTtl(Duration d) {
        return withReplica(r -> r.withTtl(d));
    }

    public ControlSettings withControlTimeout(Duration d) {
        return new ControlSettings(replica, d);
    }
}
