package dev.scope.probe.docker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The IPv4 addresses of this host's interfaces: where ports published on 0.0.0.0 can be reached. */
final class LocalAddresses {
    private LocalAddresses() {
    }

    static List<String> ipv4() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) out.add(a.getHostAddress());
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return out;
    }
}
