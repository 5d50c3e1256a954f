package dev.scope.cli;

import dev.scope.probe.ProbeConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The probe's flags; Weave Scope's names are accepted where they exist. */
final class ProbeOptions {
    @Option(names = {"--probe.token", "--service-token"}, paramLabel = "TOKEN",
            description = "Token the probe presents to apps (Authorization: Scope-Probe token=...). Also read from SCOPE_PROBE_TOKEN.")
    String token = System.getenv("SCOPE_PROBE_TOKEN");

    @Option(names = "--probe.no-controls", description = "Read-only probe: run no controls (no shells, no pause/stop).")
    boolean noControls;

    @Option(names = {"--probe.omit-cmd-args", "--probe.omit.cmd-args"},
            description = "Report processes without their command-line arguments.")
    boolean omitCmdArgs;

    @Option(names = "--probe.plugins-root", paramLabel = "DIR",
            description = "Where plugin sockets live (default /var/run/scope/plugins).")
    Path pluginsRoot = Path.of("/var/run/scope/plugins");

    @Option(names = "--probe.http.listen", paramLabel = "HOST:PORT",
            description = "Serve the probe's /metrics, /health, /ready and /debug endpoints here (loopback only; "
                    + "with the probe's token when it has one). Off by default.")
    String httpListen;

    ProbeConfig toConfig(List<String> appTargets, String fallbackToken) {
        return ProbeConfig.defaults(appTargets)
                .withToken(token != null ? token : fallbackToken)
                .withNoControls(noControls)
                .withOmitCmdArgs(omitCmdArgs)
                .withPluginsRoot(pluginsRoot);
    }
}
