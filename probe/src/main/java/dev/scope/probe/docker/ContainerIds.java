package dev.scope.probe.docker;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the container a process runs in from the text of its {@code /proc/<pid>/cgroup}, for cgroup v1
 * ({@code 12:memory:/docker/<id>}) and v2 ({@code 0::/system.slice/docker-<id>.scope}), as Docker, containerd
 * (CRI), CRI-O and Podman name their cgroups.
 */
public final class ContainerIds {
    private ContainerIds() {
    }

    /** A 64-hex container id as a whole path segment, optionally with a runtime prefix and a {@code .scope} suffix. */
    private static final Pattern SEGMENT = Pattern.compile(
            "^(?:docker-|cri-containerd-|crio-|libpod-)?([0-9a-f]{64})(?:\\.scope)?$");

    /** The id of the container the cgroup file puts the process in, or empty for host processes and bad input. */
    public static Optional<String> fromCgroup(String cgroupFileText) {
        if (cgroupFileText == null || cgroupFileText.isEmpty()) return Optional.empty();
        for (String line : cgroupFileText.split("\n")) {
            String id = fromLine(line.strip());
            if (id != null) return Optional.of(id);
        }
        return Optional.empty();
    }

    private static String fromLine(String line) {
        // hierarchy-id:controllers:path; the path may itself contain ':' in theory, so split at most twice.
        String[] parts = line.split(":", 3);
        if (parts.length != 3) return null;
        String[] segments = parts[2].split("/");
        // The innermost segment names the container; scan from the end so nested cgroups pick the leaf.
        for (int i = segments.length - 1; i >= 0; i--) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (m.matches()) return m.group(1);
        }
        return null;
    }
}
