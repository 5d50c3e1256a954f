package dev.scope.probe.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpTextTest {
    private static String go(String literal) {
        return IpText.format(InetAddress.ofLiteral(literal).getAddress());
    }

    @Test
    void writesAddressesAsGoDoes() {
        assertThat(go("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(go("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(go("fe80:0:0:0:1:0:0:2")).isEqualTo("fe80::1:0:0:2");
        assertThat(go("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(go("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(IpText.format(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1}))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void knowsLoopback() {
        assertThat(IpText.isLoopback("127.0.0.1")).isTrue();
        assertThat(IpText.isLoopback("127.5.0.1")).isTrue();
        assertThat(IpText.isLoopback("::1")).isTrue();
        assertThat(IpText.isLoopback("10.0.0.1")).isFalse();
    }
}
