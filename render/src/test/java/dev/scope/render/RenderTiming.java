package dev.scope.render;

import dev.scope.report.Report;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures cold renders (a fresh {@link Views} each time, so nothing is memoised) of the synthetic
 * 100-host, 12,500-process cluster. Not a test: run it by hand (see render/README.md), speed is not asserted.
 */
public final class RenderTiming {
    private RenderTiming() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Report report = SyntheticReports.cluster(100, 8, 5, 85);
        System.out.printf("report: %d nodes%n", report.nodeCount());
        time("processes topology", runs, () -> uncheck(() -> new Views().topology(report, "processes", Map.of())));
        time("topology list (all topologies + stats)", runs, () -> new Views().topologyList(report, Map.of()));
        time("containers topology", runs, () -> uncheck(() -> new Views().topology(report, "containers", Map.of())));
        time("hosts topology", runs, () -> uncheck(() -> new Views().topology(report, "hosts", Map.of())));
        Views warm = new Views();
        warm.topologyList(report, Map.of());
        time("topology list, memoised", runs, () -> warm.topologyList(report, Map.of()));
        time("host details (after list)", runs, () -> uncheck(() -> warm.node(report, "hosts", "host-1;<host>", Map.of())));
        time("processes JSON bytes", runs, () -> ApiJson.toBytes(uncheck(() -> warm.topology(report, "processes", Map.of()))));
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T uncheck(Call<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prints wall time and the rendering thread's CPU time: on a shared machine the CPU time is the
     * steadier figure (it leaves out time spent waiting for a core, and GC threads' work).
     */
    private static void time(String what, int runs, Supplier<?> work) {
        for (int i = 0; i < 3; i++) work.get();
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.get();
            wall[i] = (System.nanoTime() - start) / 1_000_000;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-42s wall median %4d ms (min %4d)   cpu median %4d ms (min %4d)%n",
                what, wall[runs / 2], wall[0], cpu[runs / 2], cpu[0]);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
}
