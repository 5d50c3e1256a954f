package dev.scope.service.gateway;

import dev.scope.service.auth.InternalHeaders;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one component, in the order a request should try them (a caller fails over to the next when a
 * connection cannot be made). Stateless components (users, collection) go round-robin. Components that keep
 * per-organisation state (query: an organisation's decoded window and renders; control and pipe: an organisation's
 * probe connections and pipe ends) are ordered by rendezvous hashing of the organisation: every gateway sends an
 * organisation to the same replica, so a replica holds only its share of the organisations and adding replicas
 * spreads them, and when a replica goes only its organisations move, each to its own next choice.
 */
final class Backend {
    private final String name;
    private final List<URI> replicas;
    private final long[] seeds; // one per replica, from its URL, so the order does not depend on the list's order
    private final boolean byOrganisation;
    private final AtomicInteger next = new AtomicInteger();

    Backend(String name, List<URI> replicas) {
        this(name, replicas, false);
    }

    Backend(String name, List<URI> replicas, boolean byOrganisation) {
        this.name = name;
        this.replicas = List.copyOf(replicas);
        this.byOrganisation = byOrganisation;
        this.seeds = this.replicas.stream().mapToLong(r -> mix(r.toString().hashCode())).toArray();
    }

    String name() {
        return name;
    }

    boolean configured() {
        return !replicas.isEmpty();
    }

    /** The replicas for a request carrying these internal headers. */
    List<URI> order(Map<String, String> internal) {
        String org = internal.get(InternalHeaders.ORG_ID);
        return byOrganisation && org != null ? orderFor(org) : order();
    }

    /** Round-robin: every replica, starting with this request's turn. */
    List<URI> order() {
        int n = replicas.size();
        if (n <= 1) return replicas;
        int start = Math.floorMod(next.getAndIncrement(), n);
        List<URI> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(replicas.get((start + i) % n));
        return out;
    }

    /** Rendezvous order for a key: highest score first, the score a hash of the key and the replica. */
    List<URI> orderFor(String key) {
        int n = replicas.size();
        if (n <= 1) return replicas;
        long k = mix(key.hashCode());
        List<Integer> indices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) indices.add(i);
        indices.sort(Comparator.comparingLong((Integer i) -> mix(k ^ seeds[i])).reversed());
        List<URI> out = new ArrayList<>(n);
        for (int i : indices) out.add(replicas.get(i));
        return out;
    }

    /** splitmix64's finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
