package dev.scope.render.topology;

import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.render.graph.Steps;
import dev.scope.render.topology.OptionGroupSpec.OptionSpec;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The topologies of Weave Scope 1.13's API (app/api_topologies.go): names, ranks, options and filters. */
public final class ApiTopologies {
    private static final OptionGroupSpec UNMANAGED = OptionGroupSpec.one("pseudo", "hide",
            new OptionSpec("show", "Show unmanaged", null, false),
            new OptionSpec("hide", "Hide unmanaged", NodeFilters::isNotPseudo, true));
    private static final OptionGroupSpec STORAGE = OptionGroupSpec.one("storage", "hide",
            new OptionSpec("show", "Show storage", null, false),
            new OptionSpec("hide", "Hide storage", NodeFilters::isPodComponent, false));
    private static final OptionGroupSpec SNAPSHOT = OptionGroupSpec.one("snapshot", "hide",
            new OptionSpec("show", "Show snapshots", null, false),
            new OptionSpec("hide", "Hide snapshots", NodeFilters::isNonSnapshotComponent, false));
    private static final List<OptionGroupSpec> CONTAINER_OPTIONS = List.of(
            OptionGroupSpec.one("system", "application",
                    new OptionSpec("all", "All", null, false),
                    new OptionSpec("system", "System containers", NodeFilters::isSystem, false),
                    new OptionSpec("application", "Application containers", NodeFilters::isApplication, false)),
            OptionGroupSpec.one("stopped", "running",
                    new OptionSpec("stopped", "Stopped containers", NodeFilters::isStopped, false),
                    new OptionSpec("running", "Running containers", NodeFilters::isRunning, false),
                    new OptionSpec("both", "Both", null, false)),
            OptionGroupSpec.one("pseudo", "hide",
                    new OptionSpec("show", "Show uncontained", null, false),
                    new OptionSpec("hide", "Hide uncontained", NodeFilters::isNotPseudo, true)));
    private static final List<OptionGroupSpec> UNCONNECTED = List.of(OptionGroupSpec.one("unconnected", "hide",
            new OptionSpec("show", "Show unconnected", null, false),
            new OptionSpec("hide", "Hide unconnected", NodeFilters::isConnected, false)));

    /** In registration order; sub-topologies are listed in this order under their parent. */
    private static final List<ApiTopology> ALL = List.of(
            new ApiTopology("processes", null, "Processes", 1, true, UNCONNECTED, ProcessTopology::connectedProcesses),
            new ApiTopology("processes-by-name", "processes", "by name", 0, true, UNCONNECTED, ProcessTopology::processNames),
            new ApiTopology("containers", null, "Containers", 2, false, CONTAINER_OPTIONS, ContainerTopology::containersWithImageNames),
            new ApiTopology("containers-by-hostname", "containers", "by DNS name", 0, false, CONTAINER_OPTIONS, ContainerTopology::hostnames),
            new ApiTopology("containers-by-image", "containers", "by image", 0, false, CONTAINER_OPTIONS, ContainerTopology::images),
            new ApiTopology("pods", null, "Pods", 3, true, List.of(SNAPSHOT, STORAGE, UNMANAGED), KubernetesTopology::pods),
            new ApiTopology("kube-controllers", "pods", "Controllers", 0, true, List.of(UNMANAGED), KubernetesTopology::controllers),
            new ApiTopology("services", "pods", "Services", 0, true, List.of(UNMANAGED), KubernetesTopology::services),
            new ApiTopology("ecs-tasks", null, "Tasks", 3, true, List.of(UNMANAGED), OtherTopologies::ecsTasks),
            new ApiTopology("ecs-services", "ecs-tasks", "Services", 0, true, List.of(UNMANAGED), OtherTopologies::ecsServices),
            new ApiTopology("swarm-services", null, "Services", 3, true, List.of(UNMANAGED), OtherTopologies::swarmServices),
            new ApiTopology("hosts", null, "Hosts", 4, false, List.of(), HostTopology::hosts),
            new ApiTopology("weave", "hosts", "Weave Net", 0, false, List.of(), OtherTopologies::weave));

    private static final Set<String> KUBE_NAMESPACED = Set.of("containers", "pods", "services", "kube-controllers");
    private static final Set<String> SWARM_NAMESPACED = Set.of("containers", "containers-by-image", "containers-by-hostname", "swarm-services");

    private ApiTopologies() {
    }

    public static Optional<ApiTopology> byId(String id) {
        for (ApiTopology t : ALL) if (t.id().equals(id)) return Optional.of(t);
        return Optional.empty();
    }

    /** Top-level topologies sorted by name, as Weave lists them. */
    public static List<ApiTopology> topLevel() {
        List<ApiTopology> out = new ArrayList<>();
        for (ApiTopology t : ALL) if (t.parentId() == null) out.add(t);
        out.sort(Comparator.comparing(ApiTopology::name));
        return out;
    }

    public static List<ApiTopology> subTopologiesOf(ApiTopology parent) {
        List<ApiTopology> out = new ArrayList<>();
        for (ApiTopology t : ALL) if (parent.id().equals(t.parentId())) out.add(t);
        return out;
    }

    /**
     * The options of {@code t} for this report: its own, plus a namespace selector when the report has
     * Kubernetes namespaces or Swarm stacks. {@code asListed} applies the selector the way the list does
     * (to a parent's sub-topologies too).
     */
    public static List<OptionGroupSpec> optionsFor(ApiTopology t, Report report, ApiTopology listedUnder) {
        List<OptionGroupSpec> out = new ArrayList<>(t.options());
        String key = listedUnder == null ? t.id() : listedUnder.id();
        List<String> kube = kubeNamespaces(report);
        if (!kube.isEmpty() && KUBE_NAMESPACED.contains(key)) out.add(namespaceGroup(kube, "All Namespaces"));
        List<String> stacks = swarmStacks(report);
        if (!stacks.isEmpty() && SWARM_NAMESPACED.contains(key)) out.add(namespaceGroup(stacks, "All Stacks"));
        return out;
    }

    private static OptionGroupSpec namespaceGroup(List<String> namespaces, String noneLabel) {
        List<OptionSpec> options = new ArrayList<>();
        for (String ns : namespaces) options.add(new OptionSpec(ns, ns, NodeFilters.isNamespace(ns), false));
        return new OptionGroupSpec("namespace", "", options, "union", noneLabel);
    }

    private static List<String> kubeNamespaces(Report report) {
        List<String> out = new ArrayList<>();
        for (Node n : report.topology(TopologyId.NAMESPACE).nodes()) {
            String name = n.latestValue(Keys.K8S_NAME);
            if (name != null) out.add(name);
        }
        out.sort(null);
        return out;
    }

    private static List<String> swarmStacks(Report report) {
        Set<String> out = new TreeSet<>();
        for (Node n : report.topology(TopologyId.SWARM_SERVICE).nodes()) {
            String ns = n.latestValue(Keys.STACK_NAMESPACE);
            if (ns != null) out.add(ns);
        }
        return new ArrayList<>(out);
    }

    /** The topology's nodes without option filters (only what its renderer does). */
    public static Nodes renderUnfiltered(RenderContext ctx, ApiTopology t) {
        return t.renderer().apply(ctx);
    }

    /**
     * Applies the options of the query. With no query parameter at all only unconnected pseudo nodes
     * are dropped; with any parameter, every option not given takes its default (as Weave 1.13 does).
     */
    public static Nodes applyOptions(Nodes nodes, ApiTopology t, Report report, Map<String, String> query) {
        if (query.isEmpty()) return Steps.filterUnconnectedPseudo(nodes);
        List<Predicate<RNode>> filters = new ArrayList<>();
        for (OptionGroupSpec group : optionsFor(t, report, null)) {
            String value = query.getOrDefault(group.id(), group.defaultValue());
            Predicate<RNode> f = group.filterFor(value);
            if (f != null) filters.add(f);
        }
        Nodes filtered = filters.isEmpty() ? nodes : Steps.filter(nodes, n -> {
            for (Predicate<RNode> f : filters) if (!f.test(n)) return false;
            return true;
        });
        return Steps.filterUnconnectedPseudo(filtered);
    }
}
