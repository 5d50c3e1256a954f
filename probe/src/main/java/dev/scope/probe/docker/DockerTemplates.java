package dev.scope.probe.docker;

import static dev.scope.probe.docker.DockerKeys.*;

import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import java.util.List;

/**
 * How the UI shows containers and images: the controls and the metadata, metric and table templates, exactly
 * as a Weave Scope 1.13.2 probe sends them (see the captured report in the tests).
 */
public final class DockerTemplates {
    private DockerTemplates() {
    }

    public static final List<Control> CONTAINER_CONTROLS = List.of(
            new Control(ATTACH, "Attach", "fa fa-desktop", "", 1),
            new Control(EXEC, "Exec shell", "fa fa-terminal", "", 2),
            new Control(START, "Start", "fa fa-play", "", 3),
            new Control(RESTART, "Restart", "fa fa-redo", "", 4),
            new Control(PAUSE, "Pause", "fa fa-pause", "", 5),
            new Control(UNPAUSE, "Unpause", "fa fa-play", "", 6),
            new Control(STOP, "Stop", "fa fa-stop", "", 7),
            new Control(REMOVE, "Remove", "far fa-trash-alt", "", 8));

    private static final String LATEST = "latest";
    private static final String SETS = "sets";

    public static final List<MetadataTemplate> CONTAINER_METADATA = List.of(
            new MetadataTemplate(IMAGE_TAG, "Image tag", 0, "", 1, LATEST),
            new MetadataTemplate(IMAGE_NAME, "Image name", 0, "", 2, LATEST),
            new MetadataTemplate(CONTAINER_COMMAND, "Command", 0, "", 3, LATEST),
            new MetadataTemplate(CONTAINER_STATE_HUMAN, "State", 0, "", 4, LATEST),
            new MetadataTemplate(CONTAINER_UPTIME, "Uptime", 0, "duration", 5, LATEST),
            new MetadataTemplate(CONTAINER_RESTART_COUNT, "Restart #", 0, "", 6, LATEST),
            new MetadataTemplate(CONTAINER_NETWORKS, "Networks", 0, "", 7, SETS),
            new MetadataTemplate(CONTAINER_IPS, "IPs", 0, "", 8, SETS),
            new MetadataTemplate(CONTAINER_PORTS, "Ports", 0, "", 9, SETS),
            new MetadataTemplate(CONTAINER_CREATED, "Created", 0, "datetime", 10, LATEST),
            new MetadataTemplate(CONTAINER_ID, "ID", 12, "", 11, LATEST));

    public static final List<MetricTemplate> CONTAINER_METRICS = List.of(
            new MetricTemplate(CPU_TOTAL_USAGE, "CPU", "percent", "", 1),
            new MetricTemplate(MEMORY_USAGE, "Memory", "filesize", "", 2));

    public static final List<TableTemplate> CONTAINER_TABLES = List.of(
            new TableTemplate("image_table", "Image", "", "property-list", null, StringMap.copyOf(java.util.Map.of(
                    IMAGE_ID, " ID",
                    IMAGE_NAME, " Name",
                    IMAGE_TAG, " Tag",
                    IMAGE_SIZE, "Size",
                    IMAGE_VIRTUAL_SIZE, "Virtual size"))),
            new TableTemplate(LABEL_PREFIX, "Docker labels", LABEL_PREFIX, "property-list", null, StringMap.empty()),
            new TableTemplate(ENV_PREFIX, "Environment variables", ENV_PREFIX, "property-list", null, StringMap.empty()));

    public static final List<MetadataTemplate> IMAGE_METADATA = List.of(
            new MetadataTemplate("container", "# Containers", 0, "number", 2, "counters"));

    public static final List<TableTemplate> IMAGE_TABLES = List.of(
            new TableTemplate(IMAGE_LABEL_PREFIX, "Docker labels", IMAGE_LABEL_PREFIX, "property-list", null, StringMap.empty()));

    /** The container topology's shape, labels, controls and templates, without nodes. */
    public static Topology containerTopology() {
        return Topology.described("hexagon", "container", "containers")
                .withControls(byId(CONTAINER_CONTROLS, Control::id))
                .withMetadataTemplates(byId(CONTAINER_METADATA, MetadataTemplate::id))
                .withMetricTemplates(byId(CONTAINER_METRICS, MetricTemplate::id))
                .withTableTemplates(byId(CONTAINER_TABLES, TableTemplate::id));
    }

    /** The image topology's shape, labels and templates, without nodes. */
    public static Topology imageTopology() {
        return Topology.described("hexagon", "image", "images")
                .withMetadataTemplates(byId(IMAGE_METADATA, MetadataTemplate::id))
                .withTableTemplates(byId(IMAGE_TABLES, TableTemplate::id));
    }

    private static <T> StringMap<T> byId(List<T> items, java.util.function.Function<T, String> id) {
        StringMap.Builder<T> b = new StringMap.Builder<>();
        for (T item : items) b.put(id.apply(item), item);
        return b.build();
    }
}
