package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.*;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import dev.scope.probe.Reporter;
import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.StandardTopologies;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The Docker part of each report: the Container topology (every container, any state), the images those
 * containers use, and an Overlay peer holding the engine's network subnets, as Weave Scope 1.13 reports them.
 */
public final class DockerReporter implements Reporter {
    private final DockerRegistry registry;
    private final Function<String, StringMap<Metric>> metrics;
    private final DockerConfig config;
    private final ContainerNodes.Options options;

    DockerReporter(DockerRegistry registry, Function<String, StringMap<Metric>> metrics, DockerConfig config) {
        this.registry = registry;
        this.metrics = metrics;
        this.config = config;
        this.options = new ContainerNodes.Options(config.probeId(), config.showEnv());
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public Report report() {
        Instant now = Instant.now();
        List<String> localIpv4 = LocalAddresses.ipv4();
        Topology containers = DockerTemplates.containerTopology();
        Topology images = DockerTemplates.imageTopology();
        Set<String> imageIds = new HashSet<>();
        for (InspectContainerResponse c : registry.containers()) {
            Node node = ContainerNodes.node(c, now, options, metrics.apply(c.getId()));
            containers = containers.withNode(withNetwork(node, c, localIpv4, now));
            imageIds.add(ContainerNodes.trimImageId(c.getImageId()));
        }
        for (String imageId : imageIds) {
            Image image = registry.image(imageId);
            if (image != null) images = images.withNode(ImageNodes.node(image, now));
        }
        return Report.builder()
                .timestamp(HumanText.nanos(now))
                .topology(TopologyId.CONTAINER, containers)
                .topology(TopologyId.CONTAINER_IMAGE, images)
                .topology(TopologyId.OVERLAY, StandardTopologies.descriptor(TopologyId.OVERLAY).withNode(overlayPeer()))
                .build();
    }

    /** A report sent at once when a container changed (started, died, paused, was removed...). */
    Report shortcut(String containerId, InspectContainerResponse inspected) {
        Instant now = Instant.now();
        Node node = inspected == null
                ? ContainerNodes.deleted(containerId, now)
                : withNetwork(ContainerNodes.node(inspected, now, options, StringMap.empty()), inspected, LocalAddresses.ipv4(), now);
        return Report.standard("", HumanText.nanos(now)).toBuilder()
                .shortcut(true)
                .node(TopologyId.CONTAINER, node)
                .build();
    }

    /** Adds the network sets, following {@code container:<id>} network modes to the container that owns the namespace. */
    private Node withNetwork(Node node, InspectContainerResponse c, List<String> localIpv4, Instant now) {
        InspectContainerResponse owner = c;
        for (int hops = 0; hops < 10; hops++) {
            String mode = ContainerNodes.networkMode(owner);
            if (mode.equals("host")) {
                Node.Builder b = node.toBuilder().putLatest(IS_IN_HOST_NETWORK, "true", HumanText.nanos(now));
                ContainerNodes.hostNetworkSets(localIpv4).forEach(b::set);
                return b.build();
            }
            if (!mode.startsWith("container:")) break;
            owner = registry.containerByPrefix(mode.substring("container:".length()));
            if (owner == null) return node;
        }
        Node.Builder b = node.toBuilder();
        ContainerNodes.networkSets(owner, localIpv4).forEach(b::set);
        return b.build();
    }

    private Node overlayPeer() {
        List<String> subnets = new ArrayList<>();
        for (Network network : registry.networks()) {
            if (network.getIpam() == null || network.getIpam().getConfig() == null) continue;
            for (Network.Ipam.Config c : network.getIpam().getConfig()) {
                if (c.getSubnet() != null && !c.getSubnet().isEmpty()) subnets.add(c.getSubnet());
            }
        }
        Node.Builder b = Node.builder("#docker_peer_" + config.hostId(), "overlay");
        if (!subnets.isEmpty()) b.set(LOCAL_NETWORKS, StringSet.of(subnets));
        return b.build();
    }
}
