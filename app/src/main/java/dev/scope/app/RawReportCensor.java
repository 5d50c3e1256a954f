package dev.scope.app;

import dev.scope.report.Latest;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.TopologyId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET /api/report's {@code hideCommandLineArguments=true} and {@code hideEnvironmentVariables=true},
 * as in Weave Scope: command lines keep only their first word, {@code docker_env_*} entries go.
 */
final class RawReportCensor {
    private static final String CMDLINE = "cmdline";
    private static final String CONTAINER_COMMAND = "docker_container_command";
    private static final String ENV_PREFIX = "docker_env_";

    private RawReportCensor() {
    }

    static Report censor(Report report, Map<String, String> query) {
        boolean hideArgs = "true".equals(query.get("hideCommandLineArguments"));
        boolean hideEnv = "true".equals(query.get("hideEnvironmentVariables"));
        if (!hideArgs && !hideEnv) return report;
        Report.Builder b = report.toBuilder();
        for (TopologyId t : TopologyId.all()) {
            b.updateTopology(t, top -> top.withNodes(censor(top.nodes(), hideArgs, hideEnv)));
        }
        return b.build();
    }

    private static NodeSet censor(NodeSet nodes, boolean hideArgs, boolean hideEnv) {
        if (nodes.isEmpty()) return nodes;
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) out.add(n.withLatest(censor(n.latest(), hideArgs, hideEnv)));
        return NodeSet.of(out);
    }

    private static StringMap<Latest> censor(StringMap<Latest> latest, boolean hideArgs, boolean hideEnv) {
        Map<String, Latest> kept = new TreeMap<>();
        latest.forEach((key, entry) -> {
            if (hideEnv && key.startsWith(ENV_PREFIX)) return;
            if (hideArgs && (key.equals(CMDLINE) || key.equals(CONTAINER_COMMAND))) {
                entry = new Latest(entry.value().split(" ", 2)[0], entry.timestamp());
            }
            kept.put(key, entry);
        });
        return StringMap.copyOf(kept);
    }
}
