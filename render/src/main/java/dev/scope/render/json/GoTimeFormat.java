package dev.scope.render.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Go's {@code time.RFC3339Nano} in UTC: fraction with trailing zeros trimmed, {@code Z} suffix. */
public final class GoTimeFormat {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GoTimeFormat() {
    }

    public static String rfc3339Nano(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(unixNanos, 1_000_000_000L);
        StringBuilder out = new StringBuilder(30).append(SECONDS.format(Instant.ofEpochSecond(seconds)));
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') end--;
            out.append('.').append(fraction, 0, end);
        }
        return out.append('Z').toString();
    }
}
