package dev.scope.probe;

import dev.scope.report.Report;

/**
 * The answer to a control, as Weave Scope's {@code xfer.Response}: a value or an error, or the id
 * of a pipe that was opened (with {@code rawTty} and the control that resizes it), or the id of a
 * node the control removed. {@code shortcut} is a report to publish at once, or null.
 */
public record ControlResponse(String value, String error, String pipe, boolean rawTty, String resizeTtyControl,
                              String removedNode, Report shortcut) {

    public static ControlResponse ok() {
        return new ControlResponse(null, null, null, false, null, null, null);
    }

    public static ControlResponse error(String message) {
        return new ControlResponse(null, message, null, false, null, null, null);
    }

    public static ControlResponse pipe(String pipeId, boolean rawTty, String resizeTtyControl) {
        return new ControlResponse(null, null, pipeId, rawTty, resizeTtyControl, null, null);
    }

    public ControlResponse withShortcut(Report report) {
        return new ControlResponse(value, error, pipe, rawTty, resizeTtyControl, removedNode, report);
    }

    public ControlResponse withRemovedNode(String nodeId) {
        return new ControlResponse(value, error, pipe, rawTty, resizeTtyControl, nodeId, shortcut);
    }
}
