/**
 * The control component of Scope as a Service: probes' control websockets and the UI's control requests on any
 * replica.
 *
 * <ul>
 *   <li>{@link dev.scope.service.control.ReplicaDirectory}: each replica's row in {@code service_replicas}, renewed
 *       every third of its TTL; routes name a replica, so a killed replica's routes all lapse with its row.</li>
 *   <li>{@link dev.scope.service.control.LocalProbes}: the probes connected here (the app's
 *       {@code ControlConnection} speaks the protocol), each recorded in {@code control_routes}
 *       ({@code (org, probe) → replica, connection}); the newest connection wins.</li>
 *   <li>{@link dev.scope.service.control.ControlComponent}: {@code POST /api/control/{probe}/{node}/{control}} checks
 *       {@code X-Scope-Role} against {@code ControlPermissions}, looks the route up and calls the probe here or
 *       forwards to the owning replica's {@code POST /internal/control/call} ({@code ControlRelay}).</li>
 *   <li>{@link dev.scope.service.control.ControlReply}: answers as the app's (200 and the probe's answer: pipe,
 *       raw_tty, removedNode...; 400 and the probe's error as a JSON string), plus 403 (role), 502 (probe or its
 *       replica gone) and 504 (no answer within the control timeout). Nothing waits longer than the timeout plus
 *       five seconds.</li>
 * </ul>
 * The replicas trust the gateway's internal headers and each other: see {@link dev.scope.service.control.BackendExposure}.
 */
package dev.scope.service.control;
