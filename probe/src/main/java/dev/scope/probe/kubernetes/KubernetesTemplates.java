package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.probe.docker.DockerTemplates;
import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.StandardTopologies;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.util.List;
import java.util.function.Function;

/** How the UI shows Kubernetes topologies: controls and metadata/metric/table templates of Weave Scope 1.13's reporter. */
final class KubernetesTemplates {
    private KubernetesTemplates() {
    }

    private static final String LATEST = "latest";
    private static final String COUNTERS = "counters";

    static final Control DESCRIBE_CONTROL = new Control(DESCRIBE, "Describe", "fa fa-file-alt", "", 2);
    static final List<Control> POD_CONTROLS = List.of(
            new Control(GET_LOGS, "Get logs", "fa fa-desktop", "", 0),
            new Control(DELETE_POD, "Delete", "far fa-trash-alt", "", 1),
            DESCRIBE_CONTROL);
    static final List<Control> SCALING_CONTROLS = List.of(
            new Control(SCALE_DOWN, "Scale down", "fa fa-minus", "", 0),
            new Control(SCALE_UP, "Scale up", "fa fa-plus", "", 1),
            DESCRIBE_CONTROL);
    static final List<Control> HOST_CONTROLS = List.of(
            new Control(CORDON, "Cordon", "fa fa-ban", "", 10),
            new Control(UNCORDON, "Uncordon", "fa fa-check-circle", "", 11));

    private static MetadataTemplate latest(String id, String label, String dataType, double priority) {
        return new MetadataTemplate(id, label, 0, dataType, priority, LATEST);
    }

    private static MetadataTemplate counter(String id, String label, double priority) {
        return new MetadataTemplate(id, label, 0, "number", priority, COUNTERS);
    }

    static final List<TableTemplate> TABLES = List.of(
            new TableTemplate(LABEL_PREFIX, "Kubernetes labels", LABEL_PREFIX, "property-list", null, StringMap.empty()));

    static Topology topology(TopologyId t) {
        Topology base = StandardTopologies.descriptor(t);
        return switch (t) {
            case POD -> full(base, List.of(
                    latest(STATE, "State", "", 2), latest(IP, "IP", "ip", 3), counter("container", "# Containers", 4),
                    latest(NAMESPACE, "Namespace", "", 5), latest(CREATED, "Created", "datetime", 6),
                    latest(RESTART_COUNT, "Restart #", "", 7)), POD_CONTROLS, true);
            case SERVICE -> full(base, List.of(
                    latest(NAMESPACE, "Namespace", "", 2), latest(CREATED, "Created", "datetime", 3),
                    latest(PUBLIC_IP, "Public IP", "ip", 4), latest(IP, "Internal IP", "ip", 5),
                    counter("pod", "# Pods", 6), latest(TYPE, "Type", "", 7), latest(PORTS, "Ports", "", 8)),
                    List.of(DESCRIBE_CONTROL), true);
            case DEPLOYMENT -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(NAMESPACE, "Namespace", "", 2), latest(CREATED, "Created", "datetime", 3),
                    latest(OBSERVED_GENERATION, "Observed gen.", "number", 4), latest(DESIRED_REPLICAS, "Desired replicas", "number", 5),
                    counter("pod", "# Pods", 6), latest(STRATEGY, "Strategy", "", 7)), SCALING_CONTROLS, true);
            case REPLICA_SET -> full(base, List.of(
                    latest(NAMESPACE, "Namespace", "", 2), latest(CREATED, "Created", "datetime", 3),
                    latest(OBSERVED_GENERATION, "Observed gen.", "number", 4), latest(DESIRED_REPLICAS, "Desired replicas", "number", 5),
                    counter("pod", "# Pods", 6)), List.of(), true);
            case DAEMON_SET -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(NAMESPACE, "Namespace", "", 2), latest(CREATED, "Created", "datetime", 3),
                    latest(DESIRED_REPLICAS, "Desired replicas", "number", 4), counter("pod", "# Pods", 5)),
                    List.of(DESCRIBE_CONTROL), true);
            case STATEFUL_SET -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(NAMESPACE, "Namespace", "", 2), latest(CREATED, "Created", "datetime", 3),
                    latest(OBSERVED_GENERATION, "Observed gen.", "number", 4), latest(DESIRED_REPLICAS, "Desired replicas", "number", 5),
                    counter("pod", "# Pods", 6)), List.of(DESCRIBE_CONTROL), true);
            case CRON_JOB -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(NAMESPACE, "Namespace", "", 2), latest(CREATED, "Created", "datetime", 3),
                    latest(SCHEDULE, "Schedule", "", 4), latest(LAST_SCHEDULED, "Last scheduled", "datetime", 5),
                    latest(SUSPENDED, "Suspended", "", 6), latest(ACTIVE_JOBS, "# Jobs", "number", 7), counter("pod", "# Pods", 8)),
                    List.of(DESCRIBE_CONTROL), true);
            case JOB -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(NAMESPACE, "Namespace", "", 2), latest(CREATED, "Created", "datetime", 3),
                    counter("pod", "# Pods", 4)), List.of(DESCRIBE_CONTROL), true);
            case PERSISTENT_VOLUME -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(VOLUME_CLAIM, "Volume claim", "", 2),
                    latest(STORAGE_CLASS_NAME, "Storage class", "", 3), latest(ACCESS_MODES, "Access modes", "", 5),
                    latest(STATUS, "Status", "", 6), latest(STORAGE_DRIVER, "Storage driver", "", 7)),
                    List.of(DESCRIBE_CONTROL), false);
            case PERSISTENT_VOLUME_CLAIM -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(NAMESPACE, "Namespace", "", 2), latest(STATUS, "Status", "", 3),
                    latest(VOLUME_NAME, "Volume", "", 4), latest(STORAGE_CLASS_NAME, "Storage class", "", 5),
                    latest(VOLUME_CAPACITY, "Capacity", "", 6)), List.of(DESCRIBE_CONTROL), false);
            case STORAGE_CLASS -> full(base, List.of(
                    latest(NODE_TYPE, "Type", "", 1), latest(NAME, "Name", "", 2), latest(PROVISIONER, "Provisioner", "", 3)),
                    List.of(DESCRIBE_CONTROL), false);
            default -> base;
        };
    }

    private static Topology full(Topology base, List<MetadataTemplate> metadata, List<Control> controls, boolean metrics) {
        Topology t = base.withMetadataTemplates(byId(metadata, MetadataTemplate::id))
                .withTableTemplates(byId(TABLES, TableTemplate::id))
                .withControls(byId(controls, Control::id));
        // Pods and their controllers show their containers' CPU and memory, summed by the render.
        return metrics ? t.withMetricTemplates(byId(DockerTemplates.CONTAINER_METRICS, MetricTemplate::id)) : t;
    }

    static <T> StringMap<T> byId(List<T> items, Function<T, String> id) {
        StringMap.Builder<T> b = new StringMap.Builder<>();
        for (T item : items) b.put(id.apply(item), item);
        return b.build();
    }
}
