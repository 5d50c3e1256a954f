package dev.scope.report;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.Function;

/**
 * The 23 topologies of a Weave Scope 1.13 report, in the order Weave Scope lists them.
 * {@code field} is the key in the encoded report, {@code name} the value of a node's
 * {@code topology} field and of parent keys.
 */
public enum TopologyId {
    ENDPOINT("Endpoint", "endpoint"),
    PROCESS("Process", "process"),
    CONTAINER("Container", "container"),
    POD("Pod", "pod"),
    SERVICE("Service", "service"),
    DEPLOYMENT("Deployment", "deployment"),
    REPLICA_SET("ReplicaSet", "replica_set"),
    DAEMON_SET("DaemonSet", "daemon_set"),
    STATEFUL_SET("StatefulSet", "stateful_set"),
    CRON_JOB("CronJob", "cron_job"),
    NAMESPACE("Namespace", "namespace"),
    CONTAINER_IMAGE("ContainerImage", "container_image"),
    HOST("Host", "host"),
    ECS_TASK("ECSTask", "ecs_task"),
    ECS_SERVICE("ECSService", "ecs_service"),
    SWARM_SERVICE("SwarmService", "swarm_service"),
    OVERLAY("Overlay", "overlay"),
    PERSISTENT_VOLUME("PersistentVolume", "persistent_volume"),
    PERSISTENT_VOLUME_CLAIM("PersistentVolumeClaim", "persistent_volume_claim"),
    STORAGE_CLASS("StorageClass", "storage_class"),
    VOLUME_SNAPSHOT("VolumeSnapshot", "volume_snapshot"),
    VOLUME_SNAPSHOT_DATA("VolumeSnapshotData", "volume_snapshot_data"),
    JOB("Job", "job");

    private static final TopologyId[] ALL = values();
    private static final Map<String, TopologyId> BY_FIELD =
            Stream.of(ALL).collect(Collectors.toUnmodifiableMap(t -> t.field, Function.identity()));
    private static final Map<String, TopologyId> BY_NAME =
            Stream.of(ALL).collect(Collectors.toUnmodifiableMap(t -> t.name, Function.identity()));

    /** Key of this topology in an encoded report, e.g. {@code ContainerImage}. */
    public final String field;
    /** Name used in node {@code topology} fields and parent keys, e.g. {@code container_image}. */
    public final String name;

    TopologyId(String field, String name) {
        this.field = field;
        this.name = name;
    }

    public static TopologyId byField(String field) {
        return BY_FIELD.get(field);
    }

    public static TopologyId byName(String name) {
        return BY_NAME.get(name);
    }

    public static TopologyId[] all() {
        return ALL.clone();
    }

    static int count() {
        return ALL.length;
    }
}
