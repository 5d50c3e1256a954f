package dev.scope.report;

/**
 * One value of a node's latest map with the time it was observed (Unix nanoseconds,
 * Go's {@code time.Time} precision). On merge the newer observation wins.
 */
public record Latest(String value, long timestamp) {
    public Latest {
        if (value == null) throw new NullPointerException("latest value");
    }

    /** Newest wins; equal times fall back to the greater value so that merge is commutative. */
    public Latest newest(Latest other) {
        if (timestamp != other.timestamp) return timestamp > other.timestamp ? this : other;
        return value.compareTo(other.value) >= 0 ? this : other;
    }
}
