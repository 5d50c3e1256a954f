package dev.scope.app;

/** Headers Weave Scope probes send with every request. */
final class ProbeHeaders {
    static final String PROBE_ID = "X-Scope-Probe-ID";

    private ProbeHeaders() {
    }
}
