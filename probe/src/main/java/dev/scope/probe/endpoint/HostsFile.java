package dev.scope.probe.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse names from {@code /etc/hosts}: the only reverse DNS cheap enough to do every cycle (no network).
 * Re-read only when the file changes.
 */
final class HostsFile {
    private final Path file;
    private FileTime readAt;
    private Map<String, List<String>> names = Map.of();

    HostsFile(Path file) {
        this.file = file;
    }

    synchronized List<String> namesOf(String address) {
        refresh();
        return names.getOrDefault(address, List.of());
    }

    private void refresh() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(readAt)) return;
            Map<String, java.util.TreeSet<String>> parsed = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                String[] f = line.trim().split("\\s+");
                if (f.length < 2) continue;
                var set = parsed.computeIfAbsent(f[0], k -> new java.util.TreeSet<>());
                for (int i = 1; i < f.length; i++) set.add(f[i]);
            }
            Map<String, List<String>> out = new HashMap<>();
            parsed.forEach((k, v) -> out.put(k, List.copyOf(v)));
            names = out;
            readAt = modified;
        } catch (IOException e) {
            names = Map.of();
        }
    }
}
