package dev.scope.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The app serves the ops endpoints: health and readiness to anyone, debugging only with the token. */
class OpsEndpointsTest {
    @Test
    void healthIsOpenDebuggingNeedsTheToken() {
        try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0).withToken("t0ken"))) {
            Http anonymous = new Http(app.port());
            assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/ready").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/debug/threads").statusCode()).isEqualTo(401);
            assertThat(anonymous.get("/metrics").statusCode()).isEqualTo(401);

            Http authorised = anonymous.withAuthorization("Bearer t0ken");
            var dump = authorised.get("/debug/threads");
            assertThat(dump.statusCode()).isEqualTo(200);
            assertThat(dump.body()).startsWith("Thread dump").contains("vert.x-eventloop");
            assertThat(authorised.get("/debug/jfr").body()).contains("\"running\":false");
        }
    }
}
