package dev.scope.probe.endpoint;

import java.util.function.Consumer;

/**
 * Parses {@code /proc/<pid>/net/tcp} and {@code tcp6} from bytes: local and remote address (hex, each 32-bit
 * word in host byte order, i.e. little-endian here), state and socket inode. Only established connections are
 * passed on; listening sockets and closing ones are not connections Weave Scope draws.
 */
public final class ProcNetTcp {
    static final int ESTABLISHED = 0x01;
    static final int LISTEN = 0x0A;

    private ProcNetTcp() {
    }

    public static void parse(byte[] b, int length, Consumer<Connection> out) {
        parse(b, length, out, port -> { });
    }

    /** Also reports the ports of listening sockets, which tell a connection's server side. */
    public static void parse(byte[] b, int length, Consumer<Connection> out, java.util.function.IntConsumer listening) {
        int pos = nextLine(b, length, 0); // skip the header
        byte[] local = new byte[16], remote = new byte[16];
        while (pos < length) {
            int end = nextLine(b, length, pos);
            parseLine(b, pos, end, local, remote, out, listening);
            pos = end;
        }
    }

    private static void parseLine(byte[] b, int from, int to, byte[] local, byte[] remote, Consumer<Connection> out,
                                  java.util.function.IntConsumer listening) {
        int i = skipSpaces(b, from, to);
        i = skipField(b, i, to); // "sl:"
        i = skipSpaces(b, i, to);
        int localStart = i;
        i = skipField(b, i, to);
        int localEnd = i;
        i = skipSpaces(b, i, to);
        int remoteStart = i;
        i = skipField(b, i, to);
        int remoteEnd = i;
        i = skipSpaces(b, i, to);
        if (i + 2 > to) return;
        int state = hex(b[i]) * 16 + hex(b[i + 1]);
        if (state == LISTEN && localEnd - 4 > localStart) listening.accept(port(b, localEnd));
        if (state != ESTABLISHED) return;
        // skip tx:rx, tr:when, retrnsmt, uid, timeout; then inode
        for (int f = 0; f < 6; f++) {
            i = skipField(b, i, to);
            i = skipSpaces(b, i, to);
        }
        long inode = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') inode = inode * 10 + (b[i++] - '0');
        int addrLen = address(b, localStart, localEnd, local);
        int localPort = port(b, localEnd);
        address(b, remoteStart, remoteEnd, remote);
        int remotePort = port(b, remoteEnd);
        if (addrLen < 0) return;
        out.accept(new Connection(IpText.format(java.util.Arrays.copyOf(local, addrLen)), localPort,
                IpText.format(java.util.Arrays.copyOf(remote, addrLen)), remotePort, inode));
    }

    /** Decodes "0100007F:1F90" style addresses: returns the address length (4 or 16), or -1. */
    private static int address(byte[] b, int start, int end, byte[] out) {
        int colon = -1;
        for (int i = start; i < end; i++) if (b[i] == ':') { colon = i; break; }
        int hexLen = colon - start;
        if (hexLen != 8 && hexLen != 32) return -1;
        int words = hexLen / 8;
        for (int w = 0; w < words; w++) {
            int base = start + w * 8;
            // each 32-bit word is printed as a number in host (little-endian) order
            for (int k = 0; k < 4; k++) {
                int hi = hex(b[base + 6 - 2 * k]), lo = hex(b[base + 7 - 2 * k]);
                out[w * 4 + k] = (byte) (hi * 16 + lo);
            }
        }
        return words * 4;
    }

    private static int port(byte[] b, int end) {
        return hex(b[end - 4]) << 12 | hex(b[end - 3]) << 8 | hex(b[end - 2]) << 4 | hex(b[end - 1]);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return 0;
    }

    private static int skipSpaces(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) i++;
        return i;
    }

    private static int skipField(byte[] b, int i, int to) {
        while (i < to && b[i] != ' ' && b[i] != '\t' && b[i] != '\n') i++;
        return i;
    }

    private static int nextLine(byte[] b, int length, int from) {
        for (int i = from; i < length; i++) if (b[i] == '\n') return i + 1;
        return length;
    }
}
