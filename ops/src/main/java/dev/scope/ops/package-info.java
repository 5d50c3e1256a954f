/**
 * What every Scope process serves its operators, whatever else it does: {@code /health} and {@code /ready}
 * ({@link dev.scope.ops.OpsRoutes#mountHealth}, before authentication), and behind the process's authentication a
 * thread dump and on-demand Java Flight Recordings ({@link dev.scope.ops.OpsRoutes#mountDebug}). Processes without an
 * HTTP server of their own (the probe) use {@link dev.scope.ops.OpsServer}: loopback only, {@code /metrics} too.
 * Nothing here calls out: there is no version check or telemetry.
 */
package dev.scope.ops;
