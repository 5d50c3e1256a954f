package dev.scope.probe;

/** The version this probe reports ({@code host_scope_version}, {@code X-Scope-Probe-Version}, User-Agent). */
public final class ProbeVersion {
    private ProbeVersion() {
    }

    public static String get() {
        String v = ProbeVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
