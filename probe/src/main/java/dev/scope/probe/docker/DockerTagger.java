package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.CONTAINER_ID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.scope.probe.Tagger;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts each process under its container: finds the container from {@code /proc/<pid>/cgroup}
 * ({@link ContainerIds}) and, when Docker knows it, adds {@code docker_container_id} and the container and
 * image parents to the process node, as Weave Scope 1.13 does.
 */
public final class DockerTagger implements Tagger {
    private final Path procRoot;
    private final Function<String, InspectContainerResponse> containers;

    DockerTagger(Path procRoot, Function<String, InspectContainerResponse> containers) {
        this.procRoot = procRoot;
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
        for (Node process : processes) {
            Node withContainer = tagProcess(process);
            if (withContainer != process) tagged = tagged.replacing(withContainer);
        }
        if (tagged == processes) return report;
        NodeSet result = tagged;
        return report.toBuilder().updateTopology(TopologyId.PROCESS, t -> t.withNodes(result)).build();
    }

    Node tagProcess(Node process) {
        String pid = process.latestValue("pid");
        if (pid == null || pid.isEmpty() || !pid.chars().allMatch(Character::isDigit)) return process;
        Optional<String> id = readCgroup(pid).flatMap(ContainerIds::fromCgroup);
        if (id.isEmpty()) return process;
        InspectContainerResponse c = containers.apply(id.get());
        if (c == null) return process;
        long ts = process.latest().get("pid").timestamp();
        Node.Builder b = process.toBuilder()
                .putLatest(CONTAINER_ID, c.getId(), ts)
                .parent("container", DockerKeys.containerNodeId(c.getId()));
        String image = c.getConfig() == null ? null : c.getConfig().getImage();
        if (image != null && !image.isEmpty()) b.parent("container_image", DockerKeys.imageNodeId(ImageNodes.nameWithoutTag(image)));
        return b.build();
    }

    private Optional<String> readCgroup(String pid) {
        try {
            return Optional.of(Files.readString(procRoot.resolve(pid).resolve("cgroup")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended since the walk
        }
    }
}
