package dev.scope.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pipes between two real websocket clients: the browser's end and the probe's end. */
class PipeBridgingTest {
    private ScopeApp app;
    private Http http;

    @BeforeEach
    void start() {
        app = ScopeApp.start(AppConfig.defaults().withPort(0).withPipeIdleTimeout(Duration.ofMillis(600)));
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void carriesBytesBothWaysInOrder() throws Exception {
        try (Ws ui = Ws.connect(app.port(), "/api/pipe/pipe-1"); Ws probe = Ws.connect(app.port(), "/api/pipe/pipe-1/probe")) {
            for (int i = 0; i < 200; i++) probe.sendBinary(("out" + i).getBytes());
            ui.sendText("ls -l\n");
            ui.sendBinary(new byte[]{0, 1, 2, (byte) 255});

            for (int i = 0; i < 200; i++) assertThat(Ws.utf8(ui.nextBinary())).isEqualTo("out" + i);
            assertThat(Ws.utf8(probe.nextBinary())).isEqualTo("ls -l\n");
            assertThat(probe.nextBinary()).containsExactly(0, 1, 2, 255);
        }
    }

    @Test
    void holdsWhatOneEndSendsUntilTheOtherConnects() throws Exception {
        try (Ws probe = Ws.connect(app.port(), "/api/pipe/early/probe")) {
            probe.sendBinary("$ ".getBytes());
            try (Ws ui = Ws.connect(app.port(), "/api/pipe/early")) {
                assertThat(Ws.utf8(ui.nextBinary())).isEqualTo("$ ");
            }
        }
    }

    @Test
    void closesTheOtherEndWhenOneGoes() {
        Ws ui = Ws.connect(app.port(), "/api/pipe/p2");
        Ws probe = Ws.connect(app.port(), "/api/pipe/p2/probe");
        ui.close();

        assertThat(probe.isClosedWithin(5)).isTrue();
        assertThat(http.get("/api/pipe/p2/check").statusCode()).isEqualTo(404);
    }

    @Test
    void checkAnswers204UntilDeletedThen404() {
        assertThat(http.get("/api/pipe/fresh/check").statusCode()).isEqualTo(204);
        try (Ws ui = Ws.connect(app.port(), "/api/pipe/fresh")) {
            assertThat(http.get("/api/pipe/fresh/check").statusCode()).isEqualTo(204);
            assertThat(http.send(http.request("/api/pipe/fresh").DELETE().build()).statusCode()).isEqualTo(200);
            assertThat(ui.isClosedWithin(5)).isTrue();
        }
        assertThat(http.get("/api/pipe/fresh/check").statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> Ws.connect(app.port(), "/api/pipe/fresh/probe")).isInstanceOf(CompletionException.class);
    }

    @Test
    void closesAPipeWhoseOtherEndNeverComes() {
        try (Ws ui = Ws.connect(app.port(), "/api/pipe/lonely")) {
            assertThat(ui.isClosedWithin(5)).isTrue();
        }
        assertThat(http.get("/api/pipe/lonely/check").statusCode()).isEqualTo(404);
    }

    @Test
    void deleteOfAnUnknownPipeIsHarmless() {
        assertThat(http.send(http.request("/api/pipe/none").method("DELETE", HttpRequest.BodyPublishers.noBody()).build()).statusCode())
                .isEqualTo(200);
    }
}
