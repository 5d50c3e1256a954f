package dev.scope.probe.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.probe.TestFiles;
import dev.scope.report.Node;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatMappingTest {
    private final EndpointReporter ids = new EndpointReporter(Path.of("/proc"), "vm", () -> null, false);

    private static Flow flow(String line) {
        return ConntrackTable.parse(line).getFirst();
    }

    @Test
    void aDockerPortMappingMapsTheHostPortToTheContainersEndpoint() {
        // a client at 192.168.1.7 reached host port 8080, answered by the container at 172.17.0.2:80
        Flow dnat = flow("ipv4 2 tcp 6 431999 ESTABLISHED src=192.168.1.7 dst=192.168.1.5 sport=51000 dport=8080 "
                + "src=172.17.0.2 dst=192.168.1.7 sport=80 dport=51000 [ASSURED] mark=0 use=1");
        assertThat(dnat.natted()).isTrue();
        assertThat(NatMapping.of(dnat)).isEqualTo(new NatMapping("172.17.0.2", 80, "192.168.1.5", 8080));
        assertThat(dnat.asServerSeesIt()).isEqualTo(new FourTuple("192.168.1.7", 51000, "172.17.0.2", 80));
    }

    @Test
    void masqueradingMapsTheRewrittenSourceToTheRealOne() {
        Flow snat = flow("ipv4 2 tcp 6 431999 ESTABLISHED src=172.17.0.3 dst=93.184.216.34 sport=40000 dport=443 "
                + "src=93.184.216.34 dst=192.168.1.5 sport=443 dport=61000 [ASSURED] mark=0 use=1");
        assertThat(snat.natted()).isTrue();
        assertThat(NatMapping.of(snat)).isEqualTo(new NatMapping("172.17.0.3", 40000, "192.168.1.5", 61000));
    }

    @Test
    void plainFlowsAreNotNatted() {
        List<Flow> flows = ConntrackTable.parse(TestFiles.text("proc/nf_conntrack.txt"));
        assertThat(flows.get(0).natted()).isFalse();
        assertThat(flows.get(2).natted()).as("the fixture's DNAT to 10.199.0.2:80").isTrue();
    }

    @Test
    void copiesTheRealEndpointWithItsProcessAndSaysWhatItIsACopyOf() {
        Node real = Node.builder(";172.17.0.2;80", "endpoint").putLatest("pid", "42", 1)
                .putLatest("host_node_id", "vm;<host>", 1).build();
        Map<String, Node> nodes = new HashMap<>(Map.of(real.id(), real));

        new NatMapping("172.17.0.2", 80, "192.168.1.5", 8080).apply(nodes, ids::endpointId, 5);

        Node copy = nodes.get(";192.168.1.5;8080");
        assertThat(copy).isNotNull();
        assertThat(copy.latestValue("pid")).isEqualTo("42");
        assertThat(copy.latestValue("host_node_id")).isEqualTo("vm;<host>");
        assertThat(copy.latestValue(NatMapping.COPY_OF)).isEqualTo(";172.17.0.2;80");
        assertThat(nodes.get(real.id()).latestValue(NatMapping.COPY_OF)).isNull();
    }

    @Test
    void doesNothingWhenTheRealEndpointIsNotOnThisHost() {
        Map<String, Node> nodes = new HashMap<>();
        new NatMapping("172.17.0.2", 80, "192.168.1.5", 8080).apply(nodes, ids::endpointId, 5);
        assertThat(nodes).isEmpty();
    }

    @Test
    void loopbackCopiesAreScopedByHostAsWeaveScopeDoes() {
        Node real = Node.builder(";10.199.0.2;80", "endpoint").putLatest("pid", "7", 1).build();
        Map<String, Node> nodes = new HashMap<>(Map.of(real.id(), real));
        List<Flow> flows = ConntrackTable.parse(TestFiles.text("proc/nf_conntrack.txt"));
        NatMapping.of(flows.get(2)).apply(nodes, ids::endpointId, 5);
        assertThat(nodes.get("vm;127.0.0.1;9000").latestValue(NatMapping.COPY_OF)).isEqualTo(";10.199.0.2;80");
    }
}
