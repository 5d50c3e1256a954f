package dev.scope.probe.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Go's net/rpc over a websocket as Weave Scope frames it ({@code xfer.JSONWebsocketCodec}): every call is two
 * text messages, a header {@code {"Request":{"Seq":n,"ServiceMethod":"control.Handle"},"Response":null,"Value":null}}
 * then a body {@code {"Request":null,"Response":null,"Value":{...}}}; answers the same with {@code Response}.
 */
public final class RpcFrames {
    public static final String CONTROL_METHOD = "control.Handle";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RpcFrames() {
    }

    /** A request header: the call's sequence number and method. */
    public record Header(long seq, String serviceMethod) {
    }

    /** Parses a header frame; throws when the frame is not one. */
    public static Header parseRequestHeader(String frame) throws IOException {
        JsonNode root = JSON.readTree(frame);
        JsonNode req = root == null ? null : root.get("Request");
        if (req == null || !req.isObject()) throw new IOException("expected an rpc request header, got: " + abbreviate(frame));
        JsonNode seq = req.get("Seq");
        JsonNode method = req.get("ServiceMethod");
        if (seq == null || !seq.canConvertToLong() || method == null || !method.isTextual()) {
            throw new IOException("rpc request header without Seq or ServiceMethod: " + abbreviate(frame));
        }
        return new Header(seq.asLong(), method.asText());
    }

    /** Parses a body frame holding an {@code xfer.Request}. */
    public static ControlRequest parseControlRequest(String frame) throws IOException {
        JsonNode root = JSON.readTree(frame);
        JsonNode v = root == null ? null : root.get("Value");
        if (v == null || !v.isObject()) throw new IOException("expected an rpc body with a Value, got: " + abbreviate(frame));
        Map<String, String> args = new LinkedHashMap<>();
        JsonNode a = v.get("ControlArgs");
        if (a != null && a.isObject()) a.properties().forEach(e -> args.put(e.getKey(), e.getValue().asText()));
        return new ControlRequest(text(v, "AppID"), text(v, "NodeID"), text(v, "Control"), args);
    }

    public static String responseHeader(long seq, String serviceMethod, String error) {
        ObjectNode root = JSON.createObjectNode();
        root.putNull("Request");
        ObjectNode resp = root.putObject("Response");
        resp.put("Error", error == null ? "" : error);
        resp.put("Seq", seq);
        resp.put("ServiceMethod", serviceMethod);
        root.putNull("Value");
        return root.toString();
    }

    /** The body frame of an answer: {@code xfer.Response} with empty fields left out, as Go's omitempty. */
    public static String responseBody(ControlResponse r) {
        ObjectNode root = JSON.createObjectNode();
        root.putNull("Request");
        root.putNull("Response");
        ObjectNode v = root.putObject("Value");
        if (r != null) {
            if (r.value() != null) v.put("value", r.value());
            if (r.error() != null && !r.error().isEmpty()) v.put("error", r.error());
            if (r.pipe() != null && !r.pipe().isEmpty()) v.put("pipe", r.pipe());
            if (r.rawTty()) v.put("raw_tty", true);
            if (r.resizeTtyControl() != null && !r.resizeTtyControl().isEmpty()) v.put("resize_tty_control", r.resizeTtyControl());
            if (r.removedNode() != null && !r.removedNode().isEmpty()) v.put("removedNode", r.removedNode());
        }
        return root.toString();
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
