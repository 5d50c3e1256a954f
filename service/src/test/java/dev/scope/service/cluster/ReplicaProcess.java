package dev.scope.service.cluster;

import dev.scope.service.db.DatabaseSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A component replica running as a separate JVM ({@link ReplicaMain}), its output in a log file. */
final class ReplicaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Path log;

    private ReplicaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread.ofPlatform().daemon().name("out-" + name).start(this::pump);
    }

    static ReplicaProcess start(String component, String name, DatabaseSettings db, Path logDir) {
        return start(component, name, db, logDir, java.util.Map.of());
    }

    static ReplicaProcess start(String component, String name, DatabaseSettings db, Path logDir, java.util.Map<String, String> env) {
        String classPath = ClassPathSnapshot.classPath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "probe".equals(component) ? "-Xmx512m" : "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", classPath, ReplicaMain.class.getName(), component));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SCOPE_DB_URL", db.jdbcUrl());
        pb.environment().put("SCOPE_DB_USER", db.user());
        pb.environment().put("SCOPE_DB_PASSWORD", db.password());
        pb.environment().put("SCOPE_DB_POOL_SIZE", "4");
        pb.environment().putAll(env);
        try {
            Files.createDirectories(logDir);
            return new ReplicaProcess(name, pb.start(), logDir.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var file = Files.newBufferedWriter(log)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!port.isDone() && line.startsWith("READY ")) port.complete(Integer.parseInt(line.substring(6).strip()));
                file.write(line);
                file.newLine();
                file.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the process went
        } finally {
            port.completeExceptionally(new IllegalStateException(name + " exited before it was ready; see " + log));
        }
    }

    /** Waits until the replica serves and returns its port. */
    int awaitPort() {
        try {
            return port.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start: " + e.getMessage() + " (log: " + log + ")", e);
        }
    }

    int port() {
        return port.join();
    }

    String name() {
        return name;
    }

    /** A crash: SIGKILL, no shutdown hooks, no deregistration. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        try {
            process.getOutputStream().close(); // ReplicaMain exits when its stdin closes
        } catch (IOException e) {
            // then it is killed below
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
