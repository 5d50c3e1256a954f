package dev.scope.render.graph;

/**
 * Weave Scope's node id formats ({@code report/id.go}) and the pseudo ids rendering invents.
 * Parsers return null when an id does not have the expected shape.
 */
public final class Ids {
    /** Topology of nodes that stand for no real thing: the Internet, uncontained processes... */
    public static final String PSEUDO = "pseudo";
    public static final String THE_INTERNET = "theinternet";
    public static final String INCOMING_INTERNET = "in-" + THE_INTERNET;
    public static final String OUTGOING_INTERNET = "out-" + THE_INTERNET;
    public static final String SERVICE_PREFIX = "service-";
    public static final String UNCONTAINED = "uncontained";
    public static final String UNMANAGED = "unmanaged";
    public static final String UNCONTAINED_PREFIX = pseudo(UNCONTAINED) + ":";
    public static final String UNMANAGED_PREFIX = pseudo(UNMANAGED) + ":";

    private Ids() {
    }

    public static String pseudo(String... parts) {
        return "pseudo:" + String.join(":", parts);
    }

    /** The id without its {@code pseudo:} prefix, or the id itself when it has none (Go's ParsePseudoNodeID). */
    public static String pseudoPart(String id) {
        int colon = id.indexOf(':');
        return colon > 0 && id.startsWith("pseudo:") ? id.substring(colon + 1) : id;
    }

    public static boolean isInternet(String id) {
        return INCOMING_INTERNET.equals(id) || OUTGOING_INTERNET.equals(id);
    }

    public static String tagged(String id, String tag) {
        return id + ";<" + tag + ">";
    }

    public static String host(String hostname) {
        return tagged(hostname, "host");
    }

    public static String container(String containerId) {
        return tagged(containerId, "container");
    }

    public static String containerImage(String imageIdOrName) {
        return tagged(imageIdOrName, "container_image");
    }

    public static String process(String hostId, String pid) {
        return hostId + ";" + pid;
    }

    /** The id part of a single-component id {@code <id>;<tag>}, or null. */
    public static String untagged(String id) {
        int l = id.length();
        if (l < 3 || id.charAt(l - 1) != '>') return null;
        int lt = id.lastIndexOf('<');
        if (lt < 1 || id.charAt(lt - 1) != ';') return null;
        return id.substring(0, lt - 1);
    }

    /** [scope, address, port] of an endpoint id {@code scope;addr;port}, or null. */
    public static String[] endpoint(String id) {
        int a = id.indexOf(';');
        if (a < 0) return null;
        int b = id.indexOf(';', a + 1);
        if (b < 0 || id.indexOf(';', b + 1) >= 0) return null;
        return new String[] {id.substring(0, a), id.substring(a + 1, b), id.substring(b + 1)};
    }

    public static String scopedEndpoint(String scope, String addr, String port) {
        return scope + ";" + addr + ";" + port;
    }

    /** [scope, address] of an address id {@code scope;addr}, or null. */
    public static String[] address(String id) {
        int a = id.indexOf(';');
        if (a < 0 || id.indexOf(';', a + 1) >= 0) return null;
        return new String[] {id.substring(0, a), id.substring(a + 1)};
    }

    /** [host, pid] of a process id, or null. */
    public static String[] processParts(String id) {
        int a = id.indexOf(';');
        if (a < 0 || id.indexOf(';', a + 1) >= 0) return null;
        return new String[] {id.substring(0, a), id.substring(a + 1)};
    }

    /** The host name in a node's {@code host_node_id}, or "" (Go's ExtractHostID). */
    public static String hostOf(RNode n) {
        String hostNodeId = n.latestValue(Keys.HOST_NODE_ID);
        if (hostNodeId == null) return "";
        String host = untagged(hostNodeId);
        return host == null ? "" : host;
    }

    /** Overlay ids are {@code #<prefix><peer>}; returns [prefix, peer] with prefix "" for Weave peers. */
    public static String[] overlay(String id) {
        if (!id.startsWith("#")) return new String[] {"", ""};
        String rest = id.substring(1);
        if (rest.startsWith(Keys.DOCKER_OVERLAY_PEER_PREFIX)) {
            return new String[] {Keys.DOCKER_OVERLAY_PEER_PREFIX, rest.substring(Keys.DOCKER_OVERLAY_PEER_PREFIX.length())};
        }
        return new String[] {"", rest};
    }

    /** Group topology of nodes grouped by one latest key, e.g. {@code group:process:name}. */
    public static String groupTopology(String topology, String key) {
        return "group:" + topology + ":" + key;
    }

    /** The grouped topology of a group topology, or null. */
    public static String groupedTopology(String topology) {
        if (!topology.startsWith("group:")) return null;
        int end = topology.indexOf(':', 6);
        return end < 0 ? null : topology.substring(6, end);
    }

    /** Docker image name without registry host and tag, as Weave shows it. */
    public static String imageNameWithoutVersion(String name) {
        String[] parts = name.split("/", 3);
        if (parts.length == 3) name = parts[1] + "/" + parts[2];
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
