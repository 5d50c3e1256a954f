package dev.scope.probe.containerd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private containerd for one test class: its own root, state and socket under a temporary directory, the CRI
 * plugin off, and a busybox root filesystem for containers (no images, so nothing is ever pulled). Needs root and
 * Debian's containerd, runc and busybox-static; tests are skipped, with a message, where these are missing.
 */
final class ContainerdDaemon implements AutoCloseable {
    static final String NAMESPACE = "scopetest";

    final Path dir;
    final Path socket;
    final Path rootfs;
    private final Process daemon;
    private final List<String> containers = new ArrayList<>();

    private ContainerdDaemon(Path dir, Process daemon) {
        this.dir = dir;
        this.socket = dir.resolve("containerd.sock");
        this.rootfs = dir.resolve("rootfs");
        this.daemon = daemon;
    }

    static ContainerdDaemon start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "containerd tests need root");
        for (String tool : new String[] {"/usr/bin/containerd", "/usr/bin/ctr", "/usr/sbin/runc", "/bin/busybox"}) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is missing (install containerd, runc and busybox-static)");
        }
        Path dir = Files.createTempDirectory("scope-containerd-");
        Path rootfs = dir.resolve("rootfs");
        for (String d : new String[] {"bin", "proc", "dev", "sys", "tmp", "etc"}) Files.createDirectories(rootfs.resolve(d));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        for (String tool : new String[] {"sh", "sleep"}) Files.createSymbolicLink(rootfs.resolve("bin/" + tool), Path.of("busybox"));
        Files.writeString(dir.resolve("config.toml"), """
                version = 2
                root = "%s/root"
                state = "%s/state"
                disabled_plugins = ["io.containerd.grpc.v1.cri"]
                [grpc]
                  address = "%s/containerd.sock"
                [ttrpc]
                  address = "%s/containerd.sock.ttrpc"
                """.formatted(dir, dir, dir, dir));
        Process p = new ProcessBuilder("/usr/bin/containerd", "--config", dir.resolve("config.toml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile()).start();
        ContainerdDaemon d = new ContainerdDaemon(dir, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(d.socket) && System.nanoTime() < deadline && p.isAlive()) Thread.sleep(50);
        if (!Files.exists(d.socket)) {
            d.close();
            throw new IllegalStateException("containerd did not start; see " + dir.resolve("containerd.log"));
        }
        return d;
    }

    /** Runs ctr against this daemon in the test namespace; returns its output, failing on a non-zero exit. */
    String ctr(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/ctr", "--address", socket.toString(), "--namespace", NAMESPACE));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ctr " + String.join(" ", args) + " did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IllegalStateException("ctr " + String.join(" ", args) + " failed: " + out);
        return out;
    }

    /** Starts {@code /bin/sleep 1000} as container {@code id} with the given labels ({@code k=v}). */
    void runSleeper(String id, String... labels) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        for (String l : labels) args.addAll(List.of("--label", l));
        args.addAll(List.of("--rootfs", rootfs.toString(), id, "/bin/sleep", "1000"));
        containers.add(id);
        ctr(args.toArray(String[]::new));
    }

    /** Creates container {@code id} with the given labels ({@code k=v}) without starting a task. */
    void create(String id, String... labels) throws Exception {
        containers.add(id);
        List<String> args = new ArrayList<>(List.of("containers", "create"));
        for (String l : labels) args.addAll(List.of("--label", l));
        args.addAll(List.of("--rootfs", rootfs.toString(), id, "/bin/sleep", "1000"));
        ctr(args.toArray(String[]::new));
    }

    /** The task status ctr shows (RUNNING, PAUSED, STOPPED), or null without a task. */
    String taskStatus(String id) throws Exception {
        for (String line : ctr("tasks", "ls").split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 3 && cols[0].equals(id)) return cols[2];
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        for (String id : containers) {
            try {
                ctr("tasks", "kill", "--signal", "SIGKILL", "--all", id);
            } catch (RuntimeException e) {
                // no task, or already stopped
            }
            try {
                ctr("tasks", "delete", "--force", id);
            } catch (RuntimeException e) {
                // no task
            }
            try {
                ctr("containers", "delete", id);
            } catch (RuntimeException e) {
                // already gone
            }
        }
        daemon.destroy();
        if (!daemon.waitFor(20, TimeUnit.SECONDS)) daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        try (Stream<Path> paths = Files.walk(dir)) {
            // Files.walk does not follow symbolic links, so nothing outside dir is touched.
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover mount (should not happen once tasks are deleted): leave the directory for inspection
        }
    }
}
