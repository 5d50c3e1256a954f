package dev.scope.probe;

import java.util.Map;

/** A control the app asks this probe to run on one node, e.g. {@code docker_pause_container}. */
public record ControlRequest(String appId, String nodeId, String control, Map<String, String> args) {
    public ControlRequest {
        args = args == null ? Map.of() : Map.copyOf(args);
    }
}
