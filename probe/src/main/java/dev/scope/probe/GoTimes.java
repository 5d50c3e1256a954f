package dev.scope.probe;

/** Formats Unix nanoseconds as Go's RFC3339Nano in UTC: fraction trimmed of trailing zeros, {@code Z} suffix. */
public final class GoTimes {
    private GoTimes() {
    }

    public static String rfc3339Nano(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(unixNanos, 1_000_000_000L);
        String base = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        if (nanos == 0) return base + "Z";
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') end--;
        return base + "." + fraction.substring(0, end) + "Z";
    }

    public static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
