package dev.scope.probe.endpoint;

/** One direction of a connection: from address:port to address:port. */
public record FourTuple(String fromAddress, int fromPort, String toAddress, int toPort) {
    public FourTuple reversed() {
        return new FourTuple(toAddress, toPort, fromAddress, fromPort);
    }

    /** The same for both directions, to find a connection whichever side we saw it from. */
    public String key() {
        String a = fromAddress + ":" + fromPort, b = toAddress + ":" + toPort;
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
