package dev.scope.probe.endpoint;

/**
 * Addresses as text the way Go's {@code net.IP.String()} writes them, so endpoint ids match Weave Scope's:
 * dotted quads, IPv4-mapped IPv6 as IPv4, IPv6 lower-case with the longest run of two or more zero groups as
 * {@code ::}.
 */
public final class IpText {
    private IpText() {
    }

    /** Formats 4 or 16 address bytes. */
    public static String format(byte[] a) {
        if (a.length == 4) return v4(a, 0);
        boolean mapped = true;
        for (int i = 0; i < 10; i++) mapped &= a[i] == 0;
        mapped &= a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        if (mapped) return v4(a, 12);
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static String v4(byte[] a, int at) {
        return (a[at] & 0xff) + "." + (a[at + 1] & 0xff) + "." + (a[at + 2] & 0xff) + "." + (a[at + 3] & 0xff);
    }

    /** 127.0.0.0/8 and ::1. */
    public static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }
}
