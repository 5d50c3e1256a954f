package dev.scope.render;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Weave's censoring query parameters, websocket diffs and memoisation. */
class CensorAndDiffTest {
    private final Views views = new Views();

    private static Report withEnvironment() {
        return TestReports.withHost("h1", "10.0.0.0/8")
                .container("h1", "c1", "web", "running", null)
                .node(TopologyId.CONTAINER, Node.builder("c1;<container>", "container")
                        .latest("docker_env_PASSWORD", "hunter2", TestReports.T).build())
                .process("h1", "10", "httpd", "c1")
                .build()
                .toBuilder()
                .updateTopology(TopologyId.CONTAINER, t -> t.withTableTemplates(StringMap.of("docker_env_",
                        new TableTemplate("docker_env_", "Environment variables", "docker_env_", "property-list", null, null))))
                .build();
    }

    @Test
    void environmentVariablesShowUnlessHidden() throws Exception {
        NodeSummary shown = views.topology(withEnvironment(), "containers", Map.of()).nodes().get("c1;<container>");
        assertThat(shown.tables()).extracting(NodeSummary.Table::id).containsExactly("docker_env_");
        assertThat(shown.tables().getFirst().rows().getFirst().entries()).containsEntry("value", "hunter2");

        NodeSummary hidden = views.topology(withEnvironment(), "containers", Map.of("hideEnvironmentVariables", "true"))
                .nodes().get("c1;<container>");
        assertThat(hidden.tables()).isEmpty();
        assertThat(new String(ApiJson.toBytes(views.node(withEnvironment(), "containers", "c1;<container>",
                Map.of("hideEnvironmentVariables", "true")).orElseThrow()), StandardCharsets.UTF_8)).doesNotContain("hunter2");
    }

    @Test
    void commandLineArgumentsAreCutWhenAsked() throws Exception {
        Report r = WeaveFixtures.report();
        NodeDetails details = views.node(r, "processes", "vm;16427", Map.of("hideCommandLineArguments", "true")).orElseThrow();
        assertThat(details.summary().metadata()).filteredOn(m -> m.id().equals("cmdline"))
                .extracting(NodeSummary.MetadataRow::value).containsExactly("/tmp/peer/bin/scope");
    }

    @Test
    void firstDiffResetsAndAddsEverything() throws Exception {
        RenderedTopology t = views.topology(WeaveFixtures.report(), "hosts", Map.of());
        TopologyDiff diff = views.diff(null, t);
        assertThat(diff.reset()).isTrue();
        assertThat(diff.add()).extracting(NodeSummary::id).containsExactly("vm;<host>");
        assertThat(new String(ApiJson.toBytes(views.diff(t, t)), StandardCharsets.UTF_8))
                .isEqualTo("{\"add\":null,\"update\":null,\"remove\":null}");
    }

    @Test
    void diffsNameChangedAndRemovedNodes() throws Exception {
        Report before = TestReports.withHost("h1", "10.0.0.0/8").container("h1", "c1", "a", "running", null)
                .container("h1", "c2", "b", "running", null).build();
        Report after = TestReports.withHost("h1", "10.0.0.0/8").container("h1", "c1", "renamed", "running", null).build();

        TopologyDiff diff = views.diff(views.topology(before, "containers", Map.of()), views.topology(after, "containers", Map.of()));

        assertThat(diff.reset()).isFalse();
        assertThat(diff.add()).isEmpty();
        assertThat(diff.update()).extracting(NodeSummary::label).containsExactly("renamed");
        assertThat(diff.remove()).containsExactly("c2;<container>");
    }

    @Test
    void theSameReportAndQueryAreRenderedOnce() throws Exception {
        Report r = WeaveFixtures.report();
        assertThat(views.topology(r, "processes", Map.of())).isSameAs(views.topology(r, "processes", Map.of()));
        assertThat(views.topologyList(r, Map.of())).isSameAs(views.topologyList(r, Map.of()));
        assertThat(views.topology(r, "processes", Map.of("unconnected", "hide")))
                .isNotSameAs(views.topology(r, "processes", Map.of()));
    }
}
