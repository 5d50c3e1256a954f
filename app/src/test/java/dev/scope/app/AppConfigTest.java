package dev.scope.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each wither changes only its own components, and the result is checked like any new config. */
class AppConfigTest {
    @Test
    void withersChangeOnlyWhatTheyName() {
        AppConfig base = AppConfig.defaults();
        AppConfig changed = base.withPort(9).withLimits(2, 3, 4, 5).withHistory(Path.of("/h"), Duration.ofHours(1), 6);
        assertThat(changed).isEqualTo(new AppConfig(base.host(), 9, base.token(), base.allowUnauthenticated(), base.readOnly(),
                null, null, base.window(), 2, 3, 4, 5, base.controlTimeout(), base.pipeIdleTimeout(),
                base.minWebsocketInterval(), base.version(), base.hostname(), Path.of("/h"), Duration.ofHours(1), 6));
        assertThat(base.withToken("s").withHost("0.0.0.0").withReadOnly(true).withAllowUnauthenticated(true))
                .extracting(AppConfig::token, AppConfig::host, AppConfig::readOnly, AppConfig::allowUnauthenticated, AppConfig::port)
                .containsExactly("s", "0.0.0.0", true, true, AppConfig.DEFAULT_PORT);
    }

    @Test
    void aWitheredConfigIsValidatedToo() {
        assertThat(AppConfig.defaults().withToken(" ").token()).isNull();
        assertThatThrownBy(() -> AppConfig.defaults().withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppConfig.defaults().withTls(Path.of("c.pem"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppConfig.defaults().withWindow(null)).isInstanceOf(NullPointerException.class);
    }
}
