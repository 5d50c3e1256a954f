package dev.scope.probe;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Control handlers by control id ({@code host_exec}, {@code docker_pause_container}...). The control connection
 * dispatches every request here. In read-only mode every control answers an error. Every control is logged with
 * the app that asked and the outcome (never its arguments: they may hold secrets).
 */
public final class ControlRegistry {
    private static final Logger log = LoggerFactory.getLogger(ControlRegistry.class);

    private final Map<String, ControlHandler> handlers = new ConcurrentHashMap<>();
    private final boolean readOnly;
    private volatile ShortcutSink shortcuts = report -> { };

    public ControlRegistry(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Registers a handler; a second one for the same id replaces the first. */
    public void register(String controlId, ControlHandler handler) {
        handlers.put(controlId, handler);
    }

    public void unregister(String controlId) {
        handlers.remove(controlId);
    }

    public Set<String> controlIds() {
        return Set.copyOf(handlers.keySet());
    }

    /** Where shortcut reports attached to answers go (published at once). */
    public void shortcutsTo(ShortcutSink sink) {
        shortcuts = sink;
    }

    /** Runs one control and never throws: failures become error answers. */
    public ControlResponse handle(ControlRequest request) {
        ControlResponse response = dispatch(request);
        if (response.shortcut() != null) {
            shortcuts.publish(response.shortcut());
            response = response.withShortcut(null);
        }
        if (response.error() != null) {
            log.warn("control {} on node {} from app {} failed: {}", request.control(), request.nodeId(), request.appId(), response.error());
        } else {
            log.info("control {} on node {} from app {} done{}", request.control(), request.nodeId(), request.appId(),
                    response.pipe() != null ? " (pipe " + response.pipe() + ")" : "");
        }
        return response;
    }

    private ControlResponse dispatch(ControlRequest request) {
        if (readOnly) return ControlResponse.error("controls are disabled on this probe (read-only)");
        ControlHandler handler = handlers.get(request.control());
        if (handler == null) return ControlResponse.error("Control \"" + request.control() + "\" not recognised");
        try {
            ControlResponse response = handler.handle(request);
            return response == null ? ControlResponse.ok() : response;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ControlResponse.error(message);
        }
    }
}
