package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Report;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonEncodingTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    private static Report fixture() throws Exception {
        return ReportCodec.decode(Fixtures.bytes(Fixtures.JSON_GZ), WireFormat.JSON, true, LIMITS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reEncodesTheFixtureWithTheSameFieldsAndValuesAsWeaveScope() throws Exception {
        Map<String, Object> expected = (Map<String, Object>) JsonTree.parse(Fixtures.gunzipped(Fixtures.JSON_GZ));
        Map<String, Object> actual = (Map<String, Object>) JsonTree.parse(ReportCodec.encode(fixture(), WireFormat.JSON, false));

        // Differences we mean to have: the two nodes Weave Scope filed without an id get theirs from the key,
        // and the capture's editor left "adjacency": null on the node whose connection was removed.
        Map<String, Object> processNodes = nodes(expected, "Process");
        processNodes.forEach((key, node) -> ((Map<String, Object>) node).putIfAbsent("id", key));
        ((Map<String, Object>) nodes(expected, "Endpoint").get(";192.0.2.2;48456")).remove("adjacency");

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesFieldsInWeaveScopesOrder() throws Exception {
        Map<String, Object> expected = (Map<String, Object>) JsonTree.parse(Fixtures.gunzipped(Fixtures.JSON_GZ));
        Map<String, Object> actual = (Map<String, Object>) JsonTree.parse(ReportCodec.encode(fixture(), WireFormat.JSON, false));
        assertThat(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        for (String topology : List.of("Process", "Container", "Host", "ContainerImage")) {
            assertThat(List.copyOf(((Map<String, Object>) actual.get(topology)).keySet()))
                    .isEqualTo(List.copyOf(((Map<String, Object>) expected.get(topology)).keySet()));
        }
        String hostId = "vm;<host>";
        assertThat(List.copyOf(((Map<String, Object>) nodes(actual, "Host").get(hostId)).keySet()))
                .containsExactly("id", "topology", "sets", "latest", "metrics", "parents", "children");
    }

    @Test
    void jsonReEncodingDecodesToTheSameReport() throws Exception {
        Report report = fixture();
        for (boolean gzip : new boolean[] {false, true}) {
            byte[] ours = ReportCodec.encode(report, WireFormat.JSON, gzip);
            assertThat(ReportCodec.decode(ours, WireFormat.JSON, gzip, LIMITS)).isEqualTo(report);
        }
    }

    @Test
    void writesTimesAsRfc3339NanoAndGoZeroTimeForZero() throws Exception {
        String json = new String(ReportCodec.encode(Report.empty(), WireFormat.JSON, false), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"TS\":\"0001-01-01T00:00:00Z\",\"Endpoint\":{},");
        assertThat(json).endsWith("\"DNS\":{},\"Sampling\":{\"Count\":0,\"Total\":0},\"Window\":0,\"Shortcut\":false,\"Plugins\":[],\"ID\":\"\"}");
    }

    @ParameterizedTest
    @CsvSource({"446464.0, 446464.0", "0.1, 0.1", "1.8446744073709552E19, 18446744073709552000.0",
            "25276510208.0, 25276510208.0", "0.0, 0.0", "-2.5, -2.5", "1.0E-7, 1e-07", "1.5E21, 1.5e+21",
            "3.0303030303030303, 3.0303030303030303", "1.0E-5, 0.00001"})
    void formatsFloatsAsGoDoes(double value, String text) {
        assertThat(JsonWireWriter.formatFloat(value)).isEqualTo(text);
        assertThat(Double.parseDouble(text)).isEqualTo(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodes(Map<String, Object> report, String topology) {
        return (Map<String, Object>) ((Map<String, Object>) report.get(topology)).get("nodes");
    }
}
