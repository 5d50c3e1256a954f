package dev.scope.probe.host;

/** The first line of {@code /proc/stat}: jiffies spent by all CPUs, in total and idle (idle + iowait). */
public record CpuTimes(long total, long idle) {
    public static final CpuTimes ZERO = new CpuTimes(0, 0);

    /** Parses the {@code cpu } line; fields are user nice system idle iowait irq softirq steal (guest is in user). */
    public static CpuTimes parse(String procStat) {
        int end = procStat.indexOf('\n');
        String line = end < 0 ? procStat : procStat.substring(0, end);
        if (!line.startsWith("cpu ")) throw new IllegalArgumentException("no cpu line in /proc/stat");
        String[] f = line.substring(4).trim().split("\\s+");
        long total = 0;
        for (int i = 0; i < Math.min(f.length, 8); i++) total += Long.parseLong(f[i]);
        long idle = Long.parseLong(f[3]) + (f.length > 4 ? Long.parseLong(f[4]) : 0);
        return new CpuTimes(total, idle);
    }

    /** Percentage of busy time between {@code earlier} and this; 0 when no time passed. */
    public double busyPercentSince(CpuTimes earlier) {
        long dt = total - earlier.total;
        if (dt <= 0) return 0;
        return 100.0 * (dt - (idle - earlier.idle)) / dt;
    }
}
