package dev.scope.app;

import io.vertx.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path a Weave Scope 1.13 probe's report takes through our app (POST, decode, collect,
 * merge, render, JSON over HTTP) answers what Weave Scope 1.13's own app answered for it.
 */
class WeaveCompatibilityTest {
    private static final String ALL = "system=all&stopped=both&pseudo=show&unconnected=show";
    private static ScopeApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        // A long window: the captured report must not expire while the comparisons run.
        app = ScopeApp.start(AppConfig.defaults().withPort(0).withWindow(java.time.Duration.ofMinutes(10)));
        http = new Http(app.port());
        assertThat(http.post("/api/report", "application/msgpack", "gzip", Http.resource("probe-report-msgpack.gz")).statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String id(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/topology, topology-list.json",
            "/api/topology/hosts, topology-hosts.json",
            "/api/topology/containers, topology-containers.json",
            "/api/topology/containers?" + ALL + ", topology-containers-all.json",
            "/api/topology/processes-by-name, topology-processes-by-name.json",
    })
    void answersTopologiesLikeWeaveScope(String path, String fixture) {
        var response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.decodeValue(response.body())).isEqualTo(Json.decodeValue(new String(Http.resource("app-answers/" + fixture))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "hosts|vm;<host>|node-hosts.json",
            "containers|6e646b6929aaf21c240318feec78fa46c3dedcec06eb0f90498475d3d15b9c2d;<container>|node-containers.json",
            "processes|vm;16427|node-processes.json",
    })
    void answersNodeDetailsLikeWeaveScope(String topology, String nodeId, String fixture) {
        var response = http.get("/api/topology/" + topology + "/" + id(nodeId));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.decodeValue(response.body())).isEqualTo(Json.decodeValue(new String(Http.resource("app-answers/" + fixture))));
    }
}
