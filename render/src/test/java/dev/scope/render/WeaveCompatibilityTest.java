package dev.scope.render;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the captured probe report, our answers equal what a real Weave Scope 1.13.2 app answered, compared
 * as JSON trees (see {@link JsonTreeDiff}). Nothing is excluded: every captured value, including the
 * container uptimes, comes from the report itself, not from the wall clock.
 */
class WeaveCompatibilityTest {
    private static final Map<String, String> ALL = Map.of("system", "all", "stopped", "both", "pseudo", "show", "unconnected", "show");
    private final Views views = new Views();

    @ParameterizedTest
    @ValueSource(strings = {"processes", "processes-by-name", "containers", "containers-by-image",
            "containers-by-hostname", "hosts", "pods"})
    void topologyWithoutQueryMatchesWeave(String topology) throws Exception {
        assertSame("topology-" + topology + ".json", views.topology(WeaveFixtures.report(), topology, Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"processes", "processes-by-name", "containers", "containers-by-image",
            "containers-by-hostname", "hosts", "pods"})
    void topologyShowingEverythingMatchesWeave(String topology) throws Exception {
        assertSame("topology-" + topology + "-all.json", views.topology(WeaveFixtures.report(), topology, ALL));
    }

    @org.junit.jupiter.api.Test
    void containersWithExplicitDefaultsMatchWeave() throws Exception {
        Map<String, String> defaults = Map.of("system", "application", "stopped", "running", "pseudo", "hide");
        assertSame("topology-containers-defaults.json", views.topology(WeaveFixtures.report(), "containers", defaults));
    }

    @org.junit.jupiter.api.Test
    void topologyListMatchesWeave() {
        assertSame("topology-list.json", views.topologyList(WeaveFixtures.report(), Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"processes", "containers", "containers-by-image", "hosts"})
    void theMsgpackCaptureRendersTheSame(String topology) throws Exception {
        assertSame("topology-" + topology + ".json", views.topology(WeaveFixtures.msgpackReport(), topology, Map.of()));
        assertSame("topology-list.json", views.topologyList(WeaveFixtures.msgpackReport(), Map.of()));
    }

    @ParameterizedTest
    @CsvSource({
            "node-containers.json, containers, 6e646b6929aaf21c240318feec78fa46c3dedcec06eb0f90498475d3d15b9c2d;<container>",
            "node-hosts.json, hosts, vm;<host>",
            "node-processes.json, processes, vm;16427"})
    void nodeDetailsMatchWeave(String file, String topology, String nodeId) throws Exception {
        NodeDetails details = views.node(WeaveFixtures.report(), topology, nodeId, Map.of()).orElseThrow();
        assertSame(file, details);
    }

    private static void assertSame(String file, Object view) {
        JsonNode expected = WeaveFixtures.answer(file);
        List<String> differences = JsonTreeDiff.diff(expected, WeaveFixtures.tree(view));
        assertThat(differences).as("differences from Weave's " + file).isEmpty();
    }
}
