package dev.scope.report.codec;

import dev.scope.report.DnsRecord;
import dev.scope.report.Latest;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What Weave Scope's app does to every report it receives from an older probe ({@code Report.Upgrade} in
 * {@code backcompat.go}), after decoding: pods get their deployments as parents instead of replica sets,
 * the namespace topology is filled from the namespaces Kubernetes nodes name, and report-level DNS is
 * built from endpoint sets. A report from a current probe passes unchanged. Not part of decoding, so that
 * decoding stays a lossless inverse of encoding; the app calls it on received reports.
 */
public final class ReportUpgrade {
    static final String KUBERNETES_STATE = "kubernetes_state";
    static final String KUBERNETES_NAMESPACE = "kubernetes_namespace";
    static final String KUBERNETES_NAME = "kubernetes_name";
    static final String SNOOPED_DNS_NAMES = "snooped_dns_names";
    static final String REVERSE_DNS_NAMES = "reverse_dns_names";

    private static final List<TopologyId> NAMESPACED = List.of(TopologyId.POD, TopologyId.SERVICE, TopologyId.DEPLOYMENT,
            TopologyId.DAEMON_SET, TopologyId.STATEFUL_SET, TopologyId.CRON_JOB);

    private ReportUpgrade() {
    }

    public static Report upgrade(Report r) {
        return upgradeDns(upgradeNamespaces(upgradePods(r)));
    }

    /** Probes that reported replica sets gave pods replica-set parents; the app wants the deployments. */
    static Report upgradePods(Report r) {
        NodeSet replicaSets = r.topology(TopologyId.REPLICA_SET).nodes();
        if (replicaSets.isEmpty()) return r;
        List<Node> pods = new ArrayList<>();
        for (Node pod : r.topology(TopologyId.POD).nodes()) {
            StringSet replicaSetIds = pod.parents().get(TopologyId.REPLICA_SET.name);
            if (replicaSetIds != null) {
                StringMap<StringSet> parents = pod.parents().without(TopologyId.REPLICA_SET.name);
                for (String id : replicaSetIds) {
                    Node replicaSet = replicaSets.get(id);
                    StringSet deployments = replicaSet == null ? null : replicaSet.parents().get(TopologyId.DEPLOYMENT.name);
                    if (deployments != null) parents = parents.merge(StringMap.of(TopologyId.DEPLOYMENT.name, deployments), StringSet::merge);
                }
                pod = pod.withParents(parents);
            }
            pods.add(pod);
        }
        Topology podTopology = r.topology(TopologyId.POD);
        return r.toBuilder().topology(TopologyId.POD, podTopology.withNodes(NodeSet.of(pods))).build();
    }

    /**
     * Probes did not report namespaces; the app makes a node {@code <name>;<namespace>} for each namespace a
     * live Kubernetes node names. Weave Scope stamps its {@code kubernetes_name} with the time of the upgrade;
     * we use the report's time, so that upgrading is a pure function.
     */
    static Report upgradeNamespaces(Report r) {
        if (!r.topology(TopologyId.NAMESPACE).nodes().isEmpty()) return r;
        TreeSet<String> namespaces = new TreeSet<>();
        for (TopologyId t : NAMESPACED) {
            for (Node n : r.topology(t).nodes()) {
                if ("deleted".equals(n.latestValue(KUBERNETES_STATE))) continue;
                String namespace = n.latestValue(KUBERNETES_NAMESPACE);
                if (namespace != null) namespaces.add(namespace);
            }
        }
        if (namespaces.isEmpty()) return r;
        List<Node> nodes = new ArrayList<>();
        for (String namespace : namespaces) {
            nodes.add(Node.of(namespace + ";<namespace>", "")
                    .withLatest(StringMap.of(KUBERNETES_NAME, new Latest(namespace, r.timestamp()))));
        }
        return r.toBuilder().topology(TopologyId.NAMESPACE, r.topology(TopologyId.NAMESPACE).withNodes(NodeSet.of(nodes))).build();
    }

    /** Probes kept DNS names on endpoint nodes; the app gathers them by address when the report has no DNS. */
    static Report upgradeDns(Report r) {
        if (!r.dns().isEmpty()) return r;
        Map<String, DnsRecord> dns = new HashMap<>();
        for (Node endpoint : r.topology(TopologyId.ENDPOINT).nodes()) {
            String address = addressOf(endpoint.id());
            StringSet snooped = endpoint.sets().get(SNOOPED_DNS_NAMES);
            StringSet reverse = endpoint.sets().get(REVERSE_DNS_NAMES);
            if (address == null || snooped == null && reverse == null) continue;
            dns.merge(address, new DnsRecord(snooped, reverse), DnsRecord::merge);
        }
        return dns.isEmpty() ? r : r.toBuilder().dns(StringMap.copyOf(dns)).build();
    }

    /** The address of an endpoint id {@code <scope>;<address>;<port>}, or null when it has no such shape. */
    static String addressOf(String endpointId) {
        int first = endpointId.indexOf(';');
        if (first < 0) return null;
        int second = endpointId.indexOf(';', first + 1);
        return second < 0 ? null : endpointId.substring(first + 1, second);
    }
}
