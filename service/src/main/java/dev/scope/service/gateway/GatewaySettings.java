package dev.scope.service.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * @param host                   listen address
 * @param port                   listen port, 0 for any free one
 * @param users                  replicas of the users component (account pages, /api/users, everything unrouted)
 * @param collection             replicas of the collection component
 * @param query                  replicas of the query component
 * @param control                replicas of the control component
 * @param pipe                   replicas of the pipe component
 * @param maxReportBodyBytes     largest POST /api/report body (compressed, as sent)
 * @param maxRequestBodyBytes    largest body of any other request
 * @param reportsPerSecondPerOrg sustained reports per second one organisation may send (all its probes together)
 * @param reportBurstPerOrg      how many reports beyond the sustained rate an organisation may send at once
 * @param tls                    the gateway is reached over HTTPS (directly or through a TLS-terminating proxy):
 *                               adds Strict-Transport-Security
 */
public record GatewaySettings(String host, int port, List<URI> users, List<URI> collection, List<URI> query,
                              List<URI> control, List<URI> pipe, long maxReportBodyBytes, long maxRequestBodyBytes,
                              double reportsPerSecondPerOrg, int reportBurstPerOrg, boolean tls) {
    public GatewaySettings {
        users = List.copyOf(users);
        collection = List.copyOf(collection);
        query = List.copyOf(query);
        control = List.copyOf(control);
        pipe = List.copyOf(pipe);
        if (maxReportBodyBytes < 1 || maxRequestBodyBytes < 1) throw new IllegalArgumentException("body limits must be positive");
        if (reportsPerSecondPerOrg <= 0 || reportBurstPerOrg < 1) throw new IllegalArgumentException("report rate limits must be positive");
    }

    /** Sensible limits: 32 MiB reports, 1 MiB other bodies, 100 reports/s per organisation with bursts of 200. */
    public static GatewaySettings defaults(String host, int port, List<URI> users, List<URI> collection, List<URI> query,
                                           List<URI> control, List<URI> pipe) {
        return new GatewaySettings(host, port, users, collection, query, control, pipe, 32L << 20, 1L << 20, 100, 200, false);
    }

    public GatewaySettings withReportRate(double perSecond, int burst) {
        return new GatewaySettings(host, port, users, collection, query, control, pipe, maxReportBodyBytes,
                maxRequestBodyBytes, perSecond, burst, tls);
    }

    public GatewaySettings withBodyLimits(long reportBytes, long requestBytes) {
        return new GatewaySettings(host, port, users, collection, query, control, pipe, reportBytes, requestBytes,
                reportsPerSecondPerOrg, reportBurstPerOrg, tls);
    }

    /** Comma-separated {@code http://host:port} URLs, e.g. from a flag or an environment variable. */
    public static List<URI> urls(String commaSeparated) {
        List<URI> out = new ArrayList<>();
        if (commaSeparated == null) return out;
        for (String part : commaSeparated.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) continue;
            URI uri = URI.create(s);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("backend URL must look like http://host:port, not " + s);
            }
            out.add(uri);
        }
        return out;
    }
}
