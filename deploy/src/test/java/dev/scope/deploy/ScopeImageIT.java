package dev.scope.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.scope.probe.docker.DockerEngineExtension;
import dev.scope.probe.docker.DockerEngineExtension.DockerEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The image built by {@code package}, imported into the private test engine and started by the real
 * {@code scope launch --container}: the app answers, the probe inside sees the engine's containers and the host's
 * processes, and {@code scope stop} removes it. Prints the image size and the time to the first answer of /api.
 */
@ExtendWith(DockerEngineExtension.class)
class ScopeImageIT {
    private static final String IMAGE = "scope:it";
    private static final String NAME = "scope-image-it";
    private static final String SLEEPER = "scope-image-it-sleeper";
    private final Path deploy = Path.of(System.getProperty("deploy.dir"));
    private final Path rootfs = Path.of(System.getProperty("image.work"), "scope-rootfs.tar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DockerEngine engine;

    @AfterEach
    void cleanUp() {
        if (engine == null) return;
        for (String c : List.of(NAME, SLEEPER)) {
            try {
                engine.client().removeContainerCmd(c).withForce(true).exec();
            } catch (NotFoundException e) {
                // already gone
            }
        }
        try {
            engine.client().removeImageCmd(IMAGE).withForce(true).exec(); // 160 MB per run otherwise
        } catch (NotFoundException e) {
            // never imported
        }
    }

    @Test
    void launchedImageShowsTheEnginesContainersAndAnswers(DockerEngine engine) throws Exception {
        this.engine = engine;
        assertThat(rootfs).as("the root filesystem made by mvn package").exists();
        dockerImport(engine.dockerHost());
        long size = engine.client().inspectImageCmd(IMAGE).exec().getSize();
        System.out.printf("scope image: %.1f MB (root filesystem tar %.1f MB)%n", size / 1e6, Files.size(rootfs) / 1e6);

        DockerClient docker = engine.client();
        docker.createContainerCmd("local/busybox").withName(SLEEPER).withCmd("sleep", "600")
                .withHostConfig(HostConfig.newHostConfig().withInit(true)).exec();
        docker.startContainerCmd(SLEEPER).exec();

        int port = freePort(), probePort = freePort();
        long started = System.nanoTime();
        // Privileged as Weave Scope's (where the engine cannot grant every capability, as in this sandbox without
        // CAP_SYS_RESOURCE, launch falls back to the few the probe needs).
        Result launch = scope("launch", "--container", "--image", IMAGE, "--container-name", NAME,
                "--docker-host", engine.dockerHost(), "--listen", "127.0.0.1:" + port,
                "--probe.http.listen", "127.0.0.1:" + probePort);
        assertThat(launch.exit()).as(launch.output()).isZero();
        System.out.printf("scope launch --container: /api answered after %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(launch.output()).contains("Scope is reachable at http://127.0.0.1:" + port);

        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(get(port, "/api/topology/containers?system=all")).contains(SLEEPER);
                assertThat(get(port, "/api/topology/processes?system=all&pseudo=show&unconnected=show"))
                        .contains(";" + ProcessHandle.current().pid() + "\"");
            });
        } catch (AssertionError | RuntimeException e) {
            Result logs = run(List.of("docker", "--host", engine.dockerHost(), "logs", "--tail", "60", NAME), Duration.ofMinutes(1));
            throw new AssertionError(e.getMessage() + "\nthe container's log:\n" + logs.output(), e);
        }
        assertThat(get(port, "/health")).isEqualTo("ok\n");
        assertThat(get(port, "/debug/threads")).startsWith("Thread dump");
        assertThat(get(probePort, "/ready")).isEqualTo("ready\n");
        assertThat(get(probePort, "/metrics")).contains("scope_probe_spy_seconds_count{reporter=\"docker\"}")
                .contains("scope_probe_publish_seconds_count{app=\"127.0.0.1:" + port + "\"}");

        Result stop = scope("stop", "--container-name", NAME, "--docker-host", engine.dockerHost());
        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(docker.listContainersCmd().withShowAll(true).exec())
                .noneMatch(c -> List.of(c.getNames()).contains("/" + NAME));
    }

    private void dockerImport(String dockerHost) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker", "--host", dockerHost, "import"));
        for (String change : Files.readAllLines(deploy.resolve("src/image/import-changes"))) {
            if (!change.isBlank()) cmd.addAll(List.of("-c", change));
        }
        cmd.addAll(List.of(rootfs.toString(), IMAGE));
        Result r = run(cmd, Duration.ofMinutes(3));
        assertThat(r.exit()).as(r.output()).isZero();
    }

    private Result scope(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-jar", deploy.resolve("../cli/target/scope.jar").normalize().toString()));
        cmd.addAll(List.of(args));
        return run(cmd, Duration.ofMinutes(3));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("scope-image-it", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + cmd + "\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
