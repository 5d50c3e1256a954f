package dev.scope.report.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes of short strings into Strings, reusing the String when the same bytes come again. Reports
 * repeat a few thousand short strings endlessly (field names, latest keys, topology names, image names, process
 * names, states), within one report and from each report of a probe to the next: one table shared by every decode
 * saves most of the UTF-8 decoding, and the decoded reports an app or query replica holds for its window share
 * their Strings instead of each holding copies.
 *
 * <p>A direct-mapped table without locks: a slot holds an immutable entry, so a racing reader sees either a whole
 * entry or another whole entry (final fields), and a collision only costs a miss. Bytes are always compared in
 * full, so a returned String always equals the bytes decoded.
 */
final class ShortStrings {
    static final int MAX_LENGTH = 32;
    private static final int SLOTS = 1 << 14;
    static final ShortStrings SHARED = new ShortStrings();

    private record Entry(byte[] bytes, String string) {
    }

    private final Entry[] entries = new Entry[SLOTS];

    String get(byte[] buffer, int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) hash = 31 * hash + buffer[i];
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        Entry known = entries[slot];
        if (known != null && Arrays.equals(known.bytes, 0, known.bytes.length, buffer, 0, length)) return known.string;
        String s = new String(buffer, 0, length, StandardCharsets.UTF_8);
        entries[slot] = new Entry(Arrays.copyOf(buffer, length), s);
        return s;
    }
}
