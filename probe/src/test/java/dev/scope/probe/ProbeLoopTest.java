package dev.scope.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProbeLoopTest {
    private static final Report SHORTCUT = Report.builder()
            .node(TopologyId.HOST, Node.builder("testhost;<host>", "host").build()).build();

    private static ProbeConfig config(Duration spy, Duration publish) {
        return ProbeConfig.defaults(List.of()).withIntervals(spy, publish).withPluginsRoot(null).withModules(List.of(), false);
    }

    @Test
    void shortcutsAfterCloseAreDroppedQuietly() {
        List<Report> published = new CopyOnWriteArrayList<>();
        ProbeLoop loop = new ProbeLoop(config(Duration.ofHours(1), Duration.ofHours(1)), new ReporterRegistry(), () -> { },
                published::add);
        loop.start();
        loop.close();

        assertThatCode(() -> loop.publish(SHORTCUT)).doesNotThrowAnyException();
        assertThatCode(loop::publishFullNow).doesNotThrowAnyException();
        assertThat(published).isEmpty();
    }

    @Test
    void closingDuringASpyCycleStopsItWithoutErrors() throws Exception {
        CountDownLatch spying = new CountDownLatch(1);
        ReporterRegistry registry = new ReporterRegistry();
        registry.add(new Reporter() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Report report() throws Exception {
                spying.countDown();
                Thread.sleep(Duration.ofMinutes(10)); // until close() interrupts the cycle
                return Report.empty();
            }
        });
        ProbeLoop loop = new ProbeLoop(config(Duration.ofMillis(50), Duration.ofHours(1)), registry, () -> { }, r -> true);
        loop.start();
        assertThat(spying.await(30, TimeUnit.SECONDS)).isTrue();

        // shortcuts keep arriving from other threads (Docker events) while the probe closes
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread events = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 10_000; i++) loop.publish(SHORTCUT);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        loop.close();
        events.join(Duration.ofSeconds(30));
        assertThat(failure.get()).isNull();
        assertThatCode(() -> loop.publish(SHORTCUT)).doesNotThrowAnyException();
    }

    @Test
    void publishFullNowDoesNotWaitForThePublishTick() {
        List<Report> published = new CopyOnWriteArrayList<>();
        ReporterRegistry registry = new ReporterRegistry();
        registry.add(new Reporter() {
            @Override
            public String name() {
                return "host";
            }

            @Override
            public Report report() {
                return SHORTCUT;
            }
        });
        // a publish interval of an hour: only publishFullNow can send anything during this test
        ProbeLoop loop = new ProbeLoop(config(Duration.ofHours(1), Duration.ofHours(1)), registry, () -> { },
                published::add);
        try {
            loop.start();
            loop.publishFullNow();
            await().atMost(Duration.ofSeconds(30)).until(() -> !published.isEmpty());
            Report first = published.getFirst();
            assertThat(first.shortcut()).isFalse();
            assertThat(first.topology(TopologyId.HOST).nodes().get("testhost;<host>")).isNotNull();
        } finally {
            loop.close();
        }
    }

    @Test
    void publishesEvenWhenSpyCyclesOverrunTheirInterval() {
        List<Report> published = new CopyOnWriteArrayList<>();
        ReporterRegistry registry = new ReporterRegistry();
        registry.add(new Reporter() {
            @Override
            public String name() {
                return "slow-host";
            }

            @Override
            public Report report() throws Exception {
                Thread.sleep(100); // 2.5 spy intervals (within the 5 a reporter may take), as a busy host on a loaded machine
                return SHORTCUT;
            }
        });
        ProbeLoop loop = new ProbeLoop(config(Duration.ofMillis(40), Duration.ofMillis(200)), registry, () -> { },
                published::add);
        try {
            loop.start();
            // spying on the publisher's thread once starved every publish
            await().atMost(Duration.ofSeconds(30)).until(() -> published.size() >= 2);
            assertThat(published.getFirst().topology(TopologyId.HOST).nodes().get("testhost;<host>")).isNotNull();
        } finally {
            loop.close();
        }
    }
}
