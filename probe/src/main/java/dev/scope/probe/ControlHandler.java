package dev.scope.probe;

/** Runs one control. Implementations must not block the caller's event loop thread for long. */
@FunctionalInterface
public interface ControlHandler {
    ControlResponse handle(ControlRequest request) throws Exception;
}
