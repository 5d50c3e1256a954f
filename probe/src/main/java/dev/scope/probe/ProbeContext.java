package dev.scope.probe;

import dev.scope.probe.process.ProcessSnapshot;
import java.util.function.Supplier;

/**
 * What a {@link ProbeModule} gets from the probe: who we are, where to add reporters, taggers and controls,
 * how to publish at once and how to open pipes.
 *
 * @param probeId    this probe's id ({@code control_probe_id} on nodes with controls)
 * @param hostId     the host id ({@code vm}); node ids of processes start with it
 * @param hostNodeId the host node's id ({@code vm;<host>})
 * @param processes  the newest process walk (pid, container id from cgroups...); empty before the first
 */
public record ProbeContext(String probeId, String hostId, String hostNodeId, ProbeConfig config,
                           ReporterRegistry reporters, ControlRegistry controls, ShortcutSink shortcuts,
                           ProbePipes pipes, Supplier<ProcessSnapshot> processes) {
}
