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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe's heartbeat, as Weave Scope's: every spy interval run the reporters (in parallel), merge and tag
 * their parts; every publish interval publish what was spied since, in full every n-th time and otherwise only
 * what changed since the last full one. Shortcut reports go out at once.
 *
 * <p>Spying and publishing run on threads of their own, as Weave Scope's spy and publish loops: on a busy,
 * loaded host a spy cycle can take longer than the spy interval, and sharing one thread let the spy's backlog
 * run ahead of every publish, so nothing was ever published while spied reports piled up in memory. A spy
 * cycle that overruns skips the ticks it missed, and what was spied is merged as it comes (one pending report,
 * not a queue of them).
 */
final class ProbeLoop implements ShortcutSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProbeLoop.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProbeConfig config;
    private final ReporterRegistry registry;
    private final Runnable beforeSpy;
    private final Predicate<Report> publisher;
    private final ProbeMetrics metrics;
    /** Everything spied since the last publish, merged; null when nothing was. */
    private Report pending;
    /** Publish as soon as the next spy cycle ends; guarded by {@link #pendingLock}. */
    private boolean publishAfterSpy;
    private final Object pendingLock = new Object();
    private final ScheduledExecutorService spies = daemonThread("probe-spy");
    private final ScheduledExecutorService publishes = daemonThread("probe-publish");
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

    private static ScheduledExecutorService daemonThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        long publish = config.publishInterval().toNanos();
        schedule(spies, this::spyTick, 0);
        publishes.scheduleAtFixedRate(this::publishOnce, publish, publish, TimeUnit.NANOSECONDS);
    }

    /** One spy, then the next at the next tick of the spy interval; ticks a long cycle overran are skipped. */
    private void spyTick() {
        long started = System.nanoTime();
        spyOnce();
        long interval = config.spyInterval().toNanos();
        long elapsed = System.nanoTime() - started;
        schedule(spies, this::spyTick, interval - elapsed % interval);
    }

    /**
     * Publishes a full report now instead of at the next publish tick, e.g. because a new app appeared: without
     * this an app found just after a tick waits a whole publish interval (and a probe started with no app yet
     * took up to two) before it shows this host. When nothing has been spied since the last publish, it goes out
     * as soon as the spy cycle under way ends (spying here instead would wait on that cycle's locks).
     */
    void publishFullNow() {
        forceFull = true;
        boolean spiedSome;
        synchronized (pendingLock) {
            spiedSome = pending != null;
            if (!spiedSome) publishAfterSpy = true;
        }
        if (spiedSome) schedule(publishes, this::publishOnce, 0);
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
            boolean publishNow;
            synchronized (pendingLock) {
                pending = pending == null ? r : pending.merge(r);
                publishNow = publishAfterSpy;
                publishAfterSpy = false;
            }
            if (publishNow) schedule(publishes, this::publishOnce, 0);
        } catch (RejectedExecutionException e) {
            if (!closed) log.error("spy cycle failed", e);
        } catch (RuntimeException e) {
            if (!closed) log.error("spy cycle failed", e);
        }
    }

    private void publishOnce() {
        try {
            Report merged;
            synchronized (pendingLock) {
                merged = pending;
                pending = null;
            }
            if (merged == null) return;
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
        schedule(publishes, () -> {
            try {
                Report r = sanitise(tag(shortcut)).toBuilder().shortcut(true).id(newId()).build();
                publisher.test(r);
            } catch (RuntimeException e) {
                if (!closed) log.error("publishing a shortcut report failed", e);
            }
        }, 0);
    }

    /** Runs a task on one of the loop's threads unless the loop is closing (then the task is of no use to anyone). */
    private void schedule(ScheduledExecutorService thread, Runnable task, long delayNanos) {
        if (closed) return;
        try {
            thread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
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
        spies.shutdownNow();
        publishes.shutdownNow();
        try {
            if (!spies.awaitTermination(5, TimeUnit.SECONDS) || !publishes.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("the probe loop did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reporters.shutdownNow();
    }
}
