package dev.scope.service.http;

import io.vertx.core.Future;

/** Waiting for a Vert.x future from a plain thread (starting and stopping components): the app's {@link dev.scope.app.Futures}. */
public final class Futures {
    private Futures() {
    }

    public static <T> T await(Future<T> future) {
        return dev.scope.app.Futures.await(future);
    }
}
