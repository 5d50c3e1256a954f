package dev.scope.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names Scope's code registers (string literals {@code "scope_..."} in the main sources), so that
 * dashboards and alerts that name a metric no process exports fail a test instead of staying silently empty.
 */
final class MetricNames {
    private static final Pattern LITERAL = Pattern.compile("\"(scope_[a-z0-9_]+)\"");
    private static final Pattern USED = Pattern.compile("\\b(scope_[a-z0-9_]+)");
    private static final String[] PROMETHEUS_SUFFIXES = {"_total", "_bucket", "_count", "_sum", "_max"};

    private MetricNames() {
    }

    static Set<String> registered(Path repo) {
        Set<String> names = new TreeSet<>();
        for (String module : new String[] {"app", "probe", "service", "ops", "cli"}) {
            Path src = repo.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) continue;
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        Matcher m = LITERAL.matcher(Files.readString(f));
                        while (m.find()) names.add(m.group(1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The scope_* metrics an expression names, without Prometheus' suffixes. */
    static Set<String> used(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = USED.matcher(expr);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Whether {@code used} is a registered name, or one of them plus a suffix Prometheus adds. */
    static boolean exported(String used, Set<String> registered) {
        if (registered.contains(used)) return true;
        for (String suffix : PROMETHEUS_SUFFIXES) {
            if (used.endsWith(suffix) && registered.contains(used.substring(0, used.length() - suffix.length()))) return true;
        }
        return false;
    }
}
