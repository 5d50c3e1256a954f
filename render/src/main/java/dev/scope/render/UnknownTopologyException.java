package dev.scope.render;

/** The URL names a topology Weave Scope 1.13 does not have (the app answers 404). */
public class UnknownTopologyException extends Exception {
    private final String topologyUrlId;

    public UnknownTopologyException(String topologyUrlId) {
        super("unknown topology: " + topologyUrlId);
        this.topologyUrlId = topologyUrlId;
    }

    public String topologyUrlId() {
        return topologyUrlId;
    }
}
