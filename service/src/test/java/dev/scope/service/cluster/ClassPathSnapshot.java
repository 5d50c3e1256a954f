package dev.scope.service.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test class path for child JVMs, with its class directories copied once: the replicas load classes lazily for
 * minutes, and a build running meanwhile in the same tree (another module's, another engineer's) rewrites
 * {@code target/classes}, which would make a replica fail with ClassNotFoundException halfway through the test.
 */
final class ClassPathSnapshot {
    private static String snapshot;

    private ClassPathSnapshot() {
    }

    static synchronized String classPath() {
        if (snapshot == null) snapshot = copy(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        return snapshot;
    }

    private static String copy(String classPath) {
        try {
            Path root = Files.createTempDirectory("scope-cluster-classes");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!Files.isDirectory(p)) {
                    entries.add(entry);
                    continue;
                }
                Path target = root.resolve(Integer.toString(n++));
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path to = target.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) Files.createDirectories(to);
                        else Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                entries.add(target.toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the test class path", e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
