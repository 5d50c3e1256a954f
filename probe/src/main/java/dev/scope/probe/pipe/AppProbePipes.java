package dev.scope.probe.pipe;

import dev.scope.probe.ProbePipe;
import dev.scope.probe.ProbePipes;
import dev.scope.probe.publish.AppClient;
import java.security.SecureRandom;
import java.util.function.Function;

/** Opens pipes back to the app a control came from, with ids like Weave Scope's ({@code pipe-<decimal>}). */
public final class AppProbePipes implements ProbePipes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<String, AppClient> appsById;

    public AppProbePipes(Function<String, AppClient> appsById) {
        this.appsById = appsById;
    }

    @Override
    public ProbePipe open(String appId) {
        AppClient app = appsById.apply(appId);
        if (app == null) throw new IllegalStateException("no connection to app " + appId);
        WebSocketProbePipe pipe = new WebSocketProbePipe("pipe-" + (RANDOM.nextLong() & Long.MAX_VALUE), app);
        pipe.connect();
        return pipe;
    }
}
