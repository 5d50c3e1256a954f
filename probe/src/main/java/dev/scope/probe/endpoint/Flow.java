package dev.scope.probe.endpoint;

/**
 * A conntrack TCP flow: the original direction (who connected to whom, before NAT) and the reply direction
 * (after NAT the reply's source is the real server). {@code alive} is false once the connection is closing.
 */
public record Flow(FourTuple original, FourTuple reply, boolean alive) {
    /** True when the destination was rewritten (DNAT, e.g. a published container port). */
    public boolean destinationNatted() {
        return !original.toAddress().equals(reply.fromAddress()) || original.toPort() != reply.fromPort();
    }

    /** True when the source was rewritten (SNAT, masquerading). */
    public boolean sourceNatted() {
        return !original.fromAddress().equals(reply.toAddress()) || original.fromPort() != reply.toPort();
    }

    /** Any NAT: what {@code conntrack --any-nat} lists. */
    public boolean natted() {
        return destinationNatted() || sourceNatted();
    }

    /**
     * The connection as the real (post-NAT) server sees it, client to server: for a DNAT'd flow this is the one
     * the server's {@code /proc/net/tcp} holds, so its direction is known too.
     */
    public FourTuple asServerSeesIt() {
        return reply.reversed();
    }
}
