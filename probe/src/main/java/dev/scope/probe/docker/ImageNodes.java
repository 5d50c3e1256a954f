package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.*;

import com.github.dockerjava.api.model.Image;
import dev.scope.report.Node;
import java.time.Instant;

/** Turns an entry of {@code docker images} into a Weave Scope 1.13 image node. Pure. */
public final class ImageNodes {
    private ImageNodes() {
    }

    public static Node node(Image image, Instant now) {
        long ts = HumanText.nanos(now);
        String id = ContainerNodes.trimImageId(image.getId());
        Node.Builder b = Node.builder(imageNodeId(id), "container_image").putLatest(IMAGE_ID, id, ts);
        String[] tags = image.getRepoTags();
        if (tags != null && tags.length > 0 && !tags[0].equals("<none>:<none>")) {
            b.putLatest(IMAGE_NAME, nameWithoutTag(tags[0]), ts);
            b.putLatest(IMAGE_TAG, tag(tags[0]), ts);
        }
        if (image.getSize() != null) b.putLatest(IMAGE_SIZE, HumanText.bytes(image.getSize()), ts);
        if (image.getVirtualSize() != null) b.putLatest(IMAGE_VIRTUAL_SIZE, HumanText.bytes(image.getVirtualSize()), ts);
        else if (image.getSize() != null) b.putLatest(IMAGE_VIRTUAL_SIZE, HumanText.bytes(image.getSize()), ts);
        if (image.getLabels() != null) {
            image.getLabels().forEach((k, v) -> b.putLatest(IMAGE_LABEL_PREFIX + k, v == null ? "" : v, ts));
        }
        return b.build();
    }

    /**
     * The image name without its tag, and without a registry host when there are three parts
     * ({@code registry:5000/team/app:1.2} gives {@code team/app}), as Weave Scope shortens it.
     */
    public static String nameWithoutTag(String imageName) {
        return split(imageName)[0];
    }

    /** The tag of an image name, or "" when it has none. */
    public static String tag(String imageName) {
        String[] parts = split(imageName);
        return parts.length < 2 ? "" : parts[1];
    }

    private static String[] split(String imageName) {
        String name = imageName;
        String[] slashes = name.split("/", 3);
        if (slashes.length == 3) name = slashes[1] + "/" + slashes[2];
        return name.split(":", 2);
    }
}
