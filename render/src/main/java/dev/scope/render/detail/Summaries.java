package dev.scope.render.detail;

import dev.scope.render.NodeSummary;
import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.RNode;
import dev.scope.report.Report;
import dev.scope.report.Topology;

import java.util.List;
import java.util.Map;

/** Turns rendered nodes into the summaries the UI shows (Weave's render/detailed/summary.go). */
public final class Summaries {
    /** Basic fields: what a link to a node needs. */
    record Basic(String id, String label, String labelMinor, String rank, String shape, String tag, boolean stack, boolean pseudo) {
        Basic with(String newLabel, String newMinor, String newRank) {
            return new Basic(id, newLabel, newMinor, newRank, shape, tag, stack, pseudo);
        }

        Basic stacked() {
            return new Basic(id, label, labelMinor, rank, shape, tag, true, pseudo);
        }

        Basic shaped(String newShape) {
            return new Basic(id, label, labelMinor, rank, newShape, tag, stack, pseudo);
        }
    }

    private static final Map<String, String> POD_GROUP_TYPE = Map.of("deployment", "Deployment", "daemon_set", "DaemonSet",
            "stateful_set", "StatefulSet", "cron_job", "CronJob", "job", "Job");

    private Summaries() {
    }

    /**
     * The summary of {@code n}, or null when the node is not shown (endpoints, unknown topologies).
     *
     * @param withSamples metric samples are included in node details only
     */
    public static NodeSummary summarize(Report report, RNode n, boolean withSamples) {
        Basic b = basic(report, n);
        if (b == null) return null;
        List<NodeSummary.MetadataRow> metadata = List.of();
        List<NodeSummary.MetricRow> metrics = List.of();
        List<NodeSummary.Table> tables = List.of();
        Topology t = ReportTopologies.byName(report, n.topology());
        // Group nodes (those with children of their own topology) show no details of their own.
        if (t != null && countChildren(n, n.topology()) == 0) {
            metadata = TemplateRows.metadata(t, n);
            metrics = TemplateRows.metrics(t, n, withSamples);
            tables = TemplateRows.tables(t, n);
        }
        return new NodeSummary(b.id, b.label, b.labelMinor, b.rank, b.shape, b.tag, b.stack, b.pseudo,
                metadata, ParentLinks.of(report, n), metrics, tables, n.adjacency());
    }

    /** Id, labels, rank and shape; null when the node is not shown. */
    static Basic basic(Report report, RNode n) {
        Topology t = ReportTopologies.byName(report, n.topology());
        // Weave's fallback for what it cannot name better: the id, drawn as a triangle.
        Basic b = new Basic(n.id(), n.id(), "", "", t == null ? "triangle" : t.shape(), t == null ? "" : t.tag(), false, false);
        switch (n.topology()) {
            case Ids.PSEUDO -> { return pseudo(b, n); }
            case "endpoint" -> { return null; }
            case "process" -> { return process(b, n); }
            case "container" -> { return container(b, n); }
            case "container_image" -> { return image(b, n); }
            case "pod" -> { return pod(b, n); }
            case "service", "deployment", "daemon_set", "stateful_set", "cron_job", "job" -> { return podGroup(b, n); }
            case "ecs_task" -> { return b.with(orElse(n.latestValue(Keys.ECS_TASK_FAMILY), untagged(n.id())), "", ""); }
            case "ecs_service" -> { return b.with(ecsServiceName(n.id()), "", "").stacked(); }
            case "swarm_service" -> { return b.with(orElse(n.latestValue(Keys.SERVICE_NAME), untagged(n.id())), "", ""); }
            case "host" -> { return host(b, n); }
            case "overlay" -> {
                String peer = Ids.overlay(n.id())[1];
                return b.with(orElse(n.latestValue(Keys.WEAVE_PEER_NICKNAME), peer), peer, "");
            }
            case "persistent_volume", "persistent_volume_claim", "storage_class", "volume_snapshot",
                 "volume_snapshot_data" -> { return kubernetes(b, n); }
            default -> {
                String grouped = Ids.groupedTopology(n.topology());
                if (grouped != null) return group(report, b, n, grouped);
                return t != null ? b : null;
            }
        }
    }

    private static Basic pseudo(Basic b, RNode n) {
        String pseudoId = Ids.pseudoPart(n.id());
        Basic p = new Basic(n.id(), "", "", pseudoId, b.shape, b.tag, false, true);
        if (Ids.isInternet(n.id())) {
            boolean inbound = n.id().equals(Ids.INCOMING_INTERNET);
            return p.with("The Internet", inbound ? "Inbound connections" : "Outbound connections", pseudoId).shaped("cloud");
        }
        if (n.id().startsWith(Ids.SERVICE_PREFIX)) {
            return p.with(n.id().substring(Ids.SERVICE_PREFIX.length()), "", pseudoId).shaped("cloud");
        }
        if (n.id().startsWith(Ids.UNCONTAINED_PREFIX)) {
            return p.with("Uncontained", n.id().substring(Ids.UNCONTAINED_PREFIX.length()), pseudoId).shaped("square").stacked();
        }
        if (n.id().startsWith(Ids.UNMANAGED_PREFIX)) {
            return p.with("Unmanaged", n.id().substring(Ids.UNMANAGED_PREFIX.length()), pseudoId).shaped("square").stacked();
        }
        String[] endpoint = Ids.endpoint(n.id());
        if (endpoint != null) return p.with(endpoint[1], "", pseudoId).shaped("circle");
        return p.with(pseudoId, "", pseudoId);
    }

    private static int countChildren(RNode n, String topology) {
        int count = 0;
        for (RNode child : n.children().values()) if (child.topology().equals(topology)) count++;
        return count;
    }

    private static Basic process(Basic b, RNode n) {
        String[] parts = Ids.processParts(n.id());
        String host = parts == null ? "" : parts[0];
        String pid = parts == null ? "" : parts[1];
        String name = orElse(n.latestValue(Keys.NAME), "");
        String container = orElse(n.latestValue(Keys.CONTAINER_NAME), "");
        if (!name.isEmpty() && !container.isEmpty()) return b.with(name, host + " (" + container + ":" + pid + ")", name);
        if (!name.isEmpty()) return b.with(name, host + " (" + pid + ")", name);
        if (!container.isEmpty()) return b.with(pid, host + " (" + container + ")", host);
        return b.with(pid, host, host);
    }

    private static Basic container(Basic b, RNode n) {
        String label = containerName(n);
        String host = Ids.hostOf(n);
        String image = n.latestValue(Keys.IMAGE_NAME);
        String rank = image != null && !image.isEmpty() ? Ids.imageNameWithoutVersion(image) : !host.isEmpty() ? host : label;
        return b.with(label, host, rank);
    }

    /** The friendliest container name available (ECS and Kubernetes names beat Docker's mangled ones). */
    static String containerName(RNode n) {
        for (String key : new String[] {Keys.LABEL_PREFIX + "com.amazonaws.ecs.container-name",
                Keys.LABEL_PREFIX + "io.kubernetes.container.name", Keys.ENV_PREFIX + "MARATHON_APP_ID",
                Keys.CONTAINER_NAME, Keys.CONTAINER_HOSTNAME}) {
            String v = n.latestValue(key);
            if (v != null) return v;
        }
        String id = orElse(Ids.untagged(n.id()), "");
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static Basic image(Basic b, RNode n) {
        String name = orElse(n.latestValue(Keys.IMAGE_NAME), "");
        String short_ = Ids.imageNameWithoutVersion(name);
        String label = !short_.isEmpty() && !short_.equals("<none>") ? short_
                : !name.isEmpty() && !name.equals("<none>") ? name : untagged(n.id());
        return b.with(label, pluralize(n, "container", "container", "containers"), label).stacked();
    }

    private static Basic kubernetes(Basic b, RNode n) {
        String label = orElse(n.latestValue(Keys.K8S_NAME), untagged(n.id()));
        return b.with(label, "", orElse(n.latestValue(Keys.K8S_NAMESPACE), "") + "/" + label);
    }

    private static Basic pod(Basic b, RNode n) {
        Basic k = kubernetes(b, n);
        return k.with(k.label(), pluralize(n, "container", "container", "containers"), k.rank());
    }

    private static Basic podGroup(Basic b, RNode n) {
        Basic k = kubernetes(b, n);
        String count = pluralize(n, "pod", "pod", "pods");
        String type = POD_GROUP_TYPE.get(n.topology());
        return k.with(k.label(), type == null ? count : type + " of " + count, k.rank()).stacked();
    }

    private static Basic host(Basic b, RNode n) {
        String hostname = untagged(n.id());
        int dot = hostname.indexOf('.');
        if (dot >= 0) return b.with(hostname.substring(0, dot), hostname.substring(dot + 1), hostname.substring(dot + 1));
        return b.with(hostname, "", "");
    }

    private static Basic group(Report report, Basic b, RNode n, String groupedTopology) {
        Basic g = new Basic(n.id(), n.id(), "", n.id(), b.shape(), b.tag(), true, false);
        Topology t = ReportTopologies.byName(report, groupedTopology);
        if (t == null) return g;
        String minor = t.label().isEmpty() ? "" : pluralize(n, groupedTopology, t.label(), t.labelPlural());
        return new Basic(n.id(), n.id(), minor, n.id(), t.shape(), t.tag(), true, false);
    }

    static String ecsServiceName(String id) {
        String untagged = untagged(id);
        int semi = untagged.indexOf(';');
        return semi < 0 ? "" : untagged.substring(semi + 1);
    }

    /** "1 container", "3 containers": a stored counter, else the children of that topology. */
    private static String pluralize(RNode n, String key, String singular, String plural) {
        int c = n.hasCounter(key) ? n.counter(key) : countChildren(n, key);
        return c + " " + (c == 1 ? singular : plural);
    }

    private static String untagged(String id) {
        return orElse(Ids.untagged(id), "");
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
