package dev.scope.probe.endpoint;

import dev.scope.probe.GoTimes;
import dev.scope.probe.HostIds;
import dev.scope.probe.ProcFileReader;
import dev.scope.probe.Reporter;
import dev.scope.probe.process.ProcessInfo;
import dev.scope.probe.process.ProcessSnapshot;
import dev.scope.report.DnsRecord;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The endpoint topology as Weave Scope 1.13 builds it: every established TCP connection becomes two endpoint
 * nodes ({@code <scope>;<ip>;<port>}) with an adjacency from the connecting side to the listening side. The
 * local side carries the owning {@code pid} and {@code host_node_id}. Connections are read once per network
 * namespace, from {@code /proc/<pid>/net/tcp{,6}} of one process in it. Direction comes from conntrack when it
 * saw the connection, else from listening sockets in the same namespace, else from the port heuristic (the lower
 * port is the server). Connections conntrack
 * saw close since (or closing now) are added without a pid, so short-lived connections still show.
 * Loopback addresses are scoped by {@code <host>-<netns inode>}, others are unscoped ({@code ;10.0.0.5;80}).
 * NAT'd flows copy the real endpoint's node to the address the other side used ({@link NatMapping}), so a
 * connection to a published container port ends at the container's process.
 */
public final class EndpointReporter implements Reporter {
    public static final String PID = "pid";
    public static final String HOST_NODE_ID = "host_node_id";

    private final Path proc;
    private final String hostId;
    private final String hostNodeId;
    private final Supplier<ProcessSnapshot> snapshots;
    /** Where the conntrack table is read ({@code /proc/net/nf_conntrack}: the probe's, i.e. the host's, namespace); null for none. */
    private final Path conntrack;
    private final ProcFileReader reader = new ProcFileReader(64 * 1024);
    private final HostsFile hosts = new HostsFile(Path.of("/etc/hosts"));
    private Map<String, Flow> previousFlows = Map.of();
    /** Told when a connection's socket has no known owner: the process walk may hold a stale descriptor target. */
    private final Runnable unownedSockets;
    /** Sockets without an owner that we already asked a full walk for, so each one costs one full walk at most. */
    private Set<Long> askedAbout = Set.of();

    public EndpointReporter(Path procRoot, String hostId, Supplier<ProcessSnapshot> snapshots, boolean conntrack) {
        this(procRoot, hostId, snapshots, conntrack, () -> { });
    }

    /**
     * @param unownedSockets called when some connection's socket belongs to no process of the snapshot, e.g.
     *                       {@link dev.scope.probe.process.ProcessWalker#rescanSocketsNextWalk}
     */
    public EndpointReporter(Path procRoot, String hostId, Supplier<ProcessSnapshot> snapshots, boolean conntrack,
                            Runnable unownedSockets) {
        this(procRoot, hostId, snapshots, conntrack ? procRoot.resolve("net/nf_conntrack") : null, unownedSockets);
    }

    /** With the conntrack table of another namespace (tests build NAT in a namespace of their own). */
    EndpointReporter(Path procRoot, String hostId, Supplier<ProcessSnapshot> snapshots, Path conntrackTable) {
        this(procRoot, hostId, snapshots, conntrackTable, () -> { });
    }

    private EndpointReporter(Path procRoot, String hostId, Supplier<ProcessSnapshot> snapshots, Path conntrackTable,
                             Runnable unownedSockets) {
        this.unownedSockets = unownedSockets;
        this.proc = procRoot;
        this.hostId = hostId;
        this.hostNodeId = HostIds.hostNodeId(hostId);
        this.snapshots = snapshots;
        this.conntrack = conntrackTable;
    }

    @Override
    public String name() {
        return "endpoint";
    }

    @Override
    public synchronized Report report() {
        long now = GoTimes.nowNanos();
        ProcessSnapshot snapshot = snapshots.get();
        Map<String, Node> nodes = new HashMap<>();
        Map<String, FourTuple> canonical = new HashMap<>();
        Set<Long> unowned = new HashSet<>();
        List<Flow> flows = readFlows();
        for (Flow flow : flows) {
            canonical.put(flow.original().key(), flow.original());
            if (flow.natted()) canonical.putIfAbsent(flow.asServerSeesIt().key(), flow.asServerSeesIt());
            if (!flow.alive()) addConnection(nodes, flow.original(), "", Map.of(), Map.of(), now);
        }
        for (Map.Entry<Long, Integer> ns : snapshot.namespacePids().entrySet()) {
            String namespaceId = Long.toString(ns.getKey());
            Path net = proc.resolve(ns.getValue().toString()).resolve("net");
            List<Connection> connections = new ArrayList<>();
            Set<Integer> listening = new HashSet<>();
            for (String file : new String[] {"tcp", "tcp6"}) {
                if (!reader.readQuietly(net.resolve(file))) continue;
                ProcNetTcp.parse(reader.bytes(), reader.length(), connections::add, listening::add);
            }
            for (Connection c : connections) {
                addLocal(nodes, canonical, listening, snapshot, c, namespaceId, now);
                if (c.inode() != 0 && !snapshot.socketOwners().containsKey(c.inode())) unowned.add(c.inode());
            }
        }
        askForOwners(unowned);
        for (Flow flow : flows) if (flow.natted()) NatMapping.of(flow).apply(nodes, this::endpointId, now);
        Set<String> addresses = new HashSet<>();
        for (Node n : nodes.values()) addresses.add(addressOf(n.id()));
        StringMap.Builder<DnsRecord> dns = new StringMap.Builder<>();
        for (String address : addresses) {
            List<String> names = hosts.namesOf(address);
            dns.put(address, new DnsRecord(StringSet.EMPTY, names.isEmpty() ? StringSet.EMPTY : StringSet.of(names)));
        }
        return Report.builder()
                .topology(TopologyId.ENDPOINT, Topology.EMPTY.withNodes(NodeSet.of(new ArrayList<>(nodes.values()))))
                .dns(dns.build())
                .build();
    }

    /** Asks for a full process walk when a socket nobody owns shows up; not again for the same socket. */
    private void askForOwners(Set<Long> unowned) {
        boolean fresh = false;
        for (Long inode : unowned) {
            if (!askedAbout.contains(inode)) {
                fresh = true;
                break;
            }
        }
        askedAbout = unowned;
        if (fresh) unownedSockets.run();
    }

    private void addLocal(Map<String, Node> nodes, Map<String, FourTuple> canonical, Set<Integer> listening, ProcessSnapshot snapshot,
                          Connection c, String namespaceId, long now) {
        Integer pid = c.inode() == 0 ? null : snapshot.socketOwners().get(c.inode());
        Map<String, String> local = Map.of();
        String scopeNamespace = "";
        if (pid != null) {
            local = Map.of(PID, pid.toString(), HOST_NODE_ID, hostNodeId);
            ProcessInfo p = snapshot.processes().get(pid);
            scopeNamespace = p == null || p.netNamespace() == 0 ? namespaceId : Long.toString(p.netNamespace());
        }
        FourTuple tuple = new FourTuple(c.localAddress(), c.localPort(), c.remoteAddress(), c.remotePort());
        Map<String, String> from = local, to = Map.of();
        FourTuple known = canonical.get(tuple.key());
        if (known != null ? !known.equals(tuple) : isIncoming(tuple, listening)) {
            tuple = tuple.reversed();
            from = Map.of();
            to = local;
        }
        addConnection(nodes, tuple, scopeNamespace, from, to, now);
    }

    /**
     * Without conntrack's word, a connection whose local port is listening is incoming, one to a listening port
     * outgoing; otherwise Weave Scope's guess: the lower port is the server.
     */
    private static boolean isIncoming(FourTuple local, Set<Integer> listening) {
        boolean localListens = listening.contains(local.fromPort()), remoteListens = listening.contains(local.toPort());
        if (localListens != remoteListens) return localListens;
        return local.fromPort() < local.toPort();
    }

    private void addConnection(Map<String, Node> nodes, FourTuple t, String namespaceId,
                               Map<String, String> fromExtra, Map<String, String> toExtra, long now) {
        String toId = endpointId(namespaceId, t.toAddress(), t.toPort());
        Node.Builder from = Node.builder(endpointId(namespaceId, t.fromAddress(), t.fromPort()), TopologyId.ENDPOINT.name)
                .adjacent(toId);
        fromExtra.forEach((k, v) -> from.putLatest(k, v, now));
        Node.Builder to = Node.builder(toId, TopologyId.ENDPOINT.name);
        toExtra.forEach((k, v) -> to.putLatest(k, v, now));
        Node fromNode = from.build();
        nodes.merge(fromNode.id(), fromNode, Node::merge);
        nodes.merge(toId, to.build(), Node::merge);
    }

    /** {@code <scope>;<address>;<port>}; loopback is scoped by host and network namespace. */
    String endpointId(String namespaceId, String address, int port) {
        String scope = "";
        if (IpText.isLoopback(address)) scope = namespaceId.isEmpty() ? hostId : hostId + "-" + namespaceId;
        return scope + ";" + address + ";" + port;
    }

    private static String addressOf(String endpointId) {
        int first = endpointId.indexOf(';');
        int last = endpointId.lastIndexOf(';');
        return endpointId.substring(first + 1, last);
    }

    /**
     * The conntrack table now, plus flows seen last time that are gone now (finished between two cycles),
     * reported as not alive.
     */
    private List<Flow> readFlows() {
        if (conntrack == null || !reader.readQuietly(conntrack)) return List.of();
        List<Flow> current = ConntrackTable.parse(reader.text());
        Map<String, Flow> byKey = new HashMap<>(current.size() * 2);
        for (Flow f : current) byKey.put(f.original().key(), f);
        List<Flow> out = new ArrayList<>(current);
        for (Map.Entry<String, Flow> e : previousFlows.entrySet()) {
            if (!byKey.containsKey(e.getKey())) out.add(new Flow(e.getValue().original(), e.getValue().reply(), false));
        }
        previousFlows = byKey;
        return out;
    }
}
