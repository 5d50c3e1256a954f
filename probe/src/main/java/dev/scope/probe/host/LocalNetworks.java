package dev.scope.probe.host;

import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The IPv4 networks this host has an address in, as CIDRs with the host's address ({@code 10.0.0.5/24}). */
public final class LocalNetworks {
    private LocalNetworks() {
    }

    /**
     * {@link #find} at most once per {@code maxAge}: listing interfaces costs milliseconds and they rarely
     * change, so a spy cycle should not pay it every second.
     */
    public static java.util.function.Supplier<List<String>> cached(java.time.Duration maxAge) {
        return new java.util.function.Supplier<>() {
            private List<String> value;
            private long readAt;

            @Override
            public synchronized List<String> get() {
                long now = System.nanoTime();
                if (value == null || now - readAt > maxAge.toNanos()) {
                    value = List.copyOf(find());
                    readAt = now;
                }
                return value;
            }
        };
    }

    public static List<String> find() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) continue;
                for (InterfaceAddress a : nic.getInterfaceAddresses()) {
                    if (a.getAddress() instanceof Inet4Address v4) {
                        out.add(v4.getHostAddress() + "/" + a.getNetworkPrefixLength());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return out;
    }
}
