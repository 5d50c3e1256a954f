package dev.scope.bench.load;

import dev.scope.app.ScopeApp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The app a load run measures: a child JVM (its own RSS and CPU) or, for quick looks, this JVM. */
sealed interface AppUnderTest extends AutoCloseable {
    String baseUrl();

    /** The process whose memory and CPU are the app's. */
    long pid();

    /** True when the driver shares the process, so RSS and CPU include the driver's own. */
    boolean sharesProcess();

    @Override
    void close();

    static AppUnderTest start(String mode, long windowSeconds, long maxHeldBytes, List<String> jvmFlags) throws IOException {
        if (mode.equals("in-process")) return new InProcess(ScopeApp.start(AppMain.config(windowSeconds, maxHeldBytes)));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        if (mode.equals("child")) {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AppMain.class.getName(),
                    Long.toString(windowSeconds), Long.toString(maxHeldBytes)));
        } else if (mode.startsWith("jar:")) {
            Path jar = Path.of(mode.substring(4));
            if (!Files.isRegularFile(jar)) throw new IOException("no scope jar at " + jar + " (build the cli module first)");
            // The scope command's own flags; its byte limit and probe limit are the defaults.
            cmd.addAll(List.of("-jar", jar.toString(), "app", "--listen", "127.0.0.1:0", "--window", Long.toString(windowSeconds)));
        } else {
            throw new IllegalArgumentException("--app must be child, in-process or jar:PATH, not " + mode);
        }
        return Child.start(cmd);
    }

    record InProcess(ScopeApp app) implements AppUnderTest {
        public String baseUrl() {
            return "http://127.0.0.1:" + app.port();
        }

        public long pid() {
            return ProcessHandle.current().pid();
        }

        public boolean sharesProcess() {
            return true;
        }

        public void close() {
            app.close();
        }
    }

    record Child(Process process, int port) implements AppUnderTest {
        static Child start(List<String> cmd) throws IOException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                // AppMain prints "listening PORT"; scope app logs "... listening on http://127.0.0.1:PORT".
                var m = java.util.regex.Pattern.compile("listening (?:on https?://[^:]+:)?(\\d+)").matcher(line);
                if (m.find()) {
                    int port = Integer.parseInt(m.group(1));
                    Thread.ofVirtual().start(() -> drain(out));
                    return new Child(p, port);
                }
            }
            p.destroyForcibly();
            throw new IOException("the app ended before it listened: " + cmd);
        }

        private static void drain(BufferedReader out) {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    // Keep the pipe from filling; pass on what may explain odd figures.
                    if (line.contains("WARN") || line.contains("ERROR") || line.contains("Exception")) System.err.println("app: " + line);
                }
            } catch (IOException ignored) {
                // the child went away
            }
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        public long pid() {
            return process.pid();
        }

        public boolean sharesProcess() {
            return false;
        }

        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
