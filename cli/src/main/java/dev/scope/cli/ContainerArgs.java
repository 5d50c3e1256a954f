package dev.scope.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code scope launch --container ...} hands the {@code scope} inside the container: the same command line
 * minus the options about the container itself, with secrets moved from arguments (readable by every user of the
 * host in /proc) to the container's environment.
 */
record ContainerArgs(List<String> args, Map<String, String> env) {
    /** Options that configure the container, not the scope inside it: name → whether it takes a value. */
    static final Map<String, Boolean> CONTAINER_OPTIONS = Map.of(
            "--container", false, "--privileged", false, "--no-privileged", false,
            "--image", true, "--docker-host", true, "--container-name", true);

    /** Secret options and the environment variable the inner scope reads instead. */
    static final Map<String, String> SECRETS = Map.of(
            "--token", "SCOPE_TOKEN", "--app.token", "SCOPE_TOKEN",
            "--probe.token", "SCOPE_PROBE_TOKEN", "--service-token", "SCOPE_PROBE_TOKEN");

    /** {@code launchArgs}: what followed {@code launch} on the command line. */
    static ContainerArgs from(List<String> launchArgs) {
        List<String> out = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        out.add("launch");
        for (int i = 0; i < launchArgs.size(); i++) {
            String arg = launchArgs.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String inlineValue = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
            Boolean takesValue = CONTAINER_OPTIONS.get(name);
            if (takesValue != null) {
                if (takesValue && inlineValue == null) i++;
                continue;
            }
            String secretEnv = SECRETS.get(name);
            if (secretEnv != null) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= launchArgs.size()) throw new IllegalArgumentException(name + " needs a value");
                    value = launchArgs.get(++i);
                }
                env.put(secretEnv, value);
                continue;
            }
            out.add(arg);
        }
        return new ContainerArgs(List.copyOf(out), Map.copyOf(env));
    }
}
