package dev.scope.probe.host;

/** Memory figures from {@code /proc/meminfo}, in bytes. Used = total - free - buffers - cached, as Weave Scope. */
public record MemInfo(long totalBytes, long usedBytes) {
    public static MemInfo parse(String meminfo) {
        long total = 0, free = 0, buffers = 0, cached = 0;
        for (String line : meminfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon);
            switch (key) {
                case "MemTotal" -> total = kib(line, colon);
                case "MemFree" -> free = kib(line, colon);
                case "Buffers" -> buffers = kib(line, colon);
                case "Cached" -> cached = kib(line, colon);
                default -> { }
            }
        }
        return new MemInfo(total * 1024, Math.max(0, total - free - buffers - cached) * 1024);
    }

    private static long kib(String line, int colon) {
        String v = line.substring(colon + 1).trim();
        int space = v.indexOf(' ');
        return Long.parseLong(space < 0 ? v : v.substring(0, space));
    }
}
