package dev.scope.report.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes of short strings into Strings, reusing the String when the same bytes come again. A report
 * repeats a few hundred short strings thousands of times (field names, latest keys, topology names), so this
 * saves most of the UTF-8 decoding and shares the Strings in the decoded model. One per decode, not shared.
 */
final class ShortStrings {
    static final int MAX_LENGTH = 32;
    private static final int SLOTS = 1024;

    private final byte[][] bytes = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];

    String get(byte[] buffer, int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) hash = 31 * hash + buffer[i];
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        byte[] known = bytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, buffer, 0, length)) return strings[slot];
        String s = new String(buffer, 0, length, StandardCharsets.UTF_8);
        bytes[slot] = Arrays.copyOf(buffer, length);
        strings[slot] = s;
        return s;
    }
}
