package dev.scope.probe.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.probe.TestFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetTcpTest {
    private static List<Connection> parse(String resource) {
        byte[] b = TestFiles.bytes(resource);
        List<Connection> out = new ArrayList<>();
        ProcNetTcp.parse(b, b.length, out::add);
        return out;
    }

    @Test
    void keepsOnlyEstablishedIpv4ConnectionsWithTheirInodes() {
        assertThat(parse("proc/net-tcp.txt")).containsExactly(
                new Connection("127.0.0.1", 45750, "127.0.0.1", 4040, 20002),
                new Connection("10.199.5.6", 6379, "10.199.5.4", 35068, 20003));
    }

    @Test
    void decodesIpv6AndMappedIpv4AsGoPrintsThem() {
        assertThat(parse("proc/net-tcp6.txt")).containsExactly(
                new Connection("::1", 8080, "::1", 54321, 30001),
                new Connection("127.0.0.1", 8080, "127.0.0.2", 54322, 30002),
                new Connection("2001:db8::1", 80, "2001:db8::2", 50000, 30003));
    }

    @Test
    void reportsListeningPortsSeparately() {
        byte[] b = TestFiles.bytes("proc/net-tcp.txt");
        List<Integer> listening = new ArrayList<>();
        ProcNetTcp.parse(b, b.length, c -> { }, listening::add);
        assertThat(listening).containsExactly(4040);
    }

    @Test
    void survivesTruncatedAndEmptyInput() {
        List<Connection> out = new ArrayList<>();
        byte[] junk = "header\n 0: 0100\n 1: zz:zz yy:yy 01\n\n".getBytes();
        ProcNetTcp.parse(junk, junk.length, out::add);
        ProcNetTcp.parse(new byte[0], 0, out::add);
        assertThat(out).isEmpty();
    }
}
