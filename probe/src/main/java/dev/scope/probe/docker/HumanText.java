package dev.scope.probe.docker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Text as the Go libraries under Weave Scope write it, so that our nodes read the same: Docker's
 * {@code units.HumanDuration}, {@code go-humanize}'s {@code Bytes} and Go's RFC3339Nano times.
 */
public final class HumanText {
    private HumanText() {
    }

    /** "Less than a second", "1 second", "17 seconds", "About a minute", "5 minutes", "About an hour", "3 hours"... */
    public static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 1) return "Less than a second";
        if (seconds == 1) return "1 second";
        if (seconds < 60) return seconds + " seconds";
        long minutes = d.toMinutes();
        if (minutes == 1) return "About a minute";
        if (minutes < 60) return minutes + " minutes";
        long hours = Math.round(d.toMillis() / 3_600_000.0);
        if (hours == 1) return "About an hour";
        if (hours < 48) return hours + " hours";
        if (hours < 24 * 7 * 2) return (hours / 24) + " days";
        if (hours < 24 * 30 * 2) return (hours / 24 / 7) + " weeks";
        if (hours < 24 * 365 * 2) return (hours / 24 / 30) + " months";
        return (d.toHours() / 24 / 365) + " years";
    }

    private static final String[] SI = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    /** Sizes in SI units with one decimal below 10: "2.0 MB", "512 kB", "7 B". */
    public static String bytes(long size) {
        if (size < 10) return size + " B";
        int exponent = (int) Math.floor(Math.log(size) / Math.log(1000));
        double value = Math.floor(size / Math.pow(1000, exponent) * 10 + 0.5) / 10;
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, SI[exponent]);
    }

    /** Go's RFC3339Nano in UTC: fraction without trailing zeros, "Z". */
    public static String rfc3339Nano(Instant t) {
        String base = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        if (t.getNano() == 0) return base + "Z";
        String fraction = String.format(Locale.ROOT, "%09d", t.getNano());
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') end--;
        return base + "." + fraction.substring(0, end) + "Z";
    }

    /** Parses Docker's RFC3339 times; null, empty and Go's zero time ("0001-01-01T00:00:00Z") give null. */
    public static Instant parseTime(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-01-01")) return null;
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
