package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.*;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A container's state as Weave Scope 1.13 shows it: the short state ({@code running}, {@code paused}...), the
 * human one ("Up 17 seconds", "Exited (0) 53 seconds ago"), the uptime and which controls apply.
 */
public record ContainerStatus(boolean running, boolean paused, boolean restarting, boolean dead, long exitCode,
                              Instant startedAt, Instant finishedAt) {

    /** The controls that apply in each state, in the order Weave Scope lists them. */
    private static final List<String> RUNNING_CONTROLS = List.of(RESTART, STOP, PAUSE, ATTACH, EXEC);
    private static final List<String> PAUSED_CONTROLS = List.of(UNPAUSE);
    private static final List<String> STOPPED_CONTROLS = List.of(START, REMOVE);

    public static ContainerStatus of(InspectContainerResponse.ContainerState s) {
        if (s == null) return new ContainerStatus(false, false, false, false, 0, null, null);
        Long exit = s.getExitCodeLong();
        return new ContainerStatus(Boolean.TRUE.equals(s.getRunning()), Boolean.TRUE.equals(s.getPaused()),
                Boolean.TRUE.equals(s.getRestarting()), Boolean.TRUE.equals(s.getDead()), exit == null ? 0 : exit,
                HumanText.parseTime(s.getStartedAt()), HumanText.parseTime(s.getFinishedAt()));
    }

    /** Running and not paused: the state with an uptime, a restart count and most controls. */
    public boolean up() {
        return running && !paused;
    }

    public String state() {
        if (running) {
            if (paused) return STATE_PAUSED;
            if (restarting) return STATE_RESTARTING;
            return STATE_RUNNING;
        }
        if (dead) return STATE_DEAD;
        if (startedAt == null) return STATE_CREATED;
        return STATE_EXITED;
    }

    public String human(Instant now) {
        if (running) {
            if (paused) return "Up " + HumanText.duration(since(startedAt, now)) + " (Paused)";
            if (restarting) return "Restarting (" + exitCode + ") " + HumanText.duration(since(finishedAt, now)) + " ago";
            return "Up " + HumanText.duration(since(startedAt, now));
        }
        if (dead) return "Dead";
        if (startedAt == null) return "Created";
        if (finishedAt == null) return "";
        return "Exited (" + exitCode + ") " + HumanText.duration(since(finishedAt, now)) + " ago";
    }

    public long uptimeSeconds(Instant now) {
        return since(startedAt, now).toSeconds();
    }

    public List<String> activeControls() {
        if (paused) return PAUSED_CONTROLS;
        if (running) return RUNNING_CONTROLS;
        return STOPPED_CONTROLS;
    }

    private static Duration since(Instant then, Instant now) {
        if (then == null || now.isBefore(then)) return Duration.ZERO;
        return Duration.between(then, now);
    }
}
