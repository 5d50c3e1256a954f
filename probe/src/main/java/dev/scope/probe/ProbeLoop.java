package dev.scope.probe;

import dev.scope.probe.publish.ReportDelta;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.TopologyId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe's heartbeat, as Weave Scope's: every spy interval run the reporters (in parallel), merge and tag
 * their parts; every publish interval merge the spied reports and publish them, in full every n-th time and
 * otherwise only what changed since the last full one. Shortcut reports go out at once.
 */
final class ProbeLoop implements ShortcutSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProbeLoop.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProbeConfig config;
    private final ReporterRegistry registry;
    private final Runnable beforeSpy;
    private final Predicate<Report> publisher;
    private final LinkedBlockingQueue<Report> spied = new LinkedBlockingQueue<>(16);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "probe-loop");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService reporters = Executors.newVirtualThreadPerTaskExecutor();
    private int publishCount;
    private volatile boolean forceFull;
    private Report lastFull = Report.empty();

    ProbeLoop(ProbeConfig config, ReporterRegistry registry, Runnable beforeSpy, Predicate<Report> publisher) {
        this.config = config;
        this.registry = registry;
        this.beforeSpy = beforeSpy;
        this.publisher = publisher;
    }

    void start() {
        long spy = config.spyInterval().toNanos(), publish = config.publishInterval().toNanos();
        ticks.scheduleAtFixedRate(this::spyOnce, 0, spy, TimeUnit.NANOSECONDS);
        ticks.scheduleAtFixedRate(this::publishOnce, publish, publish, TimeUnit.NANOSECONDS);
    }

    /** The next publish sends everything, e.g. because a new app appeared and has seen nothing yet. */
    void fullReportNext() {
        forceFull = true;
    }

    /** One spy cycle: every reporter's part, merged and tagged. */
    Report spy() {
        try {
            beforeSpy.run();
        } catch (RuntimeException e) {
            log.warn("process walk failed: {}", e.toString());
        }
        long now = GoTimes.nowNanos();
        List<Reporter> all = registry.reporters();
        List<Future<Report>> parts = new ArrayList<>(all.size());
        for (Reporter r : all) parts.add(reporters.submit(r::report));
        Report merged = Report.standard("", now);
        Duration limit = config.spyInterval().multipliedBy(5);
        for (int i = 0; i < parts.size(); i++) {
            try {
                merged = merged.merge(parts.get(i).get(limit.toMillis(), TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                parts.get(i).cancel(true);
                log.warn("{} reporter failed, skipping it this cycle: {}", all.get(i).name(), rootMessage(e));
            }
        }
        return tag(merged).toBuilder().id("").timestamp(now).window(config.spyInterval().toNanos()).build();
    }

    private Report tag(Report report) {
        for (Tagger t : registry.taggers()) {
            try {
                report = t.tag(report);
            } catch (Exception e) {
                log.warn("{} tagger failed: {}", t.name(), rootMessage(e));
            }
        }
        return report;
    }

    private void spyOnce() {
        try {
            Report r = spy();
            if (!spied.offer(r)) {
                spied.poll();
                spied.offer(r);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("spy cycle failed", e);
        }
    }

    private void publishOnce() {
        try {
            List<Report> drained = new ArrayList<>();
            spied.drainTo(drained);
            if (drained.isEmpty()) return;
            Report merged = Report.empty();
            for (Report r : drained) merged = merged.merge(r);
            merged = sanitise(merged);
            if (forceFull) {
                forceFull = false;
                publishCount = 0;
            }
            boolean full = publishCount % config.ticksPerFullReport() == 0;
            Report out = full ? merged : ReportDelta.minus(merged, lastFull);
            // with no app to take it, nothing was sent: the next one must be full again
            if (!publisher.test(out.toBuilder().id(newId()).build())) return;
            if (full) lastFull = merged;
            publishCount++;
        } catch (RuntimeException e) {
            publishCount = 0;
            log.error("publishing failed", e);
        }
    }

    @Override
    public void publish(Report shortcut) {
        ticks.execute(() -> {
            try {
                Report r = sanitise(tag(shortcut)).toBuilder().shortcut(true).id(newId()).build();
                publisher.test(r);
            } catch (RuntimeException e) {
                log.error("publishing a shortcut report failed", e);
            }
        });
    }

    /** Read-only probes advertise no controls at all, as Weave Scope's {@code --probe.no-controls}. */
    private Report sanitise(Report r) {
        if (!config.noControls()) return r;
        Report.Builder b = r.toBuilder();
        for (TopologyId t : TopologyId.all()) b.updateTopology(t, top -> top.withControls(StringMap.empty()));
        return b.build();
    }

    private static String newId() {
        return Long.toUnsignedString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.toString();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        reporters.shutdownNow();
    }
}
