package dev.scope.render.topology;

import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Networks;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * One report being rendered, with the intermediate renders several topologies share (processes,
 * containers...) computed once — Weave's Memoise. Thread-safe; lives as long as its report is current.
 */
public final class RenderContext {
    private final Report report;
    private final Networks localNetworks;
    private final Map<String, FutureTask<Nodes>> memo = new ConcurrentHashMap<>();

    public RenderContext(Report report) {
        this.report = report;
        this.localNetworks = localNetworksOf(report);
    }

    public Report report() {
        return report;
    }

    public Networks localNetworks() {
        return localNetworks;
    }

    /** The nodes of one report topology as render nodes. */
    public Nodes select(TopologyId topology) {
        return memoised("select:" + topology.name, ignored -> {
            Map<String, RNode> out = new HashMap<>(report.topology(topology).nodes().size() * 2);
            for (Node n : report.topology(topology).nodes()) {
                // Weave drops nodes that arrive without id or topology (e.g. metrics of a process that just exited).
                if (n.id().isEmpty() || n.topology().isEmpty()) continue;
                out.put(n.id(), RNode.from(n));
            }
            return Nodes.of(out);
        });
    }

    /**
     * Computes a named intermediate render once per report; a thread asking for one another thread is
     * computing waits for it (renders depend on each other without cycles, so this cannot deadlock).
     */
    public Nodes memoised(String name, Function<RenderContext, Nodes> render) {
        FutureTask<Nodes> task = memo.get(name);
        if (task == null) {
            FutureTask<Nodes> mine = new FutureTask<>(() -> render.apply(this));
            task = memo.putIfAbsent(name, mine);
            if (task == null) {
                task = mine;
                mine.run();
            }
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Networks localNetworksOf(Report report) {
        Networks networks = new Networks();
        for (TopologyId t : new TopologyId[] {TopologyId.HOST, TopologyId.OVERLAY}) {
            for (Node n : report.topology(t).nodes()) {
                for (String cidr : n.set(Keys.LOCAL_NETWORKS)) networks.add(cidr);
            }
        }
        return networks;
    }
}
