package dev.scope.probe.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.probe.endpoint.Connection;
import dev.scope.probe.endpoint.EndpointReporter;
import dev.scope.probe.endpoint.ProcNetTcp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The walker remembers descriptor targets between walks; these check it still finds every socket's owner. */
class ProcessWalkerSocketsTest {
    private static final Path PROC = Path.of("/proc");
    private static final int ME = (int) ProcessHandle.current().pid();

    /** The inode of our established loopback connection from {@code localPort}. */
    private static long inodeOf(int localPort) throws IOException {
        List<Connection> found = new ArrayList<>();
        for (String file : new String[] {"tcp", "tcp6"}) { // Java's sockets are dual-stack: usually tcp6
            byte[] table = Files.readAllBytes(Path.of("/proc/self/net", file));
            ProcNetTcp.parse(table, table.length, c -> {
                if (c.localPort() == localPort) found.add(c);
            });
        }
        assertThat(found).as("connection from port %d in /proc/self/net/tcp{,6}", localPort).isNotEmpty();
        return found.getFirst().inode();
    }

    @Test
    void findsNewSocketsOnLaterWalksWithoutRereadingKnownDescriptors() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProcessWalker walker = new ProcessWalker(PROC, true);
            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket firstAccepted = server.accept()) {
                assertThat(walker.walk().socketOwners()).containsEntry(inodeOf(first.getLocalPort()), ME);
                try (Socket second = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                     Socket secondAccepted = server.accept()) {
                    ProcessSnapshot later = walker.walk();
                    assertThat(later.socketOwners()).containsEntry(inodeOf(first.getLocalPort()), ME)
                            .containsEntry(inodeOf(second.getLocalPort()), ME);
                }
            }
        }
    }

    @Test
    void aRescanFindsASocketWhoseDescriptorNumberWasReused() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProcessWalker walker = new ProcessWalker(PROC, true);
            Socket old = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            Socket oldAccepted = server.accept();
            walker.walk();
            old.close();
            oldAccepted.close();
            // the kernel hands out the lowest free numbers: the new sockets likely take the old ones' descriptors
            try (Socket fresh = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket freshAccepted = server.accept()) {
                long inode = inodeOf(fresh.getLocalPort());
                walker.rescanSocketsNextWalk();
                assertThat(walker.walk().socketOwners()).containsEntry(inode, ME);
            }
        }
    }

    @Test
    void theEndpointReporterAsksForARescanOncePerUnownedSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            ProcessWalker walker = new ProcessWalker(PROC, true);
            walker.walk();
            long inode = inodeOf(client.getLocalPort());
            // a snapshot that lost our connection's owner, as a stale descriptor target would
            ProcessSnapshot walked = walker.snapshot();
            java.util.Map<Long, Integer> owners = new java.util.HashMap<>(walked.socketOwners());
            owners.remove(inode);
            ProcessSnapshot stale = new ProcessSnapshot(walked.takenAtNanos(), walked.hostJiffies(), walked.processes(),
                    owners, walked.namespacePids());
            AtomicInteger asked = new AtomicInteger();
            EndpointReporter reporter = new EndpointReporter(PROC, "h", () -> stale, false, asked::incrementAndGet);

            reporter.report();
            reporter.report();

            assertThat(asked).hasValue(1);
        }
    }
}
