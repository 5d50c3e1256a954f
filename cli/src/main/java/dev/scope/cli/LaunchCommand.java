package dev.scope.cli;

import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;
import dev.scope.probe.ScopeProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scope launch [PEER ...]}: an app and a probe on this host, the probe reporting to the
 * local app and to every peer app named, as Weave Scope's {@code scope launch} does.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Run an app and a probe on this host; open http://localhost:4040.",
                "Peers (host[:port]) are further apps the probe reports to."})
final class LaunchCommand implements Callable<Integer> {
    @Mixin
    Logging logging = new Logging();

    @Mixin
    AppOptions app = new AppOptions();

    @Mixin
    ProbeOptions probe = new ProbeOptions();

    @Option(names = "--no-app", description = "Run only the probe, reporting to the peers.")
    boolean noApp;

    @Option(names = "--no-probe", description = "Run only the app.")
    boolean noProbe;

    @Parameters(paramLabel = "PEER", arity = "0..*", description = "Other apps to report to.")
    List<String> peers = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        if (noApp && peers.isEmpty()) {
            System.err.println("scope launch --no-app needs at least one app to report to");
            return 2;
        }
        List<AutoCloseable> running = new ArrayList<>();
        List<String> targets = new ArrayList<>(peers);
        if (!noApp) {
            AppConfig config = app.toConfig();
            ScopeApp started = ScopeApp.start(config);
            running.add(started::close);
            targets.addFirst(Urls.loopbackTarget(config, started.port()));
            System.err.println("Scope app listening on " + Urls.of(config, started.port()));
        }
        if (!noProbe) {
            ScopeProbe started = ScopeProbe.start(probe.toConfig(targets, app.token));
            running.add(started::close);
            System.err.println("Scope probe reporting to " + String.join(", ", targets));
        }
        return Processes.runUntilStopped(() -> {
            for (AutoCloseable c : running.reversed()) c.close();
        });
    }
}
