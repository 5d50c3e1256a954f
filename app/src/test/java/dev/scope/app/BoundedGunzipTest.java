package dev.scope.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limit holds for the whole-array and the streaming form alike, and a body at the limit passes. */
class BoundedGunzipTest {
    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void gunzipsUpToTheLimitAndRefusesOneByteMore() throws Exception {
        byte[] zeros = new byte[100_000];
        assertThat(BoundedGunzip.gunzip(gzip(zeros), 100_000)).isEqualTo(zeros);
        assertThatThrownBy(() -> BoundedGunzip.gunzip(gzip(zeros), 99_999)).isInstanceOf(BoundedGunzip.TooLarge.class)
                .hasMessageContaining("99999");
    }

    @Test
    void theStreamCountsWhatItReadsAndFailsPastTheLimit() throws Exception {
        byte[] zeros = new byte[50_000];
        try (BoundedGunzip.Stream s = BoundedGunzip.stream(gzip(zeros), 50_000)) {
            assertThat(s.read()).isZero();
            assertThat(s.drainAndCount()).isEqualTo(50_000);
        }
        try (BoundedGunzip.Stream s = BoundedGunzip.stream(gzip(zeros), 1_000)) {
            assertThatThrownBy(s::readAllBytes).isInstanceOf(BoundedGunzip.TooLargeWhileReading.class)
                    .satisfies(e -> assertThat(BoundedGunzip.tooLarge(new RuntimeException(e))).isSameAs(e));
        }
    }
}
