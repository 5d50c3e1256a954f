package dev.scope.probe.publish;

import io.vertx.core.MultiMap;

/** Who this probe is, sent on every request to an app exactly as Weave Scope's probe sends it. */
public record ProbeIdentity(String probeId, String version, String token) {

    public void addHeaders(MultiMap headers) {
        headers.set("X-Scope-Probe-ID", probeId);
        headers.set("X-Scope-Probe-Version", version);
        headers.set("User-Agent", "Scope_Probe/" + version);
        if (token != null && !token.isEmpty()) headers.set("Authorization", "Scope-Probe token=" + token);
    }

    @Override
    public String toString() {
        return "ProbeIdentity[probeId=" + probeId + ", version=" + version + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
