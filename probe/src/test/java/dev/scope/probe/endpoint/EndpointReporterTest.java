package dev.scope.probe.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.probe.process.ProcessWalker;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointReporterTest {
    private Process client;

    @AfterEach
    void stop() {
        if (client != null) client.destroyForcibly();
    }

    private static String netns() throws Exception {
        String link = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        return link.substring(link.indexOf('[') + 1, link.length() - 1);
    }

    @Test
    void linksAClientProcessToTheListeningProcessWithPids() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            // a separate process connects, so each side of the connection belongs to a different pid
            client = new ProcessBuilder("python3", "-c",
                    "import socket,sys,time\ns=socket.create_connection(('127.0.0.1'," + port + "))\n"
                            + "print(s.getsockname()[1], flush=True)\ntime.sleep(30)").start();
            try (Socket accepted = server.accept()) {
                int clientPort = Integer.parseInt(new BufferedReader(new InputStreamReader(client.getInputStream())).readLine().trim());
                ProcessWalker walker = new ProcessWalker(Path.of("/proc"), true);
                walker.walk();
                Report r = new EndpointReporter(Path.of("/proc"), "h", walker::snapshot, false).report();
                NodeSet endpoints = r.topology(TopologyId.ENDPOINT).nodes();
                String scope = "h-" + netns();
                Node clientSide = endpoints.get(scope + ";127.0.0.1;" + clientPort);
                Node serverSide = endpoints.get(scope + ";127.0.0.1;" + port);
                assertThat(clientSide).as("client endpoint in %s", endpoints).isNotNull();
                assertThat(serverSide).isNotNull();
                assertThat(clientSide.adjacency()).containsExactly(serverSide.id());
                assertThat(serverSide.adjacency()).isEmpty();
                assertThat(clientSide.latestValue("pid")).isEqualTo(Long.toString(client.pid()));
                assertThat(serverSide.latestValue("pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
                assertThat(serverSide.latestValue("host_node_id")).isEqualTo("h;<host>");
                assertThat(r.dns().get("127.0.0.1")).isNotNull();
            }
        }
    }

    @Test
    void scopesOnlyLoopbackAddresses() {
        EndpointReporter reporter = new EndpointReporter(Path.of("/proc"), "vm", () -> null, false);
        assertThat(reporter.endpointId("4026531833", "127.0.0.1", 4040)).isEqualTo("vm-4026531833;127.0.0.1;4040");
        assertThat(reporter.endpointId("4026531833", "10.199.5.6", 6379)).isEqualTo(";10.199.5.6;6379");
        assertThat(reporter.endpointId("", "::1", 80)).isEqualTo("vm;::1;80");
    }
}
