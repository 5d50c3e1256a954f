package dev.scope.probe.process;

/**
 * Finds a container id in the text of {@code /proc/<pid>/cgroup}, in cgroup v1 lines
 * ({@code 4:memory:/docker/<id>}) and v2 lines ({@code 0::/system.slice/docker-<id>.scope}), for Docker,
 * containerd ({@code cri-containerd-<id>}), Podman ({@code libpod-<id>}) and Kubernetes ({@code /kubepods/.../<id>}).
 * A container id is 64 hex digits standing alone in a path segment or after a runtime prefix.
 */
public final class CgroupContainerId {
    private static final int ID_LENGTH = 64;

    private CgroupContainerId() {
    }

    /** The container id, or null when the process is in no container. */
    public static String find(CharSequence cgroupFile) {
        int lineStart = 0;
        int length = cgroupFile.length();
        while (lineStart < length) {
            int lineEnd = indexOf(cgroupFile, '\n', lineStart);
            String id = inLine(cgroupFile, lineStart, lineEnd);
            if (id != null) return id;
            lineStart = lineEnd + 1;
        }
        return null;
    }

    private static String inLine(CharSequence s, int start, int end) {
        // hierarchy-id:controllers:path; the path starts after the second colon
        int first = indexOf(s, ':', start);
        if (first >= end) return null;
        int second = indexOf(s, ':', first + 1);
        if (second >= end) return null;
        int run = 0;
        for (int i = second + 1; i <= end; i++) {
            boolean hex = i < end && isHex(s.charAt(i));
            if (hex) {
                run++;
                continue;
            }
            if (run == ID_LENGTH && boundaryBefore(s, i - ID_LENGTH)) {
                return s.subSequence(i - ID_LENGTH, i).toString();
            }
            run = 0;
        }
        return null;
    }

    private static boolean boundaryBefore(CharSequence s, int at) {
        char c = s.charAt(at - 1);
        return c == '/' || c == '-' || c == ':';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) if (s.charAt(i) == c) return i;
        return s.length();
    }
}
