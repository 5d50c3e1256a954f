package dev.scope.cli;

import dev.scope.probe.ScopeProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Run the probe alone, reporting this host to the given apps.")
final class ProbeCommand implements Callable<Integer> {
    @Mixin
    Logging logging = new Logging();

    @Mixin
    ProbeOptions probe = new ProbeOptions();

    @Parameters(paramLabel = "APP", arity = "0..*",
            description = "Apps to report to: host[:port] or a URL (default localhost:4040).")
    List<String> apps = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        List<String> targets = apps.isEmpty() ? List.of("localhost:4040") : apps;
        try {
            ProbeOps.check(probe.httpListen);
        } catch (IllegalArgumentException e) {
            System.err.println("scope: --probe.http.listen: " + e.getMessage());
            return 2;
        }
        ProbeOps ops = new ProbeOps();
        ScopeProbe running = ScopeProbe.start(probe.toConfig(targets, null), ops.metrics());
        try {
            ops.serve(probe.httpListen, running, probe.token);
        } catch (RuntimeException e) {
            running.close();
            ops.close();
            throw e;
        }
        System.err.println("Scope probe reporting to " + String.join(", ", targets));
        return Processes.runUntilStopped(() -> {
            running.close();
            ops.close();
        });
    }
}
