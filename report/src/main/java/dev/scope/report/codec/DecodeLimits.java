package dev.scope.report.codec;

/**
 * Bounds on what a decoder accepts, so that a hostile or broken body costs at most this much.
 *
 * @param maxBytes        decompressed bytes read at most (the compressed input is held to the same bound)
 * @param maxDepth        nesting of maps and arrays at most; a report nests 8 deep (metric samples), plus 2 per
 *                        level of node children
 * @param maxStringLength bytes in one string at most, checked before the string is allocated
 */
public record DecodeLimits(long maxBytes, int maxDepth, int maxStringLength) {
    public DecodeLimits {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        if (maxDepth <= 0) throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
        if (maxStringLength <= 0) throw new IllegalArgumentException("maxStringLength must be positive: " + maxStringLength);
    }

    /** 64 MiB decompressed, depth 64, strings up to 16 MiB. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(64L << 20, 64, 16 << 20);
    }
}
