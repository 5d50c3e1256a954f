package dev.scope.probe.endpoint;

import dev.scope.report.Latest;
import dev.scope.report.Node;
import java.util.Map;

/**
 * One NAT'd conntrack flow as Weave Scope's {@code probe/endpoint/nat.go} reads it: which endpoint is real (the
 * private address a process really uses) and which address the other side saw instead (rewritten). For DNAT,
 * e.g. a Docker port mapping ({@code client -> host:8080} answered by {@code 172.17.0.2:80}), the real endpoint
 * is the reply's source and the rewritten one the original destination; for SNAT the real one is the original
 * source and the rewritten one the reply's destination.
 *
 * <p>Applying it copies the real endpoint's node (pid, host, adjacency) to the rewritten id with
 * {@code copy_of} naming the real one; the renderers then attribute connections to {@code host:8080} to the
 * container's process.
 */
record NatMapping(String realAddress, int realPort, String rewrittenAddress, int rewrittenPort) {
    static final String COPY_OF = "copy_of";

    /** How endpoint ids are made, as {@link EndpointReporter#endpointId}. */
    interface EndpointIds {
        String of(String namespaceId, String address, int port);
    }

    static NatMapping of(Flow flow) {
        FourTuple original = flow.original(), reply = flow.reply();
        if (original.fromAddress().equals(reply.toAddress())) {
            return new NatMapping(reply.fromAddress(), reply.fromPort(), original.toAddress(), original.toPort());
        }
        return new NatMapping(original.fromAddress(), original.fromPort(), reply.toAddress(), reply.toPort());
    }

    /** Adds the copy to {@code nodes} when the real endpoint is there; ids are made with no namespace, as Weave's. */
    void apply(Map<String, Node> nodes, EndpointIds ids, long now) {
        String realId = ids.of("", realAddress, realPort);
        String copyId = ids.of("", rewrittenAddress, rewrittenPort);
        if (realId.equals(copyId)) return;
        Node real = nodes.get(realId);
        if (real == null) return;
        Node copy = real.withId(copyId).withLatest(real.latest().with(COPY_OF, new Latest(realId, now)));
        nodes.merge(copyId, copy, Node::merge);
    }
}
