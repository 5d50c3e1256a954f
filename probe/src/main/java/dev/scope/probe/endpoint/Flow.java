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
}
