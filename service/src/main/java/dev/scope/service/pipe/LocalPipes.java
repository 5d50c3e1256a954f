package dev.scope.service.pipe;

import dev.scope.app.Pipe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The pipes with an end on this replica, by organisation and id, kept as the app keeps its pipes: made when an end
 * first connects, closed when an end stays unconnected for the idle timeout, and remembered closed for ten idle
 * periods so late connections are refused.
 */
final class LocalPipes {
    static final int MAX_PIPES = 4096;

    record Key(String org, String id) {
    }

    private final Map<Key, Pipe> pipes = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final Consumer<Key> onClosed;

    LocalPipes(long idleNanos, Consumer<Key> onClosed) {
        this.idleNanos = idleNanos;
        this.onClosed = onClosed;
    }

    /** The pipe, made if new; null when this replica holds too many already. */
    Pipe getOrCreate(Key key) {
        Pipe pipe = pipes.get(key);
        if (pipe != null) return pipe;
        if (pipes.size() >= MAX_PIPES) return null;
        return pipes.computeIfAbsent(key, k -> {
            Pipe made = new Pipe(k.id(), System.nanoTime());
            made.onClose(() -> onClosed.accept(k));
            return made;
        });
    }

    Pipe get(Key key) {
        return pipes.get(key);
    }

    int open() {
        return (int) pipes.values().stream().filter(p -> !p.isClosed()).count();
    }

    void sweep(long now) {
        pipes.forEach((key, p) -> {
            if (p.idle(now, idleNanos)) p.close(now);
            else if (p.isClosed() && now - p.closedAt() >= 10 * idleNanos) pipes.remove(key, p);
        });
    }

    void closeAll() {
        pipes.values().forEach(p -> p.close(System.nanoTime()));
    }
}
