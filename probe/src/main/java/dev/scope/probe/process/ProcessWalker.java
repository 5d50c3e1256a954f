package dev.scope.probe.process;

import dev.scope.probe.GoTimes;
import dev.scope.probe.ProcFileReader;
import dev.scope.probe.host.CpuTimes;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks {@code /proc} once per spy cycle: every process's stat, command line and open file descriptors, and,
 * when asked, which socket inode each descriptor points at (for the endpoint reporter). What rarely changes in
 * a process's life (limits, container, network namespace) is read once per process and cached.
 *
 * <p>Reading where each descriptor points (one {@code readlink} per descriptor) was most of a walk's cost on a
 * host with many connections, so a descriptor's target is remembered while the descriptor number stays open and
 * only new numbers are read. A number closed and reused between two walks would keep its old target; the
 * endpoint reporter notices (a connection whose socket nobody owns) and asks for a full read with
 * {@link #rescanSocketsNextWalk()}, which every {@value #FULL_SCAN_EVERY}th walk also does regardless.
 * One walker runs at a time; {@link #snapshot()} is safe from any thread.
 */
public final class ProcessWalker {
    private final Path proc;
    private final boolean sockets;
    private final ProcFileReader reader = new ProcFileReader(8192);
    private final Map<Long, Stable> stable = new HashMap<>();
    /** Descriptor number to socket inode (or {@link #NOT_A_SOCKET}) per process, keyed as {@link #stable}. */
    private final Map<Long, Map<String, Long>> descriptors = new HashMap<>();
    private volatile boolean rescanSockets = true;
    private volatile ProcessSnapshot snapshot = ProcessSnapshot.EMPTY;

    /** Per-process facts keyed by pid and start time, so a reused pid is not mistaken for the old process. */
    private record Stable(ProcLimits limits, String containerId, long netNamespace, long seenInWalk) {
    }

    private long walkCount;
    static final int FULL_SCAN_EVERY = 60;
    private static final Long NOT_A_SOCKET = -1L;

    public ProcessWalker(Path procRoot, boolean sockets) {
        this.proc = procRoot;
        this.sockets = sockets;
    }

    public ProcessSnapshot snapshot() {
        return snapshot;
    }

    /** The next walk reads every descriptor's target again instead of trusting remembered ones. */
    public void rescanSocketsNextWalk() {
        rescanSockets = true;
    }

    public synchronized ProcessSnapshot walk() {
        walkCount++;
        boolean fullScan = rescanSockets || walkCount % FULL_SCAN_EVERY == 0;
        rescanSockets = false;
        long now = GoTimes.nowNanos();
        long hostJiffies = reader.readQuietly(proc.resolve("stat")) ? CpuTimes.parse(reader.text()).total() : 0;
        Map<Integer, ProcessInfo> processes = new HashMap<>(1024);
        Map<Long, Integer> socketOwners = sockets ? new HashMap<>(1024) : Map.of();
        Map<Long, Integer> namespacePids = new HashMap<>();
        String[] entries = proc.toFile().list();
        if (entries != null) {
            for (String entry : entries) {
                int pid = parsePid(entry);
                if (pid <= 0) continue;
                ProcessInfo info = readProcess(pid, socketOwners, fullScan);
                if (info == null) continue;
                processes.put(pid, info);
                if (info.netNamespace() != 0) namespacePids.putIfAbsent(info.netNamespace(), pid);
            }
        }
        long current = walkCount;
        stable.values().removeIf(s -> s.seenInWalk != current);
        descriptors.keySet().retainAll(stable.keySet());
        ProcessSnapshot result = new ProcessSnapshot(now, hostJiffies, Map.copyOf(processes),
                Map.copyOf(socketOwners), Map.copyOf(namespacePids));
        snapshot = result;
        return result;
    }

    private ProcessInfo readProcess(int pid, Map<Long, Integer> socketOwners, boolean fullScan) {
        Path dir = proc.resolve(Integer.toString(pid));
        if (!reader.readQuietly(dir.resolve("stat"))) return null;
        ProcStat stat;
        try {
            stat = ProcStat.parse(reader.bytes(), reader.length());
        } catch (RuntimeException e) {
            return null;
        }
        String name, cmdline;
        if (reader.readQuietly(dir.resolve("cmdline")) && reader.length() > 0) {
            byte[] b = reader.bytes();
            int n = reader.length();
            int firstNul = n;
            for (int i = 0; i < n; i++) {
                if (b[i] == 0) {
                    if (firstNul == n) firstNul = i;
                    b[i] = ' ';
                }
            }
            name = new String(b, 0, firstNul, StandardCharsets.UTF_8);
            cmdline = new String(b, 0, n, StandardCharsets.UTF_8);
            if (name.isEmpty()) name = stat.comm();
        } else {
            name = "[" + stat.comm() + "]";
            cmdline = "";
        }
        Stable facts = stableFacts(pid, stat.startTime(), dir);
        int openFiles = 0;
        File fdDir = dir.resolve("fd").toFile();
        String[] fds = fdDir.list();
        if (fds != null) {
            openFiles = fds.length;
            if (sockets) collectSockets(pid, processKey(pid, stat.startTime()), fdDir.toPath(), fds, socketOwners, fullScan);
        }
        return new ProcessInfo(pid, stat.ppid(), name, cmdline, stat.threads(), stat.jiffies(),
                stat.rssPages() * 4096, openFiles, facts.limits().openFiles(), facts.limits().rssBytes(),
                facts.containerId(), facts.netNamespace());
    }

    private void collectSockets(int pid, long key, Path fdDir, String[] fds, Map<Long, Integer> owners, boolean fullScan) {
        Map<String, Long> known = fullScan ? Map.of() : descriptors.getOrDefault(key, Map.of());
        Map<String, Long> now = new HashMap<>(Math.max(4, fds.length * 2));
        for (String fd : fds) {
            Long inode = known.get(fd);
            if (inode == null) {
                inode = socketInode(fdDir, fd);
                if (inode == null) continue; // closed while we looked
            }
            now.put(fd, inode);
            if (inode >= 0) owners.putIfAbsent(inode, pid);
        }
        descriptors.put(key, now);
    }

    /** The socket inode a descriptor points at, {@link #NOT_A_SOCKET}, or null when it is gone. */
    private static Long socketInode(Path fdDir, String fd) {
        try {
            String target = Files.readSymbolicLink(fdDir.resolve(fd)).toString();
            // "socket:[12345]"
            if (!target.startsWith("socket:[")) return NOT_A_SOCKET;
            return Long.parseLong(target, 8, target.length() - 1, 10);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long processKey(int pid, long startTime) {
        return ((long) pid << 32) ^ startTime;
    }

    private Stable stableFacts(int pid, long startTime, Path dir) {
        long key = processKey(pid, startTime);
        Stable known = stable.get(key);
        if (known == null) {
            ProcLimits limits = reader.readQuietly(dir.resolve("limits")) ? ProcLimits.parse(reader.text()) : ProcLimits.UNKNOWN;
            String container = reader.readQuietly(dir.resolve("cgroup")) ? CgroupContainerId.find(reader.text()) : null;
            known = new Stable(limits, container, netNamespace(dir), walkCount);
        } else {
            known = new Stable(known.limits, known.containerId, known.netNamespace, walkCount);
        }
        stable.put(key, known);
        return known;
    }

    private static long netNamespace(Path dir) {
        try {
            String link = Files.readSymbolicLink(dir.resolve("ns/net")).toString();
            // "net:[4026531833]"
            int open = link.indexOf('[');
            return open < 0 ? 0 : Long.parseLong(link, open + 1, link.length() - 1, 10);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int parsePid(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || i > 9) return -1;
            v = v * 10 + (c - '0');
        }
        return s.isEmpty() ? -1 : v;
    }
}
