package dev.scope.e2e.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One {@code scope} command run from the built {@code scope.jar} (system property {@code scope.jar}) in its own
 * JVM, as an operator runs it: e.g. {@code scope service query --listen 127.0.0.1:P}. Output goes to a log file.
 */
final class ScopeProcess implements AutoCloseable {
    // Small heaps and the quick compiler: a dozen of these share 2 cores with the test.
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ScopeProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("scope.jar", "../cli/target/scope.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no " + jar + ": build the cli module first");
        return jar;
    }

    /** {@code scope ARGS} with this environment added; {@code port} is where it serves /ready (0: nowhere). */
    static ScopeProcess start(String name, int port, Map<String, String> env, Path logDir, List<String> args) {
        return start(name, port, env, logDir, List.of(), args);
    }

    /** {@code WRAPPER... java -jar scope.jar ARGS}, e.g. with {@code unshare} in front. */
    static ScopeProcess start(String name, int port, Map<String, String> env, Path logDir, List<String> wrapper, List<String> args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            return new ScopeProcess(name, pb.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * A loopback port nobody listens on now, for a process to bind a moment later. Taken below the kernel's
     * ephemeral range: a port the kernel handed out (port 0) could meanwhile become the local end of one of the
     * many outgoing connections the replicas open, and the replica would then fail to bind it.
     */
    static synchronized int freePort() {
        int ephemeralStart = 32768;
        try {
            ephemeralStart = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // the usual Linux default then
        }
        int low = 10_000, high = Math.max(low + 1_000, ephemeralStart);
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(low, high);
            if (!HANDED_OUT.add(port)) continue;
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free loopback port below " + high);
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /** Waits until GET /ready answers 200. */
    ScopeProcess awaitReady() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            return ready();
        });
        return this;
    }

    private boolean ready() {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url() + "/ready")).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A crash: SIGKILL, no shutdown hooks, no deregistration. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy(); // SIGTERM: the command's orderly stop
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
