package dev.scope.e2e;

import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ScopeProbe;
import java.time.Duration;
import java.util.List;

/** A real app on a free loopback port with the UI jar on the classpath, and a real probe reporting to it. */
final class ScopeStack implements AutoCloseable {
    private final ScopeApp app;
    private final ScopeProbe probe;

    private ScopeStack(ScopeApp app, ScopeProbe probe) {
        this.app = app;
        this.probe = probe;
    }

    static ScopeStack start(String dockerHost) {
        ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0));
        try {
            ScopeProbe probe = ScopeProbe.start(ProbeConfig.defaults(List.of("http://127.0.0.1:" + app.port()))
                    .withIntervals(Duration.ofMillis(500), Duration.ofSeconds(1))
                    .withPluginsRoot(null)
                    .withModules(List.of(new PrivateEngineDocker(dockerHost)), false));
            return new ScopeStack(app, probe);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    String url() {
        return "http://127.0.0.1:" + app.port() + "/";
    }

    @Override
    public void close() {
        probe.close();
        app.close();
    }
}
