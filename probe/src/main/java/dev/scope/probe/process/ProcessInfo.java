package dev.scope.probe.process;

/**
 * One process as seen in one walk of {@code /proc}.
 *
 * @param cmdline          arguments joined by spaces (each followed by one, as Weave Scope); empty for kernel threads
 * @param jiffies          user + system CPU time so far
 * @param containerId      the container the process runs in, from its cgroups; null when none
 * @param netNamespace     inode of its network namespace; 0 when unknown
 * @param openFilesLimit   soft limit on open files
 * @param rssLimitBytes    limit on resident memory, 2^64 when unlimited
 */
public record ProcessInfo(int pid, int ppid, String name, String cmdline, int threads, long jiffies, long rssBytes,
                          int openFiles, double openFilesLimit, double rssLimitBytes, String containerId,
                          long netNamespace) {
}
