package dev.scope.report;

/** How many of the observed items a probe kept; merging adds up, so the app sees the total. */
public record Sampling(long count, long total) {
    public static final Sampling NONE = new Sampling(0, 0);

    public Sampling merge(Sampling other) {
        return new Sampling(count + other.count, total + other.total);
    }
}
