package dev.scope.report.codec;

import java.time.LocalDate;

/**
 * Go's {@code time.Time} on the wire, as Unix nanoseconds in our model.
 *
 * <p>Go's zero time ({@code 0001-01-01T00:00:00Z}, "unknown") and our 0 map onto each other in both
 * directions. Instants outside the range of a {@code long} of nanoseconds (years 1677 to 2262) are
 * clamped to it: a Go probe never sends them for real, and one odd value must not sink a report.
 */
public final class GoTime {
    /** Seconds from 0001-01-01T00:00:00Z (Go's internal epoch) to the Unix epoch. */
    static final long UNIX_TO_GO_EPOCH_SECONDS = 62_135_596_800L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final String ZERO_TEXT = "0001-01-01T00:00:00Z";

    private GoTime() {
    }

    /**
     * Parses Go's RFC3339 / RFC3339Nano text ({@code 2026-11-23T07:08:21.000250067Z}, any offset,
     * 0 to 9 fraction digits; more are truncated as Go does).
     *
     * @throws IllegalArgumentException when the text is not such a time
     */
    public static long parseRfc3339Nano(String text) {
        if (text == null) throw new IllegalArgumentException("time is null");
        try {
            return parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: \"" + shorten(text) + "\"", e);
        }
    }

    private static long parse(String s) {
        if (s.length() < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw new IllegalArgumentException("layout");
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) throw new IllegalArgumentException("clock out of range");
        int i = 19;
        long nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                if (i - start < 9) nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) throw new IllegalArgumentException("empty fraction");
            for (int n = Math.min(i - start, 9); n < 9; n++) nanos *= 10;
        }
        long offsetSeconds;
        char zone = s.charAt(i);
        if ((zone == 'Z' || zone == 'z') && i + 1 == s.length()) {
            offsetSeconds = 0;
        } else if ((zone == '+' || zone == '-') && i + 6 == s.length() && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
            if (oh > 23 || om > 59) throw new IllegalArgumentException("offset out of range");
            offsetSeconds = (zone == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
        } else {
            throw new IllegalArgumentException("zone");
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long unixSeconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        if (unixSeconds == -UNIX_TO_GO_EPOCH_SECONDS && nanos == 0) return 0;
        return toNanos(unixSeconds, nanos);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("digit expected at " + i);
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Formats as Go's {@code time.RFC3339Nano} in UTC: trailing zeros of the fraction trimmed, "Z". */
    public static String formatRfc3339Nano(long nanos) {
        if (nanos == 0) return ZERO_TEXT;
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        int fraction = (int) Math.floorMod(nanos, NANOS_PER_SECOND);
        long epochDay = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        StringBuilder b = new StringBuilder(30).append(datePrefix(epochDay));
        pad(b, secondOfDay / 3600, 2).append(':');
        pad(b, secondOfDay / 60 % 60, 2).append(':');
        pad(b, secondOfDay % 60, 2);
        if (fraction != 0) {
            int width = 9;
            while (fraction % 10 == 0) {
                fraction /= 10;
                width--;
            }
            pad(b.append('.'), fraction, width);
        }
        return b.append('Z').toString();
    }

    /** The day most recently formatted; reports hold thousands of times from the same day. */
    private record Day(long epochDay, String prefix) {
    }

    private static volatile Day lastDay = new Day(Long.MIN_VALUE, "");

    /** "YYYY-MM-DDT" of a day. */
    private static String datePrefix(long epochDay) {
        Day day = lastDay;
        if (day.epochDay() == epochDay) return day.prefix();
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        StringBuilder b = new StringBuilder(11);
        pad(b, date.getYear(), 4).append('-');
        pad(b, date.getMonthValue(), 2).append('-');
        pad(b, date.getDayOfMonth(), 2).append('T');
        String prefix = b.toString();
        lastDay = new Day(epochDay, prefix);
        return prefix;
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) b.append('0');
        return b.append(digits);
    }

    /**
     * Decodes Go's {@code time.Time.MarshalBinary} form (15 bytes, version 1, or 16, version 2), which
     * Weave Scope's msgpack carries inside strings.
     *
     * @throws IllegalArgumentException when the bytes are not such a time
     */
    public static long fromBinary(byte[] b) {
        return fromBinary(b, b.length);
    }

    /** The same, from the first {@code length} bytes of {@code b}. */
    static long fromBinary(byte[] b, int length) {
        if (length == 0) return 0;
        int version = b[0];
        if (!(version == 1 && length == 15 || version == 2 && length == 16)) {
            throw new IllegalArgumentException("not a Go binary time (version " + version + ", " + length + " bytes)");
        }
        long goSeconds = 0;
        for (int i = 1; i <= 8; i++) goSeconds = goSeconds << 8 | (b[i] & 0xff);
        long nanos = (b[9] & 0xffL) << 24 | (b[10] & 0xff) << 16 | (b[11] & 0xff) << 8 | (b[12] & 0xff);
        if (nanos >= NANOS_PER_SECOND) throw new IllegalArgumentException("nanoseconds out of range: " + nanos);
        if (goSeconds == 0 && nanos == 0) return 0;
        // The zone offset (bytes 13-15) only says how to display the instant; the instant itself is in UTC.
        if (goSeconds < Long.MIN_VALUE + UNIX_TO_GO_EPOCH_SECONDS) return Long.MIN_VALUE;
        return toNanos(goSeconds - UNIX_TO_GO_EPOCH_SECONDS, nanos);
    }

    /** Encodes as Go's {@code time.Time.MarshalBinary} does for a UTC time (version 1, offset -1). */
    public static byte[] toBinary(long unixNanos) {
        long goSeconds = 0;
        int nanos = 0;
        if (unixNanos != 0) {
            goSeconds = Math.floorDiv(unixNanos, NANOS_PER_SECOND) + UNIX_TO_GO_EPOCH_SECONDS;
            nanos = (int) Math.floorMod(unixNanos, NANOS_PER_SECOND);
        }
        byte[] b = new byte[15];
        b[0] = 1;
        for (int i = 8; i >= 1; i--) {
            b[i] = (byte) goSeconds;
            goSeconds >>= 8;
        }
        b[9] = (byte) (nanos >>> 24);
        b[10] = (byte) (nanos >>> 16);
        b[11] = (byte) (nanos >>> 8);
        b[12] = (byte) nanos;
        b[13] = (byte) 0xff;
        b[14] = (byte) 0xff;
        return b;
    }

    /** Seconds and nanoseconds to Unix nanoseconds, clamped to the range of a long. */
    private static long toNanos(long unixSeconds, long nanos) {
        try {
            // Borrow a second for negative times so that the product stays in range near Long.MIN_VALUE.
            if (unixSeconds < 0 && nanos > 0) return Math.addExact(Math.multiplyExact(unixSeconds + 1, NANOS_PER_SECOND), nanos - NANOS_PER_SECOND);
            return Math.addExact(Math.multiplyExact(unixSeconds, NANOS_PER_SECOND), nanos);
        } catch (ArithmeticException outOfRange) {
            return unixSeconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
