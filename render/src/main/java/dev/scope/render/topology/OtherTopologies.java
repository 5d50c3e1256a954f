package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.Steps;
import dev.scope.report.TopologyId;

import java.util.List;

/** ECS tasks and services, Docker Swarm services and the Weave Net overlay. */
public final class OtherTopologies {
    private OtherTopologies() {
    }

    public static Nodes ecsTasks(RenderContext ctx) {
        return ctx.memoised("ecs-tasks", c -> c.select(TopologyId.ECS_TASK).size() == 0 ? Nodes.EMPTY
                : ParentGrouping.renderParents(c, List.of(TopologyId.ECS_TASK), Ids.UNMANAGED, "container",
                ContainerTopology.containersWithImageNames(c)));
    }

    public static Nodes ecsServices(RenderContext ctx) {
        return ctx.memoised("ecs-services", c -> c.select(TopologyId.ECS_TASK).size() == 0 ? Nodes.EMPTY
                : ParentGrouping.renderParents(c, List.of(TopologyId.ECS_SERVICE), null, "ecs_task", ecsTasks(c)));
    }

    public static Nodes swarmServices(RenderContext ctx) {
        return ctx.memoised("swarm-services", c -> c.select(TopologyId.SWARM_SERVICE).size() == 0 ? Nodes.EMPTY
                : ParentGrouping.renderParents(c, List.of(TopologyId.SWARM_SERVICE), Ids.UNMANAGED, "container",
                ContainerTopology.containersWithImageNames(c)));
    }

    /** Weave Net peers only; Docker overlay peers are not shown. */
    public static Nodes weave(RenderContext ctx) {
        return ctx.memoised("weave", c -> Steps.map(c.select(TopologyId.OVERLAY),
                n -> Ids.overlay(n.id())[0].isEmpty() ? n : null));
    }
}
