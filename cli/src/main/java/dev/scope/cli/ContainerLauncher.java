package dev.scope.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts and stops the Scope container on a Docker engine, as Weave Scope's {@code scope launch} script does:
 * host PID and network namespaces (so the probe sees the host's processes and connections and the app listens on
 * the host's addresses), the engine's socket mounted, restarted with the engine.
 */
final class ContainerLauncher implements AutoCloseable {
    static final String DEFAULT_NAME = "scope";
    static final String ROLE_LABEL = "dev.scope.role";
    static final String SOCKET_IN_CONTAINER = "/var/run/docker.sock";
    /** Without --privileged: what the probe needs to read other processes (/proc/pid/fd), enter namespaces, read conntrack. */
    static final List<Capability> PROBE_CAPABILITIES = List.of(Capability.SYS_PTRACE, Capability.SYS_ADMIN, Capability.NET_ADMIN);

    /** How to run the container. */
    record Spec(String image, String name, boolean privileged, ContainerArgs args) {
    }

    private final String dockerHost;
    private final DockerClient docker;

    ContainerLauncher(String dockerHost) {
        this.dockerHost = dockerHost;
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(dockerHost))
                .connectionTimeout(Duration.ofSeconds(10)).responseTimeout(Duration.ofSeconds(60)).build();
        this.docker = DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build(), http);
    }

    static String defaultDockerHost() {
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? "unix:///var/run/docker.sock" : env;
    }

    /** Creates and starts the container; refuses when one of that name runs already. Returns its id. */
    String launch(Spec spec) {
        InspectContainerResponse existing = inspect(spec.name());
        if (existing != null) {
            if (Boolean.TRUE.equals(existing.getState().getRunning())) {
                throw new IllegalStateException("a container named " + spec.name() + " is already running: scope stop first");
            }
            docker.removeContainerCmd(existing.getId()).exec();
        }
        try {
            docker.inspectImageCmd(spec.image()).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException("the engine has no image " + spec.image()
                    + ": build and import it with deploy/image.sh (or pass --image)");
        }
        try {
            return createAndStart(spec, spec.privileged());
        } catch (com.github.dockerjava.api.exception.DockerException e) {
            // An engine that itself lacks a capability (a container, a restricted sandbox) cannot grant all of
            // them: the probe still works with the few it needs.
            if (!spec.privileged() || !String.valueOf(e.getMessage()).contains("caps")) throw e;
            System.err.println("scope: the engine cannot start a privileged container here (" + firstLine(e.getMessage())
                    + "); starting with " + PROBE_CAPABILITIES + " instead");
            docker.removeContainerCmd(spec.name()).withForce(true).exec();
            return createAndStart(spec, false);
        }
    }

    private String createAndStart(Spec spec, boolean privileged) {
        HostConfig host = HostConfig.newHostConfig()
                .withPidMode("host")
                .withNetworkMode("host")
                .withInit(true)
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withBinds(binds());
        if (privileged) {
            host.withPrivileged(true);
        } else {
            host.withCapAdd(PROBE_CAPABILITIES.toArray(Capability[]::new));
        }
        List<String> env = new ArrayList<>();
        if (dockerHost.startsWith("unix://")) {
            env.add("DOCKER_HOST=unix://" + SOCKET_IN_CONTAINER);
        } else {
            env.add("DOCKER_HOST=" + dockerHost);
        }
        spec.args().env().forEach((k, v) -> env.add(k + "=" + v));
        CreateContainerResponse created = docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withCmd(spec.args().args())
                .withEnv(env)
                .withLabels(Map.of(ROLE_LABEL, "launch"))
                .withHostConfig(host)
                .exec();
        docker.startContainerCmd(created.getId()).exec();
        return created.getId();
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    private List<Bind> binds() {
        List<Bind> binds = new ArrayList<>();
        if (dockerHost.startsWith("unix://")) {
            binds.add(Bind.parse(dockerHost.substring("unix://".length()) + ":" + SOCKET_IN_CONTAINER));
        }
        binds.add(Bind.parse("/var/run/scope/plugins:/var/run/scope/plugins"));
        return binds;
    }

    /** Whether the container still runs; its last log lines when it stopped. */
    boolean running(String name) {
        InspectContainerResponse c = inspect(name);
        return c != null && Boolean.TRUE.equals(c.getState().getRunning());
    }

    String logs(String name) {
        StringBuilder out = new StringBuilder();
        try {
            docker.logContainerCmd(name).withStdOut(true).withStdErr(true).withTail(30)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.append("(no logs: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    /** Stops and removes the container; false when there was none. */
    boolean stop(String name) {
        InspectContainerResponse c = inspect(name);
        if (c == null) return false;
        if (Boolean.TRUE.equals(c.getState().getRunning())) docker.stopContainerCmd(c.getId()).withTimeout(10).exec();
        docker.removeContainerCmd(c.getId()).withForce(true).exec();
        return true;
    }

    private InspectContainerResponse inspect(String name) {
        try {
            return docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Override
    public void close() throws java.io.IOException {
        docker.close();
    }
}
