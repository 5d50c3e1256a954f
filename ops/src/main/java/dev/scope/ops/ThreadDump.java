package dev.scope.ops;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;

/**
 * A jstack-like text dump of every platform thread with its whole stack and the locks it holds or waits for.
 * ({@link ThreadInfo#toString()} cuts stacks at eight frames, too few to debug with.)
 */
public final class ThreadDump {
    private ThreadDump() {
    }

    public static String text() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("Thread dump, ").append(threads.length).append(" threads, ")
                .append(java.time.Instant.now()).append("\n\n");
        for (ThreadInfo t : threads) append(out, t);
        return out.toString();
    }

    private static void append(StringBuilder out, ThreadInfo t) {
        out.append('"').append(t.getThreadName()).append("\" #").append(t.getThreadId())
                .append(t.isDaemon() ? " daemon" : "").append(" prio=").append(t.getPriority())
                .append(' ').append(t.getThreadState());
        if (t.getLockName() != null) out.append(" on ").append(t.getLockName());
        if (t.getLockOwnerName() != null) {
            out.append(" owned by \"").append(t.getLockOwnerName()).append("\" #").append(t.getLockOwnerId());
        }
        out.append('\n');
        StackTraceElement[] stack = t.getStackTrace();
        MonitorInfo[] monitors = t.getLockedMonitors();
        for (int depth = 0; depth < stack.length; depth++) {
            out.append("\tat ").append(stack[depth]).append('\n');
            for (MonitorInfo m : monitors) {
                if (m.getLockedStackDepth() == depth) out.append("\t- locked ").append(m).append('\n');
            }
        }
        LockInfo[] synchronizers = t.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            out.append("\tLocked synchronizers:\n");
            for (LockInfo l : synchronizers) out.append("\t- ").append(l).append('\n');
        }
        out.append('\n');
    }
}
