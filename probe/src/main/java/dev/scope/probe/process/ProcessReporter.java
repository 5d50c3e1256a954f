package dev.scope.probe.process;

import dev.scope.probe.HostIds;
import dev.scope.probe.Reporter;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.Metric;
import dev.scope.report.MetricTemplate;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.StandardTopologies;
import dev.scope.report.StringMap;
import dev.scope.report.TopologyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The process topology from the newest {@link ProcessWalker} snapshot, with Weave Scope 1.13's ids
 * ({@code <host>;<pid>}), latest keys (pid, ppid, name, cmdline, threads) and metrics (CPU against 100 % per
 * CPU, memory against the RSS limit, open files against their limit).
 */
public final class ProcessReporter implements Reporter {
    public static final String PID = "pid";
    public static final String PPID = "ppid";
    public static final String NAME = "name";
    public static final String CMDLINE = "cmdline";
    public static final String THREADS = "threads";
    public static final String CPU_USAGE = "process_cpu_usage_percent";
    public static final String MEMORY_USAGE = "process_memory_usage_bytes";
    public static final String OPEN_FILES = "open_files_count";

    static final StringMap<MetadataTemplate> METADATA = StringMap.copyOf(Map.of(
            PID, new MetadataTemplate(PID, "PID", 0, "number", 1, "latest"),
            CMDLINE, new MetadataTemplate(CMDLINE, "Command", 0, "", 2, "latest"),
            PPID, new MetadataTemplate(PPID, "Parent PID", 0, "number", 3, "latest"),
            THREADS, new MetadataTemplate(THREADS, "# Threads", 0, "number", 4, "latest")));
    static final StringMap<MetricTemplate> METRICS = StringMap.copyOf(Map.of(
            CPU_USAGE, new MetricTemplate(CPU_USAGE, "CPU", "percent", "", 1),
            MEMORY_USAGE, new MetricTemplate(MEMORY_USAGE, "Memory", "filesize", "", 2),
            OPEN_FILES, new MetricTemplate(OPEN_FILES, "Open files", "integer", "", 3)));

    private final String hostId;
    private final Supplier<ProcessSnapshot> snapshots;
    private final boolean omitCmdArgs;
    private final int cpus;
    private ProcessSnapshot previous = ProcessSnapshot.EMPTY;

    public ProcessReporter(String hostId, Supplier<ProcessSnapshot> snapshots, boolean omitCmdArgs) {
        this.hostId = hostId;
        this.snapshots = snapshots;
        this.omitCmdArgs = omitCmdArgs;
        this.cpus = Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public synchronized Report report() {
        ProcessSnapshot now = snapshots.get();
        long t = now.takenAtNanos();
        long hostDelta = now.hostJiffies() - previous.hostJiffies();
        List<Node> nodes = new ArrayList<>(now.processes().size());
        for (ProcessInfo p : now.processes().values()) {
            Node.Builder node = Node.builder(HostIds.processNodeId(hostId, p.pid()), TopologyId.PROCESS.name)
                    .putLatest(PID, Integer.toString(p.pid()), t)
                    .putLatest(NAME, p.name(), t)
                    .putLatest(THREADS, Integer.toString(p.threads()), t);
            if (p.ppid() > 0) node.putLatest(PPID, Integer.toString(p.ppid()), t);
            if (!p.cmdline().isEmpty()) node.putLatest(CMDLINE, omitCmdArgs ? p.name() : p.cmdline(), t);
            ProcessInfo before = previous.processes().get(p.pid());
            if (hostDelta > 0 && previous != ProcessSnapshot.EMPTY) {
                long used = p.jiffies() - (before == null ? 0 : before.jiffies());
                double percent = Math.max(0, 100.0 * cpus * used / hostDelta);
                node.metric(CPU_USAGE, Metric.single(t, percent, percent, 100.0 * cpus));
            }
            node.metric(MEMORY_USAGE, Metric.single(t, p.rssBytes(), p.rssBytes(), p.rssLimitBytes()));
            node.metric(OPEN_FILES, Metric.single(t, p.openFiles(), p.openFiles(), p.openFilesLimit()));
            nodes.add(node.build());
        }
        previous = now;
        var topology = StandardTopologies.descriptor(TopologyId.PROCESS)
                .withMetadataTemplates(METADATA)
                .withMetricTemplates(METRICS)
                .withNodes(NodeSet.of(nodes));
        return Report.builder().topology(TopologyId.PROCESS, topology).build();
    }
}
