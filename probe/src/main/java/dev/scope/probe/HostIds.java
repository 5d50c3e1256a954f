package dev.scope.probe;

/** Node ids as Weave Scope 1.13 builds them. */
public final class HostIds {
    private HostIds() {
    }

    /** {@code vm;<host>} */
    public static String hostNodeId(String hostId) {
        return hostId + ";<host>";
    }

    /** {@code vm;1234} */
    public static String processNodeId(String hostId, int pid) {
        return hostId + ";" + pid;
    }
}
