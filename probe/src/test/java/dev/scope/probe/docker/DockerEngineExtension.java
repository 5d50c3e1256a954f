package dev.scope.probe.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the private Docker engine of {@code src/test/docker/engine.sh} once per test run (stopped when the run
 * ends) and hands tests a {@link DockerEngine}. Skips the tests, saying why, when Docker is not installed.
 */
public final class DockerEngineExtension implements ExecutionCondition, ParameterResolver {
    static final String PACKAGES = "docker.io containerd runc busybox-static tini";
    private static final Path SCRIPT = Path.of("src/test/docker/engine.sh");

    /** The running engine: its address and a client for setting up test containers. */
    public record DockerEngine(String dockerHost, DockerClient client) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            client.close();
            run("stop");
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!onPath("dockerd") || !onPath("busybox")) {
            return ConditionEvaluationResult.disabled("Docker is not installed: apt-get install -y --no-install-recommends " + PACKAGES);
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return ConditionEvaluationResult.disabled("the private Docker engine needs root");
        }
        return ConditionEvaluationResult.enabled("dockerd found");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DockerEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(DockerEngine.class, k -> start(), DockerEngine.class);
    }

    private static DockerEngine start() {
        String out = run("start");
        String host = out.lines().filter(l -> l.startsWith("DOCKER_HOST=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("engine.sh printed no DOCKER_HOST: " + out))
                .substring("DOCKER_HOST=".length());
        var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).build();
        DockerClient client = DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build(), http);
        return new DockerEngine(host, client);
    }

    private static String run(String command) {
        try {
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("engine.sh " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run engine.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
