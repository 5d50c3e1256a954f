package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.*;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import dev.scope.probe.ControlHandler;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.ProbePipe;
import dev.scope.probe.ProbePipes;
import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Controls that open a pipe to the browser: a shell in a container (raw tty, resizable), attaching to a
 * container's own stdio, and following its log. Each session holds one engine connection and docker-java's
 * reader thread until either side closes.
 */
final class PipeControls {
    /** Runs root's login shell when the image knows it, else /bin/sh, as Weave Scope does. */
    static final String[] SHELL = {"/bin/sh", "-c",
            "TERM=xterm exec $( (type getent > /dev/null 2>&1  && getent passwd root | cut -d: -f7 2>/dev/null) || echo /bin/sh)"};

    private final DockerClient client;
    private final ProbePipes pipes;
    private final Map<String, String> execIdByPipe = new ConcurrentHashMap<>();

    PipeControls(DockerClient client, ProbePipes pipes) {
        this.client = client;
        this.pipes = pipes;
    }

    Map<String, ControlHandler> handlers() {
        return Map.of(EXEC, this::exec, ATTACH, this::attach, LOGS, this::logs, RESIZE_EXEC_TTY, this::resize);
    }

    private ControlResponse exec(ControlRequest request) {
        String id = containerIdOf(request.nodeId());
        if (id == null) return LifecycleControls.invalid(request);
        ExecCreateCmdResponse exec;
        try {
            exec = client.execCreateCmd(id).withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                    .withTty(true).withCmd(SHELL).exec();
        } catch (RuntimeException e) {
            return ControlResponse.error(LifecycleControls.engineMessage(e));
        }
        ProbePipe pipe = pipes.open(request.appId());
        PipeInput stdin = new PipeInput();
        Closeable session = client.execStartCmd(exec.getId()).withTty(true).withStdIn(stdin).exec(new ToPipe(pipe, stdin));
        execIdByPipe.put(pipe.id(), exec.getId());
        connect(pipe, stdin, session, () -> execIdByPipe.remove(pipe.id()));
        return ControlResponse.pipe(pipe.id(), true, RESIZE_EXEC_TTY);
    }

    private ControlResponse attach(ControlRequest request) {
        String id = containerIdOf(request.nodeId());
        if (id == null) return LifecycleControls.invalid(request);
        InspectContainerResponse c;
        try {
            c = client.inspectContainerCmd(id).exec();
        } catch (RuntimeException e) {
            return ControlResponse.error("Not found: " + id);
        }
        boolean tty = c.getConfig() != null && Boolean.TRUE.equals(c.getConfig().getTty());
        ProbePipe pipe = pipes.open(request.appId());
        PipeInput stdin = new PipeInput();
        Closeable session = client.attachContainerCmd(id).withStdIn(stdin).withStdOut(true).withStdErr(true)
                .withFollowStream(true).withLogs(false).exec(new ToPipe(pipe, stdin));
        connect(pipe, stdin, session, () -> { });
        return ControlResponse.pipe(pipe.id(), tty, null);
    }

    /** Follows the container's log from {@code tail} lines back (argument {@code tail}, default all). */
    private ControlResponse logs(ControlRequest request) {
        String id = containerIdOf(request.nodeId());
        if (id == null) return LifecycleControls.invalid(request);
        var command = client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true);
        String tail = request.args().get("tail");
        if (tail != null && tail.matches("\\d{1,7}")) command = command.withTail(Integer.parseInt(tail));
        else command = command.withTailAll();
        try {
            client.inspectContainerCmd(id).exec();
        } catch (RuntimeException e) {
            return ControlResponse.error("Not found: " + id);
        }
        ProbePipe pipe = pipes.open(request.appId());
        PipeInput none = new PipeInput();
        Closeable session = command.exec(new ToPipe(pipe, none));
        connect(pipe, none, session, () -> { });
        return ControlResponse.pipe(pipe.id(), false, null);
    }

    /** Arguments as the UI sends them: {@code pipeID}, {@code height}, {@code width}. */
    private ControlResponse resize(ControlRequest request) {
        String pipeId = request.args().get("pipeID");
        if (pipeId == null) return ControlResponse.error("Missing argument: pipeID");
        int height, width;
        try {
            height = Integer.parseInt(request.args().getOrDefault("height", ""));
            width = Integer.parseInt(request.args().getOrDefault("width", ""));
        } catch (NumberFormatException e) {
            return ControlResponse.error("Bad terminal size: height and width must be numbers");
        }
        if (height <= 0 || width <= 0 || height > 10_000 || width > 10_000) {
            return ControlResponse.error("Bad terminal size (" + height + ", " + width + ")");
        }
        String execId = execIdByPipe.get(pipeId);
        if (execId == null) return ControlResponse.error("Unknown pipeID (\"" + pipeId + "\")");
        try {
            client.resizeExecCmd(execId).withSize(height, width).exec();
        } catch (RuntimeException e) {
            return ControlResponse.error("Error setting terminal size (" + height + ", " + width + ") of pipe " + pipeId
                    + ": " + LifecycleControls.engineMessage(e));
        }
        return ControlResponse.ok();
    }

    /** Browser input goes to the session; closing the pipe ends it. */
    private static void connect(ProbePipe pipe, PipeInput stdin, Closeable session, Runnable cleanup) {
        pipe.onReceive(stdin::offer);
        pipe.onClose(() -> {
            stdin.end();
            closeQuietly(session);
            cleanup.run();
        });
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // The session is going away either way.
        }
    }

    /** Engine output to the browser; the session's end closes the pipe. */
    private static final class ToPipe extends ResultCallback.Adapter<Frame> {
        private final ProbePipe pipe;
        private final PipeInput stdin;

        ToPipe(ProbePipe pipe, PipeInput stdin) {
            this.pipe = pipe;
            this.stdin = stdin;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload != null && payload.length > 0) pipe.send(payload);
        }

        @Override
        public void onError(Throwable error) {
            end();
        }

        @Override
        public void onComplete() {
            end();
        }

        private void end() {
            stdin.end();
            pipe.close();
        }
    }
}
