package dev.scope.probe.kubernetes;

import java.util.Collection;

/**
 * The smallest IPv4 network holding every service IP. The API server does not publish the service IP range, so
 * Weave Scope derives one like this and adds it to the host's local networks: connections to service IPs are then
 * not drawn as going to the internet.
 */
final class ServiceNetwork {
    private ServiceNetwork() {
    }

    /** {@code a.b.c.d/n}, or null when no address is an IPv4 address. */
    static String containing(Collection<String> addresses) {
        long first = -1;
        long differing = 0;
        for (String a : addresses) {
            long ip = ipv4(a);
            if (ip < 0) continue;
            if (first < 0) first = ip;
            differing |= ip ^ first;
        }
        if (first < 0) return null;
        int prefix = 32 - (64 - Long.numberOfLeadingZeros(differing));
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long network = first & mask;
        return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "." + (network & 255) + "/" + prefix;
    }

    /** The address as an unsigned 32-bit number, or -1 when it is not a dotted IPv4 address (e.g. "None"). */
    static long ipv4(String text) {
        if (text == null) return -1;
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return -1;
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return -1;
            int octet = Integer.parseInt(p);
            if (octet > 255) return -1;
            value = value << 8 | octet;
        }
        return value;
    }
}
