package dev.scope.render.graph;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIDRs the hosts of a report call local; an address outside all of them is "the Internet".
 * Addresses are parsed as literals only (never resolved).
 */
public final class Networks {
    private record Cidr(byte[] network, int prefix) {
        boolean contains(byte[] ip) {
            if (ip.length != network.length) return false;
            int full = prefix / 8, rest = prefix % 8;
            for (int i = 0; i < full; i++) if (ip[i] != network[i]) return false;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (ip[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Cidr> cidrs = new ArrayList<>();

    /** Adds a CIDR such as {@code 10.0.0.1/24}; malformed ones are ignored, as Weave does. */
    public void add(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) return;
        byte[] ip = parseIp(cidr.substring(0, slash));
        if (ip == null) return;
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return;
        }
        if (prefix < 0 || prefix > ip.length * 8) return;
        cidrs.add(new Cidr(ip, prefix));
    }

    public boolean contains(byte[] ip) {
        for (Cidr c : cidrs) if (c.contains(ip)) return true;
        return false;
    }

    /** Bytes of an IPv4 (4) or IPv6 (16) literal; IPv4-mapped IPv6 becomes 4 bytes; null if not an IP. */
    public static byte[] parseIp(String s) {
        byte[] v4 = parseIpv4(s);
        if (v4 != null) return v4;
        if (s.indexOf(':') < 0) return null;
        try {
            byte[] b = InetAddress.ofLiteral(s).getAddress();
            return b;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int part = 0, value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) return null;
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }
}
