package dev.scope.probe.hostexec;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.ProbePipe;
import dev.scope.probe.ProbePipes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code host_exec}: a shell on the host in a real PTY, wired to a pipe to the browser; and
 * {@code host_resize_exec_tty} ({@code pipeID}, {@code width}, {@code height}) to resize it. The shell ends when
 * the pipe closes and the pipe closes when the shell ends.
 */
public final class HostExecControls {
    public static final String EXEC = "host_exec";
    public static final String RESIZE = "host_resize_exec_tty";
    private static final Logger log = LoggerFactory.getLogger(HostExecControls.class);

    private final ProbePipes pipes;
    private final String[] shell;
    private final Map<String, PtyProcess> sessions = new ConcurrentHashMap<>();

    public HostExecControls(ProbePipes pipes, String[] shell) {
        this.pipes = pipes;
        this.shell = shell.clone();
    }

    /** The user's login shell if it exists, else bash, else sh. */
    public static String[] defaultShell() {
        for (String candidate : new String[] {System.getenv("SHELL"), "/bin/bash", "/bin/sh"}) {
            if (candidate != null && !candidate.isEmpty() && Files.isExecutable(Path.of(candidate))) return new String[] {candidate};
        }
        return new String[] {"/bin/sh"};
    }

    public void registerInto(ControlRegistry registry) {
        registry.register(EXEC, this::exec);
        registry.register(RESIZE, this::resize);
    }

    public int openSessions() {
        return sessions.size();
    }

    ControlResponse exec(ControlRequest request) throws IOException {
        PtyNatives.prepare(PtyNatives.defaultFolder());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "xterm");
        PtyProcess process = new PtyProcessBuilder(shell).setEnvironment(env).setInitialColumns(80).setInitialRows(24)
                .setDirectory(System.getProperty("user.home", "/")).setConsole(false).start();
        // the initial size is often ignored; set it again now that the process runs
        process.setWinSize(new WinSize(80, 24));
        ProbePipe pipe;
        try {
            pipe = pipes.open(request.appId());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        sessions.put(pipe.id(), process);
        OutputStream toShell = process.getOutputStream();
        pipe.onReceive(bytes -> {
            try {
                toShell.write(bytes);
                toShell.flush();
            } catch (IOException e) {
                pipe.close();
            }
        });
        pipe.onClose(() -> end(pipe.id()));
        Thread.ofVirtual().name("host-exec-" + pipe.id()).start(() -> copyOut(process, pipe));
        log.info("host_exec: shell {} (pid {}) on pipe {}", shell[0], process.pid(), pipe.id());
        return ControlResponse.pipe(pipe.id(), true, RESIZE);
    }

    private void copyOut(PtyProcess process, ProbePipe pipe) {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) pipe.send(java.util.Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            // the PTY closes with EIO when the shell exits
        } finally {
            sessions.remove(pipe.id());
            process.destroy();
            pipe.close();
        }
    }

    private void end(String pipeId) {
        PtyProcess p = sessions.remove(pipeId);
        if (p != null) p.destroy();
    }

    ControlResponse resize(ControlRequest request) {
        String pipeId = request.args().get("pipeID");
        PtyProcess p = pipeId == null ? null : sessions.get(pipeId);
        if (p == null) return ControlResponse.error("no exec session for pipe " + pipeId);
        try {
            int width = Integer.parseInt(request.args().getOrDefault("width", ""));
            int height = Integer.parseInt(request.args().getOrDefault("height", ""));
            if (width < 1 || height < 1 || width > 10000 || height > 10000) throw new NumberFormatException();
            p.setWinSize(new WinSize(width, height));
            return ControlResponse.ok();
        } catch (NumberFormatException e) {
            return ControlResponse.error("width and height must be positive numbers");
        }
    }

    /** Ends every shell, e.g. when the probe stops. */
    public void closeAll() {
        sessions.values().forEach(PtyProcess::destroy);
        sessions.clear();
    }
}
