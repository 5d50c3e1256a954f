package dev.scope.render.detail;

import dev.scope.render.NodeDetails;
import dev.scope.render.NodeSummary;
import dev.scope.render.NodeSummary.MetadataRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hides command-line arguments and environment variables when the request asks
 * ({@code hideCommandLineArguments=true}, {@code hideEnvironmentVariables=true}), as Weave does.
 */
public record Censor(boolean hideCommandLineArguments, boolean hideEnvironmentVariables) {
    public static final Censor NONE = new Censor(false, false);

    public static Censor fromQuery(Map<String, String> query) {
        return new Censor("true".equals(query.get("hideCommandLineArguments")),
                "true".equals(query.get("hideEnvironmentVariables")));
    }

    public boolean isNone() {
        return !hideCommandLineArguments && !hideEnvironmentVariables;
    }

    public NodeSummary apply(NodeSummary s) {
        if (isNone()) return s;
        NodeSummary out = s;
        if (hideCommandLineArguments && !s.metadata().isEmpty()) {
            List<MetadataRow> rows = new ArrayList<>(s.metadata().size());
            for (MetadataRow r : s.metadata()) {
                boolean command = r.id().equals("cmdline") || r.id().equals("docker_container_command");
                rows.add(command ? new MetadataRow(r.id(), r.label(), r.value().split(" ", -1)[0], r.priority(), r.dataType(), r.truncate()) : r);
            }
            out = out.withMetadata(rows);
        }
        if (hideEnvironmentVariables && !s.tables().isEmpty()) {
            out = out.withTables(s.tables().stream().filter(t -> !t.id().equals("docker_env_")).toList());
        }
        return out;
    }

    public NodeDetails apply(NodeDetails d) {
        if (isNone()) return d;
        List<NodeDetails.ChildGroup> children = new ArrayList<>();
        for (NodeDetails.ChildGroup g : d.children()) {
            children.add(new NodeDetails.ChildGroup(g.id(), g.label(), g.nodes().stream().map(this::apply).toList(),
                    g.topologyId(), g.columns()));
        }
        return new NodeDetails(apply(d.summary()), d.controls(), children, d.connections());
    }
}
