package dev.scope.probe;

/**
 * An optional part of the probe (Docker, Kubernetes, ...). {@link ScopeProbe} calls {@link #install} once at
 * start with everything the part may need; the part adds its reporters, taggers and controls there.
 * List implementations in {@code META-INF/services/dev.scope.probe.ProbeModule} to have them found.
 */
public interface ProbeModule extends AutoCloseable {
    String name();

    void install(ProbeContext context) throws Exception;

    /** Stops whatever {@link #install} started. */
    @Override
    default void close() {
    }
}
