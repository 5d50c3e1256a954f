package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.CONTAINER_ID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.scope.probe.Tagger;
import dev.scope.probe.process.CgroupContainerId;
import dev.scope.probe.process.ProcessSnapshot;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts each process under its container: takes the container id the process walker found in
 * {@code /proc/<pid>/cgroup} ({@link CgroupContainerId}, read once per process) and, when Docker knows the
 * container, adds {@code docker_container_id} and the container and image parents to the process node, as
 * Weave Scope 1.13 does. A process the walk has not seen (a report built elsewhere) has its cgroup file read here.
 */
public final class DockerTagger implements Tagger {
    private final Path procRoot;
    private final Supplier<ProcessSnapshot> processes;
    private final Function<String, InspectContainerResponse> containers;

    DockerTagger(Path procRoot, Supplier<ProcessSnapshot> processes, Function<String, InspectContainerResponse> containers) {
        this.procRoot = procRoot;
        this.processes = processes;
        this.containers = containers;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public Report tag(Report report) {
        NodeSet processes = report.topology(TopologyId.PROCESS).nodes();
        if (processes.isEmpty()) return report;
        NodeSet tagged = processes;
        ProcessSnapshot walked = this.processes.get();
        for (Node process : processes) {
            Node withContainer = tagProcess(process, walked);
            if (withContainer != process) tagged = tagged.replacing(withContainer);
        }
        if (tagged == processes) return report;
        NodeSet result = tagged;
        return report.toBuilder().updateTopology(TopologyId.PROCESS, t -> t.withNodes(result)).build();
    }

    private Node tagProcess(Node process, ProcessSnapshot walked) {
        String pid = process.latestValue("pid");
        if (pid == null || pid.isEmpty() || pid.length() > 9 || !pid.chars().allMatch(Character::isDigit)) return process;
        int number = Integer.parseInt(pid);
        String id = walked.processes().containsKey(number) ? walked.containerOf(number) : CgroupContainerId.find(readCgroup(pid));
        if (id == null) return process;
        InspectContainerResponse c = containers.apply(id);
        if (c == null) return process;
        long ts = process.latest().get("pid").timestamp();
        Node.Builder b = process.toBuilder()
                .putLatest(CONTAINER_ID, c.getId(), ts)
                .parent("container", DockerKeys.containerNodeId(c.getId()));
        String image = c.getConfig() == null ? null : c.getConfig().getImage();
        if (image != null && !image.isEmpty()) b.parent("container_image", DockerKeys.imageNodeId(ImageNodes.nameWithoutTag(image)));
        return b.build();
    }

    private String readCgroup(String pid) {
        try {
            return Files.readString(procRoot.resolve(pid).resolve("cgroup"));
        } catch (IOException | RuntimeException e) {
            return null; // the process ended since the walk
        }
    }
}
