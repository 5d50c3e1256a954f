package dev.scope.probe.docker;

/** Keys of the latest, sets and metrics maps and the control ids Weave Scope 1.13 uses for Docker nodes. */
public final class DockerKeys {
    private DockerKeys() {
    }

    // Container latest keys.
    public static final String CONTAINER_ID = "docker_container_id";
    public static final String CONTAINER_NAME = "docker_container_name";
    public static final String CONTAINER_COMMAND = "docker_container_command";
    public static final String CONTAINER_CREATED = "docker_container_created";
    public static final String CONTAINER_HOSTNAME = "docker_container_hostname";
    public static final String CONTAINER_STATE = "docker_container_state";
    public static final String CONTAINER_STATE_HUMAN = "docker_container_state_human";
    public static final String CONTAINER_UPTIME = "docker_container_uptime";
    public static final String CONTAINER_RESTART_COUNT = "docker_container_restart_count";
    public static final String CONTAINER_NETWORK_MODE = "docker_container_network_mode";
    public static final String IS_IN_HOST_NETWORK = "docker_is_in_host_network";
    public static final String LABEL_PREFIX = "docker_label_";
    public static final String ENV_PREFIX = "docker_env_";

    // Container sets keys.
    public static final String CONTAINER_NETWORKS = "docker_container_networks";
    public static final String CONTAINER_IPS = "docker_container_ips";
    public static final String CONTAINER_IPS_WITH_SCOPES = "docker_container_ips_with_scopes";
    public static final String CONTAINER_PORTS = "docker_container_ports";

    // Image latest keys.
    public static final String IMAGE_ID = "docker_image_id";
    public static final String IMAGE_NAME = "docker_image_name";
    public static final String IMAGE_TAG = "docker_image_tag";
    public static final String IMAGE_SIZE = "docker_image_size";
    public static final String IMAGE_VIRTUAL_SIZE = "docker_image_virtual_size";
    public static final String IMAGE_LABEL_PREFIX = "docker_image_label_";

    // Metrics.
    public static final String CPU_TOTAL_USAGE = "docker_cpu_total_usage";
    public static final String MEMORY_USAGE = "docker_memory_usage";

    // Keys every probe puts on nodes with controls.
    public static final String ACTIVE_CONTROLS = "active_controls";
    public static final String CONTROL_PROBE_ID = "control_probe_id";
    public static final String LOCAL_NETWORKS = "local_networks";

    // Container states as Weave Scope names them.
    public static final String STATE_RUNNING = "running";
    public static final String STATE_PAUSED = "paused";
    public static final String STATE_RESTARTING = "restarting";
    public static final String STATE_EXITED = "exited";
    public static final String STATE_CREATED = "created";
    public static final String STATE_DEAD = "dead";
    public static final String STATE_DELETED = "deleted";

    // Control ids.
    public static final String ATTACH = "docker_attach_container";
    public static final String EXEC = "docker_exec_container";
    public static final String START = "docker_start_container";
    public static final String RESTART = "docker_restart_container";
    public static final String PAUSE = "docker_pause_container";
    public static final String UNPAUSE = "docker_unpause_container";
    public static final String STOP = "docker_stop_container";
    public static final String REMOVE = "docker_remove_container";
    public static final String RESIZE_EXEC_TTY = "docker_resize_exec_tty";
    /** Not in Weave Scope 1.13: streams a container's log through a pipe. Not advertised in the topology's controls. */
    public static final String LOGS = "docker_logs_container";

    /** Node id suffixes: {@code <id>;<container>} and {@code <id>;<container_image>}. */
    public static String containerNodeId(String containerId) {
        return containerId + ";<container>";
    }

    public static String imageNodeId(String imageIdOrName) {
        return imageIdOrName + ";<container_image>";
    }

    /** The container id of a {@code <id>;<container>} node id, or null when it is not one. */
    public static String containerIdOf(String nodeId) {
        if (nodeId == null || !nodeId.endsWith(";<container>")) return null;
        String id = nodeId.substring(0, nodeId.length() - ";<container>".length());
        return id.isEmpty() || id.indexOf(';') >= 0 ? null : id;
    }
}
