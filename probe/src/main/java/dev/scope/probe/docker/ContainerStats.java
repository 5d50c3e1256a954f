package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.CPU_TOTAL_USAGE;
import static dev.scope.probe.docker.DockerKeys.MEMORY_USAGE;

import dev.scope.report.Metric;
import dev.scope.report.StringMap;
import java.util.ArrayDeque;

/**
 * The stats samples of one container since the last report, turned into Weave Scope's two metrics: memory
 * (usage less page cache, plotted up to the limit) and CPU (percent of the host's CPU time between two
 * samples, as Weave Scope computes it). Keeps the newest sample after a drain so the next CPU delta has a base.
 * Thread-safe.
 */
public final class ContainerStats {
    /** One {@code /containers/{id}/stats} answer, reduced to what the metrics need. */
    public record Sample(long readNanos, long cpuTotal, long systemCpu, long memoryUsage, long memoryCache, long memoryLimit) {
    }

    private static final int MAX_PENDING = 60;
    private final ArrayDeque<Sample> pending = new ArrayDeque<>();

    public synchronized void add(Sample sample) {
        Sample last = pending.peekLast();
        if (last != null && sample.readNanos <= last.readNanos) return;
        if (pending.size() >= MAX_PENDING) pending.pollFirst();
        pending.addLast(sample);
    }

    /** The metrics of the samples gathered so far; empty when there are none. */
    public synchronized StringMap<Metric> drain() {
        if (pending.isEmpty()) return StringMap.empty();
        Sample[] samples = pending.toArray(Sample[]::new);
        Sample newest = samples[samples.length - 1];
        pending.clear();
        pending.add(newest);
        StringMap<Metric> out = StringMap.of(MEMORY_USAGE, memory(samples));
        Metric cpu = cpu(samples);
        return cpu.isEmpty() ? out : out.with(CPU_TOTAL_USAGE, cpu);
    }

    static Metric memory(Sample[] samples) {
        long[] times = new long[samples.length];
        double[] values = new double[samples.length];
        double min = Double.MAX_VALUE, limit = 0;
        for (int i = 0; i < samples.length; i++) {
            times[i] = samples[i].readNanos;
            values[i] = samples[i].memoryUsage - samples[i].memoryCache;
            min = Math.min(min, values[i]);
            limit = Math.max(limit, samples[i].memoryLimit);
        }
        return Metric.of(times, values, min, Math.max(limit, maxOf(values)));
    }

    static Metric cpu(Sample[] samples) {
        if (samples.length < 2) return Metric.EMPTY;
        long[] times = new long[samples.length - 1];
        double[] values = new double[samples.length - 1];
        double min = Double.MAX_VALUE;
        for (int i = 1; i < samples.length; i++) {
            double cpuDelta = samples[i].cpuTotal - samples[i - 1].cpuTotal;
            double systemDelta = samples[i].systemCpu - samples[i - 1].systemCpu;
            double percent = systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * 100.0 : 0.0;
            times[i - 1] = samples[i].readNanos;
            values[i - 1] = percent;
            min = Math.min(min, percent);
        }
        return Metric.of(times, values, min, 100.0);
    }

    private static double maxOf(double[] values) {
        double max = 0;
        for (double v : values) max = Math.max(max, v);
        return max;
    }
}
