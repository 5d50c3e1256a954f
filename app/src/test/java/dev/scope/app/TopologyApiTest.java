package dev.scope.app;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered views over HTTP and websocket, with Weave Scope 1.13's report loaded. */
class TopologyApiTest {
    private ScopeApp app;
    private Http http;

    @BeforeEach
    void start() {
        app = ScopeApp.start(AppConfig.defaults().withPort(0));
        http = new Http(app.port());
        assertThat(http.post("/api/report", "application/msgpack", "gzip", Http.resource("probe-report-msgpack.gz")).statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void listsTopologies() {
        var r = http.get("/api/topology");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray list = new JsonArray(r.body());
        assertThat(list.stream().map(o -> ((JsonObject) o).getString("url"))).contains("/api/topology/containers");
    }

    @Test
    void rendersATopology() {
        var r = http.get("/api/topology/hosts");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonObject("nodes").fieldNames()).containsExactly("vm;<host>");
    }

    @Test
    void answers404ForAnUnknownTopology() {
        var r = http.get("/api/topology/nonsense");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("nonsense");
    }

    @Test
    void answersNodeDetailsAddressedByTheRawEscapedPath() {
        var r = http.get("/api/topology/hosts/" + URLEncoder.encode("vm;<host>", StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonObject("node").getString("id")).isEqualTo("vm;<host>");
    }

    @Test
    void findsNodesWhoseIdsHoldSlashesEscapedEitherWay() {
        var escaped = http.get("/api/topology/processes-by-name/%2Fusr%2Fbin%2Fcontainerd-shim-runc-v2");
        var slashWord = http.get("/api/topology/containers-by-image/local%3CSLASH%3Ebusybox%3B%3Ccontainer_image%3E");

        assertThat(escaped.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(escaped.body()).getJsonObject("node").getString("id")).isEqualTo("/usr/bin/containerd-shim-runc-v2");
        assertThat(slashWord.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(slashWord.body()).getJsonObject("node").getString("id")).isEqualTo("local/busybox;<container_image>");
    }

    @Test
    void answers404ForAnUnknownNode() {
        assertThat(http.get("/api/topology/hosts/no%2Fsuch%2Fnode").statusCode()).isEqualTo(404);
    }

    @Test
    void streamsDiffsOverAWebsocketResetFirstThenEmptyOnes() throws Exception {
        try (Ws ws = Ws.connect(app.port(), "/api/topology/hosts/ws?t=100ms")) {
            JsonObject first = new JsonObject(ws.nextText());
            JsonObject second = new JsonObject(ws.nextText());

            assertThat(first.getBoolean("reset")).isTrue();
            assertThat(first.getJsonArray("add")).hasSize(1);
            assertThat(second.fieldNames()).containsExactlyInAnyOrder("add", "update", "remove");
            assertThat(second.getValue("add")).isNull();
        }
    }

    @Test
    void sendsADiffAtOnceWhenAShortcutReportArrives() throws Exception {
        try (Ws ws = Ws.connect(app.port(), "/api/topology/hosts/ws?t=60s")) {
            assertThat(new JsonObject(ws.nextText()).getBoolean("reset")).isTrue();
            Report shortcut = Report.builder().shortcut(true)
                    .node(TopologyId.HOST, Node.builder("other;<host>", "host").latest("host_name", "other", 1).build()).build();

            http.post("/api/report", "application/json", null, ReportCodec.encode(shortcut, WireFormat.JSON, false));

            // Long before the 60 s tick:
            JsonObject diff = new JsonObject(ws.nextText());
            assertThat(diff.getJsonArray("add").getJsonObject(0).getString("id")).isEqualTo("other;<host>");
        }
    }

    @Test
    void rejectsABadWebsocketInterval() {
        assertThat(http.get("/api/topology/hosts/ws?t=soon").statusCode()).isEqualTo(400);
    }

    @Test
    void saysTheUiIsNotBuiltWhenItIsAbsent() {
        var r = http.get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("not built");
    }
}
