package dev.scope.service.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one component. Requests go round-robin; {@link #order()} lists every replica starting with this
 * request's turn, so a caller can fail over to the next one when a connection cannot be made.
 */
final class Backend {
    private final String name;
    private final List<URI> replicas;
    private final AtomicInteger next = new AtomicInteger();

    Backend(String name, List<URI> replicas) {
        this.name = name;
        this.replicas = List.copyOf(replicas);
    }

    String name() {
        return name;
    }

    boolean configured() {
        return !replicas.isEmpty();
    }

    List<URI> order() {
        int n = replicas.size();
        if (n <= 1) return replicas;
        int start = Math.floorMod(next.getAndIncrement(), n);
        List<URI> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(replicas.get((start + i) % n));
        return out;
    }
}
