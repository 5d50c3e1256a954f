package dev.scope.probe.kubernetes;

/** Keys of the latest maps, control ids and node ids Weave Scope 1.13 uses for Kubernetes nodes. */
public final class KubernetesKeys {
    private KubernetesKeys() {
    }

    // Every object (Weave's meta.go).
    public static final String NAME = "kubernetes_name";
    public static final String NAMESPACE = "kubernetes_namespace";
    public static final String CREATED = "kubernetes_created";
    public static final String LABEL_PREFIX = "kubernetes_labels_";
    public static final String NODE_TYPE = "kubernetes_node_type";

    // Pods.
    public static final String STATE = "kubernetes_state";
    public static final String IP = "kubernetes_ip";
    public static final String IS_IN_HOST_NETWORK = "kubernetes_is_in_host_network";
    public static final String RESTART_COUNT = "kubernetes_restart_count";
    public static final String VOLUME_CLAIM = "kubernetes_volume_claim";
    public static final String STATE_DELETED = "deleted";

    // Services.
    public static final String PUBLIC_IP = "kubernetes_public_ip";
    public static final String TYPE = "kubernetes_type";
    public static final String PORTS = "kubernetes_ports";

    // Controllers.
    public static final String OBSERVED_GENERATION = "kubernetes_observed_generation";
    public static final String REPLICAS = "kubernetes_replicas";
    public static final String DESIRED_REPLICAS = "kubernetes_desired_replicas";
    public static final String UPDATED_REPLICAS = "kubernetes_updated_replicas";
    public static final String AVAILABLE_REPLICAS = "kubernetes_available_replicas";
    public static final String UNAVAILABLE_REPLICAS = "kubernetes_unavailable_replicas";
    public static final String MISSCHEDULED_REPLICAS = "kubernetes_misscheduled_replicas";
    public static final String STRATEGY = "kubernetes_strategy";
    public static final String SCHEDULE = "kubernetes_schedule";
    public static final String SUSPENDED = "kubernetes_suspended";
    public static final String LAST_SCHEDULED = "kubernetes_last_scheduled";
    public static final String ACTIVE_JOBS = "kubernetes_active_jobs";

    // Storage.
    public static final String STORAGE_CLASS_NAME = "kubernetes_storage_class_name";
    public static final String ACCESS_MODES = "kubernetes_access_modes";
    public static final String STATUS = "kubernetes_status";
    public static final String VOLUME_NAME = "kubernetes_volume_name";
    public static final String PROVISIONER = "kubernetes_provisioner";
    public static final String STORAGE_DRIVER = "kubernetes_storage_driver";
    public static final String VOLUME_CAPACITY = "kubernetes_volume_capacity";

    // Keys every probe puts on nodes with controls, and the container keys the tagger reads and writes.
    public static final String ACTIVE_CONTROLS = "active_controls";
    public static final String CONTROL_PROBE_ID = "control_probe_id";
    public static final String LOCAL_NETWORKS = "local_networks";
    public static final String POD_UID_LABEL = "docker_label_io.kubernetes.pod.uid";
    public static final String DOES_NOT_MAKE_CONNECTIONS = "does_not_make_connections";

    // Control ids.
    public static final String GET_LOGS = "kubernetes_get_logs";
    public static final String DELETE_POD = "kubernetes_delete_pod";
    public static final String SCALE_UP = "kubernetes_scale_up";
    public static final String SCALE_DOWN = "kubernetes_scale_down";
    public static final String DESCRIBE = "kubernetes_describe";
    public static final String CORDON = "kubernetes_cordon_node";
    public static final String UNCORDON = "kubernetes_uncordon_node";

    // Node id tags: Weave's node ids are {@code <uid>;<tag>} (namespaces: {@code <name>;<namespace>}).
    public static final String POD = "pod";
    public static final String SERVICE = "service";
    public static final String DEPLOYMENT = "deployment";
    public static final String REPLICA_SET = "replica_set";
    public static final String DAEMON_SET = "daemonset";
    public static final String STATEFUL_SET = "statefulset";
    public static final String CRON_JOB = "cronjob";
    public static final String JOB = "job";
    public static final String NAMESPACE_TAG = "namespace";
    public static final String PERSISTENT_VOLUME = "persistent_volume";
    public static final String PERSISTENT_VOLUME_CLAIM = "persistent_volume_claim";
    public static final String STORAGE_CLASS = "storage_class";

    /** {@code <id>;<tag>}, as Weave's {@code makeSingleComponentID}. */
    public static String nodeId(String id, String tag) {
        return id + ";<" + tag + ">";
    }

    /** The tag of a {@code <id>;<tag>} node id, or null. */
    public static String tagOf(String nodeId) {
        if (nodeId == null) return null;
        int semi = nodeId.lastIndexOf(';');
        if (semi <= 0 || !nodeId.endsWith(">") || nodeId.length() < semi + 3 || nodeId.charAt(semi + 1) != '<') return null;
        return nodeId.substring(semi + 2, nodeId.length() - 1);
    }

    /** The id part of a {@code <id>;<tag>} node id when its tag is {@code tag}, else null. */
    public static String idOf(String nodeId, String tag) {
        if (nodeId == null) return null;
        String suffix = ";<" + tag + ">";
        if (!nodeId.endsWith(suffix)) return null;
        String id = nodeId.substring(0, nodeId.length() - suffix.length());
        return id.isEmpty() ? null : id;
    }
}
