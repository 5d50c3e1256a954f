package dev.scope.report.codec;

import dev.scope.report.Latest;
import java.util.TreeSet;

/**
 * The {@code latestControls} map of probes older than Weave Scope 1.2, folded the way Weave Scope's decoder
 * folds it into the {@code active_controls} latest value: the live controls joined by {@code ;}. Names are
 * sorted (Go's order is random) and the newest entry's time is used.
 */
final class LatestControls {
    private final TreeSet<String> live = new TreeSet<>();
    private boolean present;
    private long newest;

    void add(String control, boolean dead, long timestamp) {
        present = true;
        if (!dead) live.add(control);
        newest = Math.max(newest, timestamp);
    }

    /** Go converts only a non-empty map. */
    boolean present() {
        return present;
    }

    Latest activeControls() {
        return new Latest(String.join(";", live), newest);
    }
}
