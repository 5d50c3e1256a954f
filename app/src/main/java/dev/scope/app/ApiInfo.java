package dev.scope.app;

import dev.scope.report.Latest;
import dev.scope.report.Node;
import dev.scope.report.PluginSpec;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import dev.scope.report.codec.GoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The small JSON answers about the app itself: {@code /api} and {@code /api/probes}. */
final class ApiInfo {
    /** Go's zero time, which Weave Scope prints for a probe that never said its version. */
    private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private final String id;
    private final String version;
    private final String hostname;

    private final boolean history;

    ApiInfo(String id, String version, String hostname, boolean history) {
        this.history = history;
        this.id = id;
        this.version = version;
        this.hostname = hostname;
    }

    /** GET /api: keys in the order Weave Scope 1.13 writes them; no newVersion (we never phone home). */
    JsonObject details(Report merged) {
        JsonArray plugins = new JsonArray();
        merged.plugins().forEach((pluginId, spec) -> plugins.add(plugin(spec)));
        return new JsonObject()
                .put("capabilities", new JsonObject().put("historic_reports", history))
                .put("hostname", hostname)
                .put("id", id)
                .put("plugins", plugins)
                .put("version", version);
    }

    /** GET /api/probes: one entry per host node, as Weave Scope derives it. */
    static JsonArray probes(Report merged) {
        JsonArray out = new JsonArray();
        for (Node host : merged.topology(TopologyId.HOST).nodes()) {
            Latest version = host.latest().get("scope_version");
            out.add(new JsonObject()
                    .put("id", orEmpty(host.latestValue("control_probe_id")))
                    .put("hostname", orEmpty(host.latestValue("host_name")))
                    .put("version", version == null ? "" : version.value())
                    .put("lastSeen", version == null ? GO_ZERO_TIME : GoTime.formatRfc3339Nano(version.timestamp())));
        }
        return out;
    }

    private static JsonObject plugin(PluginSpec spec) {
        JsonObject o = new JsonObject().put("id", spec.id()).put("label", spec.label());
        if (!spec.description().isEmpty()) o.put("description", spec.description());
        o.put("interfaces", new JsonArray(spec.interfaces()));
        if (!spec.apiVersion().isEmpty()) o.put("api_version", spec.apiVersion());
        if (!spec.status().isEmpty()) o.put("status", spec.status());
        return o;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
