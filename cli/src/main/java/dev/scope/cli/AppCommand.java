package dev.scope.cli;

import dev.scope.app.ScopeApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Run the app alone: collect reports from probes and serve the UI and API.")
final class AppCommand implements Callable<Integer> {
    @Mixin
    Logging logging = new Logging();

    @Mixin
    AppOptions app = new AppOptions();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        ScopeApp running = ScopeApp.start(app.toConfig());
        System.err.println("Scope app listening on " + Urls.of(app.toConfig(), running.port()));
        return Processes.runUntilStopped(running::close);
    }
}
