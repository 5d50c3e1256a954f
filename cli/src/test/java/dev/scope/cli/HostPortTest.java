package dev.scope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
    @Test
    void readsHostAndPort() {
        assertThat(HostPort.parse("127.0.0.1:4041", 4040)).isEqualTo(new HostPort("127.0.0.1", 4041));
    }

    @Test
    void aBarePortMeansEveryInterfaceAsInWeaveScope() {
        assertThat(HostPort.parse(":4040", 1)).isEqualTo(new HostPort("0.0.0.0", 4040));
    }

    @Test
    void aBareHostTakesTheDefaultPort() {
        assertThat(HostPort.parse("localhost", 4040)).isEqualTo(new HostPort("localhost", 4040));
    }

    @Test
    void readsBracketedIpv6() {
        assertThat(HostPort.parse("[::1]:9", 4040)).isEqualTo(new HostPort("::1", 9));
        assertThat(HostPort.parse("[::1]", 4040)).isEqualTo(new HostPort("::1", 4040));
    }

    @Test
    void rejectsAPortOutOfRangeWithTheInputInTheMessage() {
        assertThatThrownBy(() -> HostPort.parse("h:70000", 4040)).hasMessageContaining("h:70000");
        assertThatThrownBy(() -> HostPort.parse("h:x", 4040)).hasMessageContaining("not a port");
    }
}
