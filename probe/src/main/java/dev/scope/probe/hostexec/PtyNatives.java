package dev.scope.probe.hostexec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Puts pty4j's native library in one stable folder and points {@code pty4j.preferred.native.folder} at it,
 * instead of pty4j extracting a copy into the temp dir for every JVM. Rewritten only when its bytes differ.
 */
public final class PtyNatives {
    static final String PROPERTY = "pty4j.preferred.native.folder";
    private static final String LIBRARY = "linux/x86-64/libpty.so";

    private PtyNatives() {
    }

    /** Prepares the folder once per JVM; keeps any folder the user set. */
    public static synchronized void prepare(Path folder) throws IOException {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isEmpty()) return;
        if (!"amd64".equals(System.getProperty("os.arch")) && !"x86_64".equals(System.getProperty("os.arch"))) return;
        byte[] bundled;
        try (InputStream in = PtyNatives.class.getResourceAsStream("/resources/com/pty4j/native/" + LIBRARY)) {
            if (in == null) return; // let pty4j find its own
            bundled = in.readAllBytes();
        }
        Path target = folder.resolve(LIBRARY);
        if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), bundled)) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "libpty", ".tmp");
            Files.write(tmp, bundled);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.setProperty(PROPERTY, folder.toAbsolutePath().toString());
    }

    /** {@code $XDG_CACHE_HOME/scope/pty4j} or {@code ~/.cache/scope/pty4j}. */
    public static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("scope").resolve("pty4j");
    }
}
