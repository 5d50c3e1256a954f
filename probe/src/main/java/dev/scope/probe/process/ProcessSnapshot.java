package dev.scope.probe.process;

import java.util.Map;

/**
 * The result of one walk of {@code /proc}: processes by pid, which pid owns each socket inode, and one pid in
 * each network namespace (to read that namespace's {@code /proc/<pid>/net/tcp}).
 *
 * @param hostJiffies    total CPU time of the host at the walk ({@code /proc/stat}), for CPU percentages
 */
public record ProcessSnapshot(long takenAtNanos, long hostJiffies, Map<Integer, ProcessInfo> processes,
                              Map<Long, Integer> socketOwners, Map<Long, Integer> namespacePids) {
    public static final ProcessSnapshot EMPTY = new ProcessSnapshot(0, 0, Map.of(), Map.of(), Map.of());

    /** The container id a process runs in, or null. For the Docker tagger. */
    public String containerOf(int pid) {
        ProcessInfo p = processes.get(pid);
        return p == null ? null : p.containerId();
    }
}
