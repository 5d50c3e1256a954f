package dev.scope.probe.endpoint;

/** A TCP connection from one side: addresses in Go's text form ({@code 10.0.0.1}, {@code ::1}). */
public record Connection(String localAddress, int localPort, String remoteAddress, int remotePort, long inode) {
}
