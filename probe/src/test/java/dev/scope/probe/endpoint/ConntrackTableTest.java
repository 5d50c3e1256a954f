package dev.scope.probe.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.probe.TestFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConntrackTableTest {
    @Test
    void readsTcpFlowsInBothDirectionsAndSkipsUdp() {
        List<Flow> flows = ConntrackTable.parse(TestFiles.text("proc/nf_conntrack.txt"));
        assertThat(flows).hasSize(4);
        assertThat(flows.get(0)).isEqualTo(new Flow(
                new FourTuple("10.199.5.4", 35068, "10.199.5.6", 6379),
                new FourTuple("10.199.5.6", 6379, "10.199.5.4", 35068), true));
    }

    @Test
    void closingFlowsAreNotAlive() {
        List<Flow> flows = ConntrackTable.parse(TestFiles.text("proc/nf_conntrack.txt"));
        assertThat(flows.get(1).alive()).isFalse();
        assertThat(flows.get(1).original().toPort()).isEqualTo(8080);
    }

    @Test
    void seesDestinationNat() {
        List<Flow> flows = ConntrackTable.parse(TestFiles.text("proc/nf_conntrack.txt"));
        assertThat(flows.get(0).destinationNatted()).isFalse();
        assertThat(flows.get(2).destinationNatted()).isTrue();
        assertThat(flows.get(2).reply().fromAddress()).isEqualTo("10.199.0.2");
    }

    @Test
    void normalisesIpv6Addresses() {
        Flow v6 = ConntrackTable.parse(TestFiles.text("proc/nf_conntrack.txt")).get(3);
        assertThat(v6.original()).isEqualTo(new FourTuple("::1", 41000, "::1", 443));
    }

    @Test
    void ignoresGarbage() {
        assertThat(ConntrackTable.parse("tcp nonsense\n\nipv4 2 tcp 6 1 ESTABLISHED src=1 sport=x\n")).isEmpty();
    }
}
