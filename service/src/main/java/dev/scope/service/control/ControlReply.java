package dev.scope.service.control;

import dev.scope.app.ControlConnection;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The HTTP answer to a control call, made where the probe's connection is and relayed unchanged by the replica that
 * took the request: 200 and the probe's answer as the app gives it (pipe ids, raw_tty, removedNode...), 400 and the
 * probe's error as a JSON string (as the app does), 502 when the probe is not connected or went away, 504 when it
 * did not answer in time.
 */
record ControlReply(int status, String jsonBody) {

    static ControlReply ofAnswer(JsonObject answer) {
        String error = answer.getValue("error") instanceof String s ? s : "";
        if (!error.isEmpty()) return error(400, error);
        JsonObject copy = answer.copy();
        copy.remove("shortcutReport"); // the probe publishes it itself; the UI never needs it
        return new ControlReply(200, copy.encode());
    }

    static ControlReply ofFailure(Throwable failure) {
        if (failure instanceof ControlConnection.ProbeGone gone) return error(gone.timedOut() ? 504 : 502, gone.getMessage());
        return error(502, "control failed: " + failure.getMessage());
    }

    static ControlReply error(int status, String message) {
        return new ControlReply(status, Json.encode(message));
    }
}
