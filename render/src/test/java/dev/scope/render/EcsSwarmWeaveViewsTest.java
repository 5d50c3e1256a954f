package dev.scope.render;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ECS tasks and services, Swarm services and Weave Net peers, from small hand-built reports. */
class EcsSwarmWeaveViewsTest {
    private static final long T = TestReports.T;
    private final Views views = new Views();

    @Test
    void ecsTasksGroupContainersAndServicesGroupTasks() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .container("h1", "c1", "web", "running", null)
                .node(TopologyId.CONTAINER, Node.builder("c1;<container>", "container").parent("ecs_task", "arn:task1;<ecs_task>").build())
                .node(TopologyId.ECS_TASK, Node.builder("arn:task1;<ecs_task>", "ecs_task").latest("ecs_task_family", "shop-web", T)
                        .parent("ecs_service", "prod;web;<ecs_service>").build())
                .node(TopologyId.ECS_SERVICE, Node.builder("prod;web;<ecs_service>", "ecs_service").build())
                .build();

        NodeSummary task = views.topology(r, "ecs-tasks", Map.of()).nodes().get("arn:task1;<ecs_task>");
        assertThat(task.label()).isEqualTo("shop-web");
        NodeSummary service = views.topology(r, "ecs-services", Map.of()).nodes().get("prod;web;<ecs_service>");
        assertThat(service.label()).isEqualTo("web");
        assertThat(service.stack()).isTrue();
        NodeDetails details = views.node(r, "ecs-tasks", "arn:task1;<ecs_task>", Map.of()).orElseThrow();
        assertThat(details.children()).extracting(NodeDetails.ChildGroup::label).containsExactly("Containers");
    }

    @Test
    void swarmServicesAreNamedByTheirServiceName() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .container("h1", "c1", "web.1.abc", "running", null)
                .node(TopologyId.CONTAINER, Node.builder("c1;<container>", "container").parent("swarm_service", "svc1;<swarm_service>").build())
                .node(TopologyId.SWARM_SERVICE, Node.builder("svc1;<swarm_service>", "swarm_service")
                        .latest("service_name", "shop_web", T).latest("stack_namespace", "shop", T).build())
                .build();

        assertThat(views.topology(r, "swarm-services", Map.of()).nodes().get("svc1;<swarm_service>").label()).isEqualTo("shop_web");
        TopologyList.TopologyDesc containers = views.topologyList(r, Map.of()).topologies().getFirst();
        assertThat(containers.options().getLast().noneLabel()).isEqualTo("All Stacks");
        assertThat(containers.subTopologies().getFirst().options().getLast().id()).isEqualTo("namespace");
    }

    @Test
    void weaveNetShowsWeavePeersButNotDockerOverlayPeers() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .node(TopologyId.OVERLAY, Node.builder("#12:34:56:78:9a:bc", "overlay").latest("weave_peer_nick_name", "h1", T)
                        .adjacent("#de:ad:be:ef:00:01").build())
                .node(TopologyId.OVERLAY, Node.builder("#de:ad:be:ef:00:01", "overlay").build())
                .node(TopologyId.OVERLAY, Node.builder("#docker_peer_h1", "overlay").build())
                .build();

        RenderedTopology weave = views.topology(r, "weave", Map.of());
        assertThat(weave.nodes()).containsOnlyKeys("#12:34:56:78:9a:bc", "#de:ad:be:ef:00:01");
        NodeSummary peer = weave.nodes().get("#12:34:56:78:9a:bc");
        assertThat(peer.label()).isEqualTo("h1");
        assertThat(peer.labelMinor()).isEqualTo("12:34:56:78:9a:bc");
        assertThat(peer.adjacency()).containsExactly("#de:ad:be:ef:00:01");
    }
}
