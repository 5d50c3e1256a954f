package dev.scope.probe.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our templates must be the ones a Weave Scope 1.13 probe sends, field by field. */
class DockerTemplatesTest {

    private final JsonNode container = WeaveFixture.report().get("Container");
    private final JsonNode image = WeaveFixture.report().get("ContainerImage");

    @Test
    void containerControlsAreWeaveScopes() {
        Topology t = DockerTemplates.containerTopology();
        assertThat(t.controls().size()).isEqualTo(container.get("controls").size());
        container.get("controls").properties().forEach(e -> {
            Control c = t.controls().get(e.getKey());
            JsonNode w = e.getValue();
            assertThat(c).as(e.getKey()).isNotNull();
            assertThat(c.human()).isEqualTo(w.get("human").asText());
            assertThat(c.icon()).isEqualTo(w.get("icon").asText());
            assertThat(c.rank()).isEqualTo(w.get("rank").asInt());
            assertThat(c.confirmation()).isEqualTo(w.path("confirmation").asText(""));
        });
    }

    @Test
    void containerMetadataTemplatesAreWeaveScopes() {
        assertMetadata(DockerTemplates.containerTopology(), container);
    }

    @Test
    void imageMetadataTemplatesAreWeaveScopes() {
        assertMetadata(DockerTemplates.imageTopology(), image);
    }

    @Test
    void containerMetricTemplatesAreWeaveScopes() {
        Topology t = DockerTemplates.containerTopology();
        assertThat(t.metricTemplates().size()).isEqualTo(container.get("metric_templates").size());
        container.get("metric_templates").properties().forEach(e -> {
            MetricTemplate m = t.metricTemplates().get(e.getKey());
            JsonNode w = e.getValue();
            assertThat(m.label()).isEqualTo(w.get("label").asText());
            assertThat(m.format()).isEqualTo(w.path("format").asText(""));
            assertThat(m.priority()).isEqualTo(w.get("priority").asDouble());
        });
    }

    @Test
    void tableTemplatesAreWeaveScopes() {
        assertTables(DockerTemplates.containerTopology(), container);
        assertTables(DockerTemplates.imageTopology(), image);
    }

    @Test
    void shapesAndLabelsAreWeaveScopes() {
        for (var pair : Map.of(DockerTemplates.containerTopology(), container, DockerTemplates.imageTopology(), image).entrySet()) {
            assertThat(pair.getKey().shape()).isEqualTo(pair.getValue().get("shape").asText());
            assertThat(pair.getKey().label()).isEqualTo(pair.getValue().get("label").asText());
            assertThat(pair.getKey().labelPlural()).isEqualTo(pair.getValue().get("label_plural").asText());
        }
    }

    private static void assertMetadata(Topology t, JsonNode weave) {
        assertThat(t.metadataTemplates().size()).isEqualTo(weave.get("metadata_templates").size());
        weave.get("metadata_templates").properties().forEach(e -> {
            MetadataTemplate m = t.metadataTemplates().get(e.getKey());
            JsonNode w = e.getValue();
            assertThat(m).as(e.getKey()).isNotNull();
            assertThat(m.label()).as(e.getKey()).isEqualTo(w.get("label").asText());
            assertThat(m.truncate()).as(e.getKey()).isEqualTo(w.path("truncate").asInt(0));
            assertThat(m.dataType()).as(e.getKey()).isEqualTo(w.path("dataType").asText(""));
            assertThat(m.priority()).as(e.getKey()).isEqualTo(w.get("priority").asDouble());
            assertThat(m.from()).as(e.getKey()).isEqualTo(w.get("from").asText());
        });
    }

    private static void assertTables(Topology t, JsonNode weave) {
        assertThat(t.tableTemplates().size()).isEqualTo(weave.get("table_templates").size());
        weave.get("table_templates").properties().forEach(e -> {
            TableTemplate tt = t.tableTemplates().get(e.getKey());
            JsonNode w = e.getValue();
            assertThat(tt).as(e.getKey()).isNotNull();
            assertThat(tt.label()).isEqualTo(w.get("label").asText());
            assertThat(tt.prefix()).isEqualTo(w.get("prefix").asText());
            assertThat(tt.type()).isEqualTo(w.get("type").asText());
            assertThat(tt.columns()).isNull();
            Map<String, String> rows = new HashMap<>();
            w.get("fixedRows").properties().forEach(r -> rows.put(r.getKey(), r.getValue().asText()));
            assertThat(tt.fixedRows().toMap()).isEqualTo(rows);
        });
    }
}
