package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Join;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Networks;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.render.graph.Steps;
import dev.scope.report.Latest;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TopologyId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Containers (from their processes and IPs), containers with image names, images and DNS names. */
public final class ContainerTopology {
    static final String HOSTNAME_GROUP = Ids.groupTopology("container", Keys.CONTAINER_HOSTNAME);
    private static final Pattern PORT_MAPPING = Pattern.compile(
            "([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}):([0-9]+)->([0-9]+)/tcp");

    private ContainerTopology() {
    }

    /** Weave's ContainerRenderer: processes grouped into their containers, plus connections joined by container IP. */
    public static Nodes containers(RenderContext ctx) {
        return ctx.memoised("containers", c -> {
            Nodes fromProcesses = Steps.map(ProcessTopology.processes(c), ContainerTopology::processToContainer);
            Nodes byIp = ConnectionJoin.join(c, TopologyId.CONTAINER, ContainerTopology::addressesOf);
            return Steps.filterReal(fromProcesses.merge(byIp), ContainerTopology::isNotDeleted);
        });
    }

    private static boolean isNotDeleted(RNode n) {
        return !Keys.STATE_DELETED.equals(n.latestValue(Keys.CONTAINER_STATE));
    }

    /** A process belongs to its container, or to the per-host "Uncontained" pseudo node. */
    static RNode processToContainer(RNode n) {
        if (n.isPseudo()) return n;
        String containerId = n.latestValue(Keys.CONTAINER_ID);
        if (containerId != null) return RNode.derived(Ids.container(containerId), "container", n);
        String[] process = Ids.processParts(n.id());
        String id = Ids.pseudo(Ids.UNCONTAINED, process == null ? "" : process[0]);
        return RNode.derived(id, Ids.PSEUDO, n);
    }

    /** Addresses a container can be recognised by: its non-loopback IPs and host port mappings. */
    static List<String> addressesOf(RNode m) {
        if (m.hasLatest(Keys.DOES_NOT_MAKE_CONNECTIONS) || m.hasLatest(Keys.IS_IN_HOST_NETWORK)) return List.of();
        List<String> out = new ArrayList<>();
        for (String scoped : m.set(Keys.CONTAINER_IPS_WITH_SCOPES)) {
            String[] parts = Ids.address(scoped);
            if (parts == null || isLoopback(parts[1])) continue;
            out.add(Ids.scopedEndpoint(parts[0], parts[1], ""));
        }
        for (String mapping : m.set(Keys.CONTAINER_PORTS)) {
            Matcher match = PORT_MAPPING.matcher(mapping);
            if (match.find()) out.add(Ids.scopedEndpoint("", match.group(1), match.group(2)));
        }
        return out;
    }

    private static boolean isLoopback(String addr) {
        byte[] ip = Networks.parseIp(addr);
        if (ip == null) return false;
        if (ip.length == 4) return ip[0] == 127;
        for (int i = 0; i < 15; i++) if (ip[i] != 0) return false;
        return ip[15] == 1;
    }

    /** Weave's ContainerWithImageNameRenderer: containers carrying their image's name, tag and sizes. */
    public static Nodes containersWithImageNames(RenderContext ctx) {
        return ctx.memoised("containers-with-image-names", c -> {
            Nodes containers = containers(c);
            Nodes images = c.select(TopologyId.CONTAINER_IMAGE);
            Map<String, RNode> out = new java.util.HashMap<>(containers.nodes());
            for (RNode n : containers.nodes().values()) {
                RNode named = withImageName(n, images);
                if (named != n) out.put(n.id(), named);
            }
            return new Nodes(out, containers.filtered());
        });
    }

    private static RNode withImageName(RNode c, Nodes images) {
        String imageId = c.latestValue(Keys.IMAGE_ID);
        if (imageId == null) return c;
        RNode image = images.get(Ids.containerImage(imageId));
        if (image == null) return c;
        String imageName = image.latestValue(Keys.IMAGE_NAME);
        if (imageName == null) return c;
        RNode out = c.propagateLatest(Keys.IMAGE_NAME, image)
                .propagateLatest(Keys.IMAGE_TAG, image)
                .propagateLatest(Keys.IMAGE_SIZE, image)
                .propagateLatest(Keys.IMAGE_VIRTUAL_SIZE, image)
                .propagateLatest(Keys.IMAGE_LABEL_PREFIX + "works.weave.role", image);
        StringSet imageParent = StringSet.of(imageNodeId(image));
        return out.withParents(out.parents().with("container_image", imageParent));
    }

    /**
     * Weave's ContainerImageRenderer: containers grouped by image name without version. Each image
     * node is the report's node of the first image id seen for that name, renamed; its children are
     * the containers.
     */
    public static Nodes images(RenderContext ctx) {
        return ctx.memoised("container-images", c -> {
            Nodes containers = containersWithImageNames(c);
            Nodes reportImages = c.select(TopologyId.CONTAINER_IMAGE);
            Join ret = new Join();
            for (RNode n : containers.nodes().values()) {
                if (n.isPseudo()) {
                    ret.passThrough(n);
                    continue;
                }
                String imageId = n.latestValue(Keys.IMAGE_ID);
                String id = imageNodeId(n);
                if (imageId == null || id == null) continue;
                ret.addChildWithCreate(n, id, () -> {
                    String reportId = Ids.containerImage(imageId);
                    RNode image = reportImages.get(reportId);
                    return (image == null ? RNode.of(reportId, "container_image") : image).withId(id);
                });
            }
            return Steps.filterEmpty(ret.result(containers), "container");
        });
    }

    /** The image node id of a container: its image's name without registry host and tag; null if unnamed. */
    private static String imageNodeId(RNode container) {
        String name = container.latestValue(Keys.IMAGE_NAME);
        return name == null ? null : Ids.containerImage(Ids.imageNameWithoutVersion(name));
    }

    /** Weave's ContainerHostnameRenderer: containers grouped by their DNS host name. */
    public static Nodes hostnames(RenderContext ctx) {
        return ctx.memoised("container-hostnames", c ->
                Steps.filterEmpty(Steps.map(containersWithImageNames(c), ContainerTopology::containerToHostname), "container"));
    }

    private static RNode containerToHostname(RNode n) {
        if (n.isPseudo()) return n;
        Latest hostname = n.latest().get(Keys.CONTAINER_HOSTNAME);
        if (hostname == null) return null;
        return RNode.derived(hostname.value(), HOSTNAME_GROUP, n)
                .withLatestMap(StringMap.of(Keys.CONTAINER_HOSTNAME, hostname))
                .withCounters(Map.of(n.topology(), 1));
    }
}
