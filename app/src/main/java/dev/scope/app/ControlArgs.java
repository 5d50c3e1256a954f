package dev.scope.app;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** A control request's body as Weave Scope accepts it: a JSON object of string arguments, or nothing. */
public final class ControlArgs {
    private ControlArgs() {
    }

    /**
     * The arguments, or null when there are none (Go sends null then).
     *
     * @throws IllegalArgumentException with a message fit for a 400 answer
     */
    public static JsonObject parse(String body) {
        if (body == null || body.isBlank()) return null;
        Object parsed;
        try {
            parsed = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("control arguments are not JSON: " + e.getMessage());
        }
        if (parsed == null) return null;
        if (!(parsed instanceof JsonObject obj)) {
            throw new IllegalArgumentException("control arguments must be a JSON object of strings");
        }
        for (Map.Entry<String, Object> e : obj) {
            if (!(e.getValue() instanceof String)) {
                throw new IllegalArgumentException("control argument " + Responses.printable(e.getKey()) + " must be a string");
            }
        }
        return obj;
    }
}
