package dev.scope.probe.process;

/**
 * Finds the container a process runs in from the text of its {@code /proc/<pid>/cgroup}: cgroup v1 lines
 * ({@code 4:memory:/docker/<id>}) and v2 lines ({@code 0::/system.slice/docker-<id>.scope}), as Docker,
 * containerd ({@code cri-containerd-<id>}), CRI-O ({@code crio-<id>}), Podman ({@code libpod-<id>}) and
 * Kubernetes ({@code /kubepods/.../<id>}) name their cgroups.
 *
 * <p>The id is a path segment of 64 lower-case hex digits, optionally with one of those runtime prefixes and a
 * {@code .scope} suffix. Segments are tried from the leaf up, so nested containers (Docker in Docker) give the
 * innermost one and trailing segments ({@code libpod-<id>.scope/container}) are skipped. This is the probe's one
 * cgroup parser: the process walker runs it once per process and the Docker tagger reads its result. It walks
 * the text without regular expressions or splitting, as it runs for every new process.
 */
public final class CgroupContainerId {
    private static final int ID_LENGTH = 64;
    private static final String[] PREFIXES = {"docker-", "cri-containerd-", "crio-", "libpod-"};
    private static final String SUFFIX = ".scope";

    private CgroupContainerId() {
    }

    /** The container id, or null when the process is in no container (and for text that is no cgroup file). */
    public static String find(CharSequence cgroupFile) {
        if (cgroupFile == null) return null;
        int length = cgroupFile.length();
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = indexOf(cgroupFile, '\n', lineStart, length);
            String id = inLine(cgroupFile, lineStart, lineEnd);
            if (id != null) return id;
            lineStart = lineEnd + 1;
        }
        return null;
    }

    /** hierarchy-id:controllers:path; the path starts after the second colon and may itself hold colons. */
    private static String inLine(CharSequence s, int start, int end) {
        int first = indexOf(s, ':', start, end);
        if (first >= end) return null;
        int second = indexOf(s, ':', first + 1, end);
        if (second >= end) return null;
        int pathStart = second + 1;
        while (end > pathStart && Character.isWhitespace(s.charAt(end - 1))) end--;
        int segmentEnd = end;
        while (segmentEnd > pathStart) {
            int slash = lastIndexOf(s, '/', pathStart, segmentEnd);
            int segmentStart = slash + 1;
            String id = inSegment(s, segmentStart, segmentEnd);
            if (id != null) return id;
            segmentEnd = slash;
        }
        return null;
    }

    private static String inSegment(CharSequence s, int start, int end) {
        if (endsWith(s, start, end, SUFFIX)) end -= SUFFIX.length();
        int length = end - start;
        if (length > ID_LENGTH) {
            boolean prefixed = false;
            for (String prefix : PREFIXES) {
                if (length == prefix.length() + ID_LENGTH && startsWith(s, start, prefix)) {
                    start += prefix.length();
                    prefixed = true;
                    break;
                }
            }
            if (!prefixed) return null;
        } else if (length < ID_LENGTH) {
            return null;
        }
        for (int i = start; i < end; i++) if (!isHex(s.charAt(i))) return null;
        return s.subSequence(start, end).toString();
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        for (int i = 0; i < prefix.length(); i++) if (s.charAt(at + i) != prefix.charAt(i)) return false;
        return true;
    }

    private static boolean endsWith(CharSequence s, int start, int end, String suffix) {
        return end - start >= suffix.length() && startsWith(s, end - suffix.length(), suffix);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static int indexOf(CharSequence s, char c, int from, int end) {
        for (int i = from; i < end; i++) if (s.charAt(i) == c) return i;
        return end;
    }

    /** The last {@code c} in [from, end), or from - 1 when there is none. */
    private static int lastIndexOf(CharSequence s, char c, int from, int end) {
        for (int i = end - 1; i >= from; i--) if (s.charAt(i) == c) return i;
        return from - 1;
    }
}
