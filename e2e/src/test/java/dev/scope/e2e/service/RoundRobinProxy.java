package dev.scope.e2e.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback standing in for the Kubernetes Service in front of the gateway replicas: each new
 * connection goes to the next backend that accepts it, so once a gateway dies its connections break and new ones
 * reach the survivors, as kube-proxy does once the dead pod leaves the endpoints.
 */
final class RoundRobinProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();

    RoundRobinProxy(List<Integer> backends) {
        this.backends = List.copyOf(backends);
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client) {
        int first = next.getAndIncrement();
        for (int i = 0; i < backends.size(); i++) {
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backends.get(Math.floorMod(first + i, backends.size()))), 2000);
                Thread.ofVirtual().start(() -> copy(client, backend));
                copy(backend, client);
                return;
            } catch (IOException e) {
                closeQuietly(backend); // refused: that gateway is gone, try the next
            }
        }
        closeQuietly(client);
    }

    /** Copies one direction; when it ends (or breaks) both sockets close, so the other side learns at once. */
    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // a peer went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
