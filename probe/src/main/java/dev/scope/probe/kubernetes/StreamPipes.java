package dev.scope.probe.kubernetes;

import dev.scope.probe.ProbePipe;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies log streams into a pipe, one line at a time, each prefixed with its container's name padded to the
 * longest (as Weave Scope's {@code logReadCloser} does), so that several containers' logs can share one terminal.
 * The pipe closes when every stream has ended; closing the pipe closes the streams. What the browser types is ignored.
 */
final class StreamPipes {
    private static final Logger log = LoggerFactory.getLogger(StreamPipes.class);

    private StreamPipes() {
    }

    record Source(String label, InputStream stream, Closeable resource) {
    }

    static void copyLines(ProbePipe pipe, List<Source> sources) {
        int width = sources.stream().mapToInt(s -> s.label().length()).max().orElse(0);
        AtomicInteger open = new AtomicInteger(sources.size());
        pipe.onClose(() -> sources.forEach(s -> closeQuietly(s.resource())));
        if (sources.isEmpty()) {
            pipe.close();
            return;
        }
        for (Source s : sources) {
            String prefix = "[" + s.label() + "]" + " ".repeat(width - s.label().length()) + " ";
            Thread.ofVirtual().name("k8s-log-" + s.label()).start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(s.stream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        pipe.send((prefix + line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    log.debug("log stream of {} ended: {}", s.label(), e.toString());
                } finally {
                    closeQuietly(s.resource());
                    if (open.decrementAndGet() == 0) pipe.close();
                }
            });
        }
    }

    /** Sends a finished text, then closes the pipe (describe). */
    static void sendAndClose(ProbePipe pipe, String text) {
        Thread.ofVirtual().name("k8s-describe").start(() -> {
            try {
                pipe.send(text.getBytes(StandardCharsets.UTF_8));
            } finally {
                pipe.close();
            }
        });
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) c.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing a log stream failed", e);
        }
    }
}
