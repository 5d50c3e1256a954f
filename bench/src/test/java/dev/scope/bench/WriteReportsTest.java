package dev.scope.bench;

import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteReportsTest {

    @Test
    void writesOneGzippedReportPerHostThatDecodesToTheSameReport(@TempDir Path dir) throws IOException {
        SyntheticCluster cluster = SyntheticCluster.of(new SyntheticCluster.Shape(3, 2, 2, 2, 1, 4), 9);
        long now = 1_795_417_704_000_000_000L;
        long bytes = WriteReports.write(cluster, dir, WireFormat.MSGPACK, now);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("host-000.msgpack.gz", "host-001.msgpack.gz", "host-002.msgpack.gz");
        }
        assertThat(bytes).isPositive();
        try (InputStream in = Files.newInputStream(dir.resolve("host-001.msgpack.gz"))) {
            Report decoded = ReportCodec.decode(in, WireFormat.MSGPACK, true, DecodeLimits.defaults());
            assertThat(decoded).isEqualTo(cluster.report(1, now));
        }
    }

    @Test
    void presetsAreFoundByNameAndUnknownNamesAreExplained() {
        assertThat(SyntheticCluster.Shape.named("target-100")).isEqualTo(SyntheticCluster.Shape.TARGET_100_HOSTS);
        assertThat(SyntheticCluster.Shape.named("docker-hosts-500").hosts()).isEqualTo(500);
        assertThatThrownBy(() -> SyntheticCluster.Shape.named("docker-hosts-0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target-100 or docker-hosts-N");
    }
}
