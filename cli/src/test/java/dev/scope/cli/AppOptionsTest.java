package dev.scope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scope.app.AppConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The app's flags become the AppConfig they name. */
class AppOptionsTest {
    private static AppConfig parse(String... args) {
        AppOptions options = new AppOptions();
        new CommandLine(options).parseArgs(args);
        return options.toConfig();
    }

    @Test
    void historyIsOffUnlessADirectoryIsGiven() {
        assertThat(parse().historyDir()).isNull();
    }

    @Test
    void historyFlagsSetDirectoryRetentionAndDiskBound() {
        AppConfig config = parse("--history-dir", "/var/lib/scope/history", "--history-retention", "6",
                "--history-max-mb", "200");
        assertThat(config.historyDir()).isEqualTo(Path.of("/var/lib/scope/history"));
        assertThat(config.historyRetention()).isEqualTo(Duration.ofHours(6));
        assertThat(config.historyMaxBytes()).isEqualTo(200L << 20);
    }

    @Test
    void historyBoundsMustBePositive() {
        assertThatThrownBy(() -> parse("--history-dir", "/tmp/h", "--history-max-mb", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--history-max-mb");
    }
}
