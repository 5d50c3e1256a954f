package dev.scope.render.graph;

/** Latest/set/counter keys Weave Scope 1.13's probe writes and its renderers read. */
public final class Keys {
    private Keys() {
    }

    public static final String HOST_NODE_ID = "host_node_id";
    public static final String HOST_NAME = "host_name";
    public static final String LOCAL_NETWORKS = "local_networks";
    public static final String PID = "pid";
    public static final String NAME = "name";
    public static final String CMDLINE = "cmdline";
    public static final String COPY_OF = "copy_of";
    public static final String IS_CONNECTED = "is_connected";
    public static final String DOES_NOT_MAKE_CONNECTIONS = "does_not_make_connections";
    public static final String ACTIVE_CONTROLS = "active_controls";
    public static final String CONTROL_PROBE_ID = "control_probe_id";

    public static final String CONTAINER_ID = "docker_container_id";
    public static final String CONTAINER_NAME = "docker_container_name";
    public static final String CONTAINER_HOSTNAME = "docker_container_hostname";
    public static final String CONTAINER_STATE = "docker_container_state";
    public static final String CONTAINER_COMMAND = "docker_container_command";
    public static final String CONTAINER_IPS_WITH_SCOPES = "docker_container_ips_with_scopes";
    public static final String CONTAINER_PORTS = "docker_container_ports";
    public static final String IS_IN_HOST_NETWORK = "docker_is_in_host_network";
    public static final String IMAGE_ID = "docker_image_id";
    public static final String IMAGE_NAME = "docker_image_name";
    public static final String IMAGE_TAG = "docker_image_tag";
    public static final String IMAGE_SIZE = "docker_image_size";
    public static final String IMAGE_VIRTUAL_SIZE = "docker_image_virtual_size";
    public static final String LABEL_PREFIX = "docker_label_";
    public static final String IMAGE_LABEL_PREFIX = "docker_image_label_";
    public static final String ENV_PREFIX = "docker_env_";
    public static final String STACK_NAMESPACE = "stack_namespace";
    public static final String SERVICE_NAME = "service_name";
    public static final String DEFAULT_SWARM_NAMESPACE = "No Stack";

    public static final String STATE_RUNNING = "running";
    public static final String STATE_PAUSED = "paused";
    public static final String STATE_RESTARTING = "restarting";
    public static final String STATE_DELETED = "deleted";

    public static final String K8S_NAME = "kubernetes_name";
    public static final String K8S_NAMESPACE = "kubernetes_namespace";
    public static final String K8S_STATE = "kubernetes_state";
    public static final String K8S_IP = "kubernetes_ip";
    public static final String K8S_STATE_DELETED = "deleted";
    public static final String K8S_STATE_FAILED = "Failed";
    public static final String K8S_VOLUME_CLAIM = "kubernetes_volume_claim";
    public static final String K8S_VOLUME_NAME = "kubernetes_volume_name";
    public static final String K8S_STORAGE_CLASS_NAME = "kubernetes_storage_class_name";
    public static final String K8S_VOLUME_SNAPSHOT_NAME = "kubernetes_volume_snapshot_name";
    public static final String K8S_SNAPSHOT_DATA = "kubernetes_snapshot_data";

    public static final String ECS_TASK_FAMILY = "ecs_task_family";
    public static final String WEAVE_PEER_NICKNAME = "weave_peer_nick_name";
    public static final String DOCKER_OVERLAY_PEER_PREFIX = "docker_peer_";
}
