package dev.scope.service.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every component's /debug endpoints: closed without an ops token, and with one only for its bearer. */
class OpsRoutesDebugTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void withoutATokenDebugIsClosedButHealthAnswers() throws Exception {
        int port = serve(null);
        assertThat(get(port, "/debug/threads", null).statusCode()).isEqualTo(403);
        assertThat(get(port, "/debug/threads", "Bearer anything").statusCode()).isEqualTo(403);
        assertThat(get(port, "/debug/jfr", null).statusCode()).isEqualTo(403);
        assertThat(get(port, "/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withATokenOnlyItsBearerGetsThreadsAndRecordingStatus() throws Exception {
        int port = serve("s3cret-ops-token");
        assertThat(get(port, "/debug/threads", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/debug/threads", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> threads = get(port, "/debug/threads", "Bearer s3cret-ops-token");
        assertThat(threads.statusCode()).isEqualTo(200);
        assertThat(threads.body()).contains("\"main\"");
        HttpResponse<String> jfr = get(port, "/debug/jfr", "Bearer s3cret-ops-token");
        assertThat(jfr.statusCode()).isEqualTo(200);
        assertThat(jfr.body()).startsWith("{");
        HttpResponse<String> start = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/debug/jfr/start"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(401);
    }

    @Test
    void onTheExposedGatewayMetricsNeedTheTokenToo() throws Exception {
        int open = serve("s3cret-ops-token", false);
        assertThat(get(open, "/metrics", null).statusCode()).isEqualTo(200);
        int exposed = serve("s3cret-ops-token", true);
        assertThat(get(exposed, "/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get(exposed, "/metrics", "Bearer s3cret-ops-token").statusCode()).isEqualTo(200);
        assertThat(get(exposed, "/health", null).statusCode()).isEqualTo(200);
        assertThat(get(serve(null, true), "/metrics", null).statusCode()).isEqualTo(403);
    }

    private static int serve(String token) throws Exception {
        return serve(token, false);
    }

    private static int serve(String token, boolean exposed) throws Exception {
        Router router = Router.router(vertx);
        OpsRoutes.mount(vertx, router, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, token, exposed);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return server.actualPort();
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) b.header("Authorization", authorization);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
