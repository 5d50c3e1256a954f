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
import java.util.concurrent.RejectedExecutionException;
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
    private final ProbeMetrics metrics;
    private final LinkedBlockingQueue<Report> spied = new LinkedBlockingQueue<>(16);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "probe-loop");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService reporters = Executors.newVirtualThreadPerTaskExecutor();
    private int publishCount;
    private volatile boolean forceFull;
    /** Set first thing in {@link #close}: from then on nothing is scheduled or submitted any more. */
    private volatile boolean closed;
    private Report lastFull = Report.empty();

    ProbeLoop(ProbeConfig config, ReporterRegistry registry, Runnable beforeSpy, Predicate<Report> publisher) {
        this(config, registry, beforeSpy, publisher, ProbeMetrics.none());
    }

    ProbeLoop(ProbeConfig config, ReporterRegistry registry, Runnable beforeSpy, Predicate<Report> publisher, ProbeMetrics metrics) {
        this.metrics = metrics;
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

    /**
     * Publishes a full report now instead of at the next publish tick, e.g. because a new app appeared: without
     * this an app found just after a tick waits a whole publish interval (and a probe started with no app yet
     * took up to two) before it shows this host. Spies first when nothing has been spied since the last publish.
     */
    void publishFullNow() {
        forceFull = true;
        schedule(() -> {
            if (spied.isEmpty()) spyOnce();
            publishOnce();
        });
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
        for (Reporter r : all) {
            if (closed) throw new RejectedExecutionException("the probe is closing");
            parts.add(reporters.submit(() -> timed(r)));
        }
        Report merged = Report.standard("", now);
        Duration limit = config.spyInterval().multipliedBy(5);
        for (int i = 0; i < parts.size(); i++) {
            try {
                merged = merged.merge(parts.get(i).get(limit.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                // close() interrupts a cycle under way: give up on it
                parts.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new RejectedExecutionException("the probe is closing");
            } catch (Exception e) {
                parts.get(i).cancel(true);
                log.warn("{} reporter failed, skipping it this cycle: {}", all.get(i).name(), rootMessage(e));
            }
        }
        return tag(merged).toBuilder().id("").timestamp(now).window(config.spyInterval().toNanos()).build();
    }

    private Report timed(Reporter r) throws Exception {
        long start = System.nanoTime();
        try {
            return r.report();
        } finally {
            metrics.spied(r.name(), System.nanoTime() - start);
        }
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
        } catch (RejectedExecutionException e) {
            if (!closed) log.error("spy cycle failed", e);
        } catch (RuntimeException e) {
            if (!closed) log.error("spy cycle failed", e);
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
            if (!closed) log.error("publishing failed", e);
        }
    }

    /** Shortcut reports from any thread (Docker events, controls); dropped quietly once the probe is closing. */
    @Override
    public void publish(Report shortcut) {
        schedule(() -> {
            try {
                Report r = sanitise(tag(shortcut)).toBuilder().shortcut(true).id(newId()).build();
                publisher.test(r);
            } catch (RuntimeException e) {
                if (!closed) log.error("publishing a shortcut report failed", e);
            }
        });
    }

    /** Runs a task on the loop's thread unless the loop is closing (then the task is of no use to anyone). */
    private void schedule(Runnable task) {
        if (closed) return;
        try {
            ticks.execute(task);
        } catch (RejectedExecutionException e) {
            // close() shut the executor down between our check and execute: the same as closed
        }
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

    /**
     * Stops the loop: no new spy, publish or shortcut starts; a spy cycle under way is interrupted and waited for
     * (briefly) before its reporters' executor goes, so it does not fail half-way with a rejected submission.
     */
    @Override
    public void close() {
        closed = true;
        ticks.shutdownNow();
        try {
            if (!ticks.awaitTermination(5, TimeUnit.SECONDS)) log.warn("the probe loop did not stop within 5 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reporters.shutdownNow();
    }
}
