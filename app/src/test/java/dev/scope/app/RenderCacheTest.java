package dev.scope.app;

import dev.scope.report.Report;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderCacheTest {
    private final RenderCache cache = new RenderCache(2);
    private final Report one = Report.builder().id("1").build();
    private final Report two = Report.builder().id("2").build();

    @Test
    void computesOncePerReportAndKey() {
        AtomicInteger renders = new AtomicInteger();

        cache.get("hosts", one, renders::incrementAndGet);
        cache.get("hosts", one, renders::incrementAndGet);
        cache.get("hosts", two, renders::incrementAndGet);
        cache.get("containers", two, renders::incrementAndGet);

        assertThat(renders).hasValue(3);
    }

    @Test
    void concurrentMissesShareOneComputation() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Future<Integer> first = pool.submit(() -> cache.get("hosts", one, () -> {
                started.countDown();
                await(release);
                return renders.incrementAndGet();
            }));
            started.await();
            Future<Integer> second = pool.submit(() -> cache.get("hosts", one, renders::incrementAndGet));
            Thread.sleep(100);
            release.countDown();

            assertThat(first.get()).isEqualTo(1);
            assertThat(second.get()).isEqualTo(1);
            assertThat(renders).hasValue(1);
        }
    }

    @Test
    void doesNotCacheFailures() {
        assertThatThrownBy(() -> cache.get("nope", one, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat((Integer) cache.get("nope", one, () -> 7)).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
