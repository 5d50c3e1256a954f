package dev.scope.probe.host;

import dev.scope.probe.GoTimes;
import dev.scope.probe.HostIds;
import dev.scope.probe.ProcFileReader;
import dev.scope.probe.Reporter;
import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.Metric;
import dev.scope.report.MetricTemplate;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.StandardTopologies;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TopologyId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The host node: name, OS, kernel, uptime, load, CPU and memory, local networks, and the {@code host_exec}
 * control, with Weave Scope 1.13's keys and templates. Reads procfs directly: a cycle is five small files.
 */
public final class HostReporter implements Reporter {
    public static final String HOST_NAME = "host_name";
    public static final String OS = "os";
    public static final String KERNEL_VERSION = "kernel_version";
    public static final String UPTIME = "uptime";
    public static final String SCOPE_VERSION = "host_scope_version";
    public static final String LOCAL_NETWORKS = "local_networks";
    public static final String LOAD1 = "load1";
    public static final String CPU_USAGE = "host_cpu_usage_percent";
    public static final String MEMORY_USAGE = "host_mem_usage_bytes";
    public static final String EXEC_CONTROL = "host_exec";
    public static final String RESIZE_CONTROL = "host_resize_exec_tty";

    static final StringMap<MetadataTemplate> METADATA = StringMap.copyOf(Map.of(
            KERNEL_VERSION, new MetadataTemplate(KERNEL_VERSION, "Kernel version", 0, "", 1, "latest"),
            UPTIME, new MetadataTemplate(UPTIME, "Uptime", 0, "duration", 2, "latest"),
            HOST_NAME, new MetadataTemplate(HOST_NAME, "Hostname", 0, "", 11, "latest"),
            OS, new MetadataTemplate(OS, "OS", 0, "", 12, "latest"),
            LOCAL_NETWORKS, new MetadataTemplate(LOCAL_NETWORKS, "Local networks", 0, "", 13, "sets"),
            SCOPE_VERSION, new MetadataTemplate(SCOPE_VERSION, "Scope version", 0, "", 14, "latest")));
    static final StringMap<MetricTemplate> METRICS = StringMap.copyOf(Map.of(
            CPU_USAGE, new MetricTemplate(CPU_USAGE, "CPU", "percent", "", 1),
            MEMORY_USAGE, new MetricTemplate(MEMORY_USAGE, "Memory", "filesize", "", 2),
            LOAD1, new MetricTemplate(LOAD1, "Load (1m)", "", "load", 11)));
    static final StringMap<Control> CONTROLS = StringMap.of(EXEC_CONTROL,
            new Control(EXEC_CONTROL, "Exec shell", "fa fa-terminal", "", 0));

    private final Path proc;
    private final String hostId;
    private final String probeId;
    private final String version;
    private final boolean controlsEnabled;
    private final Supplier<List<String>> localNetworks;
    private final ProcFileReader reader = new ProcFileReader(4096);
    private final String kernelVersion;
    private CpuTimes previousCpu;

    public HostReporter(Path procRoot, String hostId, String probeId, String version, boolean controlsEnabled,
                        Supplier<List<String>> localNetworks) {
        this.proc = procRoot;
        this.hostId = hostId;
        this.probeId = probeId;
        this.version = version;
        this.controlsEnabled = controlsEnabled;
        this.localNetworks = localNetworks;
        String release = ProcFileReader.readLine(procRoot.resolve("sys/kernel/osrelease"));
        String build = ProcFileReader.readLine(procRoot.resolve("sys/kernel/version"));
        this.kernelVersion = release == null ? "unknown" : build == null ? release : release + " " + build;
        this.previousCpu = readCpu();
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public synchronized Report report() throws IOException {
        long now = GoTimes.nowNanos();
        Node.Builder node = Node.builder(HostIds.hostNodeId(hostId), TopologyId.HOST.name)
                .putLatest(HOST_NAME, hostId, now)
                .putLatest(OS, "linux", now)
                .putLatest(KERNEL_VERSION, kernelVersion, now)
                .putLatest(UPTIME, Long.toString(uptimeSeconds()), now)
                .putLatest(SCOPE_VERSION, version, now)
                .putLatest("ts", GoTimes.rfc3339Nano(now), now);
        List<String> networks = localNetworks.get();
        if (!networks.isEmpty()) node.set(LOCAL_NETWORKS, StringSet.of(networks));
        if (controlsEnabled) {
            node.putLatest("control_probe_id", probeId, now).putLatest("active_controls", EXEC_CONTROL, now);
        }
        CpuTimes cpu = readCpu();
        if (cpu != null && previousCpu != null) {
            node.metric(CPU_USAGE, Metric.single(now, cpu.busyPercentSince(previousCpu), cpuMin(cpu), 100));
        }
        previousCpu = cpu;
        if (reader.readQuietly(proc.resolve("meminfo"))) {
            MemInfo mem = MemInfo.parse(reader.text());
            node.metric(MEMORY_USAGE, Metric.single(now, mem.usedBytes(), mem.usedBytes(), mem.totalBytes()));
        }
        if (reader.readQuietly(proc.resolve("loadavg"))) {
            String text = reader.text();
            double load1 = Double.parseDouble(text.substring(0, text.indexOf(' ')));
            node.metric(LOAD1, Metric.single(now, load1));
        }
        var topology = StandardTopologies.descriptor(TopologyId.HOST)
                .withMetadataTemplates(METADATA)
                .withMetricTemplates(METRICS)
                .withControls(controlsEnabled ? CONTROLS : StringMap.empty())
                .withNode(node.build());
        return Report.builder().topology(TopologyId.HOST, topology).build();
    }

    private double cpuMin(CpuTimes cpu) {
        return cpu.busyPercentSince(previousCpu);
    }

    private CpuTimes readCpu() {
        if (!reader.readQuietly(proc.resolve("stat"))) return null;
        try {
            return CpuTimes.parse(reader.text());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private long uptimeSeconds() {
        if (!reader.readQuietly(proc.resolve("uptime"))) return 0;
        String text = reader.text();
        int dot = text.indexOf('.');
        int space = text.indexOf(' ');
        int end = dot >= 0 && (space < 0 || dot < space) ? dot : space;
        try {
            return Long.parseLong(end < 0 ? text.trim() : text.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The host name the kernel reports, or {@code localhost}. */
    public static String kernelHostname(Path procRoot) {
        String name = ProcFileReader.readLine(procRoot.resolve("sys/kernel/hostname"));
        return name == null || name.isEmpty() ? "localhost" : name;
    }
}
