package dev.scope.service.control;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Control and pipe replicas trust the gateway's internal headers and each other's internal routes without
 * credentials, so they must be reachable only from the gateway and their peers: loopback, or a private network
 * fenced by a Kubernetes NetworkPolicy. Listening anywhere else is allowed (replicas on several hosts need it) but said
 * loudly.
 */
public final class BackendExposure {
    private static final Logger log = LoggerFactory.getLogger(BackendExposure.class);

    private BackendExposure() {
    }

    public static void warnIfExposed(String component, String host) {
        if (loopback(host)) return;
        log.warn("the {} component listens on {}: it trusts X-Scope-OrgID and X-Scope-Role from whoever connects, so "
                + "only the gateway and other replicas may reach it (NetworkPolicy, firewall)", component, host);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
