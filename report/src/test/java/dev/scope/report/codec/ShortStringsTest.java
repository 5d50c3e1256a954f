package dev.scope.report.codec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The table shared by every decode always answers the String of exactly the bytes asked, whoever races it. */
class ShortStringsTest {
    @Test
    void repeatsShareOneStringAndCollisionsOnlyMiss() {
        ShortStrings table = new ShortStrings();
        byte[] a = "docker_container_id".getBytes(StandardCharsets.UTF_8);
        String first = table.get(a.clone(), a.length);
        assertThat(table.get(a.clone(), a.length)).isEqualTo("docker_container_id").isSameAs(first);
        for (int i = 0; i < 100_000; i++) { // far more strings than slots: evictions everywhere
            byte[] b = ("k" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(table.get(b, b.length)).isEqualTo("k" + i);
        }
        byte[] utf8 = "grüße-ü".getBytes(StandardCharsets.UTF_8);
        assertThat(table.get(utf8, utf8.length)).isEqualTo("grüße-ü");
        // a prefix of a cached string's bytes is a different string
        assertThat(table.get(a, 6)).isEqualTo("docker");
    }

    @Test
    void threadsRacingOnTheSameSlotsNeverSeeAnotherString() throws Exception {
        ShortStrings table = new ShortStrings();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                wrong.add(pool.submit(() -> {
                    int bad = 0;
                    for (int i = 0; i < 200_000; i++) {
                        String s = "v" + ((i * 7 + seed) % 50_000);
                        byte[] b = s.getBytes(StandardCharsets.UTF_8);
                        if (!table.get(b, b.length).equals(s)) bad++;
                    }
                    return bad;
                }));
            }
            for (Future<Integer> f : wrong) assertThat(f.get()).isZero();
        }
    }
}
