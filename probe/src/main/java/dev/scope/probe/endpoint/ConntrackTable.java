package dev.scope.probe.endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the TCP lines of {@code /proc/net/nf_conntrack} (the format {@code conntrack -L} also prints after its
 * first two columns): {@code ipv4 2 tcp 6 431999 ESTABLISHED src=.. dst=.. sport=.. dport=.. src=.. dst=.. sport=..
 * dport=.. [ASSURED] ...}. The first src/dst/sport/dport are the original direction, the second the reply.
 */
public final class ConntrackTable {
    private ConntrackTable() {
    }

    public static List<Flow> parse(String text) {
        List<Flow> flows = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            Flow flow = parseLine(text, start, end);
            if (flow != null) flows.add(flow);
            start = end + 1;
        }
        return flows;
    }

    static Flow parseLine(String text, int start, int end) {
        String line = text.substring(start, end);
        if (!line.contains(" tcp ")) return null;
        String[] f = line.trim().split("\\s+");
        String state = null;
        String[] src = new String[2], dst = new String[2];
        int[] sport = new int[2], dport = new int[2];
        int srcSeen = 0, dstSeen = 0, sportSeen = 0, dportSeen = 0;
        try {
            for (String field : f) {
                if (state == null && isState(field)) state = field;
                else if (field.startsWith("src=") && srcSeen < 2) src[srcSeen++] = canonical(field.substring(4));
                else if (field.startsWith("dst=") && dstSeen < 2) dst[dstSeen++] = canonical(field.substring(4));
                else if (field.startsWith("sport=") && sportSeen < 2) sport[sportSeen++] = Integer.parseInt(field.substring(6));
                else if (field.startsWith("dport=") && dportSeen < 2) dport[dportSeen++] = Integer.parseInt(field.substring(6));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (srcSeen < 2 || dstSeen < 2 || sportSeen < 2 || dportSeen < 2 || state == null) return null;
        return new Flow(new FourTuple(src[0], sport[0], dst[0], dport[0]),
                new FourTuple(src[1], sport[1], dst[1], dport[1]),
                state.equals("ESTABLISHED") || state.startsWith("SYN"));
    }

    private static boolean isState(String field) {
        if (field.isEmpty() || field.indexOf('=') >= 0 || field.startsWith("[")) return false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_') return false;
        }
        return true;
    }

    /** conntrack prints IPv6 in full or compressed; normalise through the same formatter as endpoint ids. */
    private static String canonical(String address) {
        if (address.indexOf(':') < 0) return address;
        try {
            return IpText.format(java.net.InetAddress.ofLiteral(address).getAddress());
        } catch (IllegalArgumentException e) {
            return address;
        }
    }
}
