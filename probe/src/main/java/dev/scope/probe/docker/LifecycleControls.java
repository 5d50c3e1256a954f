package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.*;

import com.github.dockerjava.api.DockerClient;
import dev.scope.probe.ControlHandler;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Start, stop, restart, pause, unpause and remove, each a {@link ControlHandler} on the node id
 * {@code <container-id>;<container>}. The engine's events then update the map at once (shortcut reports).
 */
final class LifecycleControls {
    /** Seconds a container gets to stop before it is killed, as in Weave Scope. */
    static final int STOP_TIMEOUT_SECONDS = 10;

    private LifecycleControls() {
    }

    static Map<String, ControlHandler> of(DockerClient client) {
        return Map.of(
                START, on(id -> client.startContainerCmd(id).exec()),
                STOP, on(id -> client.stopContainerCmd(id).withTimeout(STOP_TIMEOUT_SECONDS).exec()),
                RESTART, on(id -> client.restartContainerCmd(id).withTimeout(STOP_TIMEOUT_SECONDS).exec()),
                PAUSE, on(id -> client.pauseContainerCmd(id).exec()),
                UNPAUSE, on(id -> client.unpauseContainerCmd(id).exec()),
                REMOVE, request -> {
                    String id = containerIdOf(request.nodeId());
                    if (id == null) return invalid(request);
                    try {
                        client.removeContainerCmd(id).exec();
                    } catch (RuntimeException e) {
                        return ControlResponse.error(engineMessage(e));
                    }
                    return ControlResponse.ok().withRemovedNode(request.nodeId());
                });
    }

    private static ControlHandler on(Consumer<String> action) {
        return request -> {
            String id = containerIdOf(request.nodeId());
            if (id == null) return invalid(request);
            try {
                action.accept(id);
                return ControlResponse.ok();
            } catch (RuntimeException e) {
                return ControlResponse.error(engineMessage(e));
            }
        };
    }

    static ControlResponse invalid(ControlRequest request) {
        return ControlResponse.error("Invalid ID: " + request.nodeId());
    }

    /** The engine's own message ({"message":"..."}) rather than docker-java's "Status 409: {...}" wrapper. */
    static String engineMessage(RuntimeException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int at = m.indexOf("\"message\":\"");
        if (at < 0) return m.strip();
        int start = at + "\"message\":\"".length();
        int end = m.indexOf('"', start);
        return end < 0 ? m.substring(start) : m.substring(start, end);
    }
}
