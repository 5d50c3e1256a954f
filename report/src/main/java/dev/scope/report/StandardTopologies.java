package dev.scope.report;

/** The shapes and labels every Weave Scope 1.13 probe puts on its report's topologies. */
public final class StandardTopologies {
    private StandardTopologies() {
    }

    public static Topology descriptor(TopologyId t) {
        return switch (t) {
            case ENDPOINT, NAMESPACE -> Topology.EMPTY;
            case PROCESS -> Topology.described("square", "process", "processes");
            case CONTAINER -> Topology.described("hexagon", "container", "containers");
            case POD -> Topology.described("heptagon", "pod", "pods");
            case SERVICE -> Topology.described("heptagon", "service", "services");
            case DEPLOYMENT -> Topology.described("heptagon", "deployment", "deployments");
            case REPLICA_SET -> Topology.described("triangle", "replica set", "replica sets");
            case DAEMON_SET -> Topology.described("pentagon", "daemonset", "daemonsets");
            case STATEFUL_SET -> Topology.described("octagon", "stateful set", "stateful sets");
            case CRON_JOB -> Topology.described("triangle", "cron job", "cron jobs");
            case CONTAINER_IMAGE -> Topology.described("hexagon", "image", "images");
            case HOST -> Topology.described("circle", "host", "hosts");
            case ECS_TASK -> Topology.described("heptagon", "task", "tasks");
            case ECS_SERVICE -> Topology.described("heptagon", "service", "services");
            case SWARM_SERVICE -> Topology.described("heptagon", "service", "services")
                    .withMetadataTemplates(StringMap.copyOf(java.util.Map.of(
                            "service_name", new MetadataTemplate("service_name", "Service name", 0, "", 0, "latest"),
                            "stack_namespace", new MetadataTemplate("stack_namespace", "Stack namespace", 0, "", 1, "latest"))));
            case OVERLAY -> Topology.described("circle", "peer", "peers");
            case PERSISTENT_VOLUME -> Topology.described("cylinder", "persistent volume", "persistent volumes");
            case PERSISTENT_VOLUME_CLAIM -> Topology.described("dottedcylinder", "persistent volume claim", "persistent volume claims");
            case STORAGE_CLASS -> Topology.described("sheet", "storage class", "storage classes");
            case VOLUME_SNAPSHOT -> Topology.described("dottedcylinder", "volume snapshot", "volume snapshots").withTag("camera");
            case VOLUME_SNAPSHOT_DATA -> Topology.described("cylinder", "volume snapshot data", "volume snapshot data").withTag("camera");
            case JOB -> Topology.described("dottedtriangle", "job", "jobs");
        };
    }
}
