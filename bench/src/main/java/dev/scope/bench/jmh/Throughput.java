package dev.scope.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-iteration counters JMH reports as rates next to ops/s: {@code megabytes} of wire body handled
 * per second (MB/s, 10^6 bytes) and {@code reports} per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Throughput {
    public double megabytes;
    public long reports;

    @Setup(Level.Iteration)
    public void reset() {
        megabytes = 0;
        reports = 0;
    }

    void count(long bytes, int reportCount) {
        megabytes += bytes / 1e6;
        reports += reportCount;
    }
}
