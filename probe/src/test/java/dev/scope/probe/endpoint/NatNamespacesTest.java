package dev.scope.probe.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.probe.process.ProcessWalker;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NAT with real connections: a "client" network namespace whose iptables DNAT its own address:18080 to a server
 * in a second namespace at :80 (as Docker publishes a container port), joined by a veth pair. Only the test's
 * own namespaces carry traffic; the host's iptables and conntrack are not touched. Needs root, {@code ip} and
 * {@code iptables}; skips otherwise.
 */
class NatNamespacesTest {
    private static final String CLIENT_IP = "10.199.213.1", SERVER_IP = "10.199.213.2";
    private static final int PUBLISHED = 18080, SERVER_PORT = 80;
    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid() % 100000);
    private static final String CLIENT_NS = "scope-natc-" + SUFFIX, SERVER_NS = "scope-nats-" + SUFFIX;
    private static final List<Process> started = new ArrayList<>();
    private static boolean namespacesMade;

    @BeforeAll
    static void namespaces() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "NAT test needs root (network namespaces)");
        Assumptions.assumeTrue(run("iptables", "--version") == 0, "NAT test needs iptables");
        Assumptions.assumeTrue(run("ip", "netns", "add", CLIENT_NS) == 0, "cannot create network namespaces here");
        namespacesMade = true;
        String clientEnd = "vnc" + SUFFIX, serverEnd = "vns" + SUFFIX;
        must("ip", "netns", "add", SERVER_NS);
        must("ip", "link", "add", clientEnd, "type", "veth", "peer", "name", serverEnd);
        must("ip", "link", "set", clientEnd, "netns", CLIENT_NS);
        must("ip", "link", "set", serverEnd, "netns", SERVER_NS);
        must("ip", "-n", CLIENT_NS, "addr", "add", CLIENT_IP + "/24", "dev", clientEnd);
        must("ip", "-n", SERVER_NS, "addr", "add", SERVER_IP + "/24", "dev", serverEnd);
        for (String[] link : new String[][] {{CLIENT_NS, clientEnd}, {CLIENT_NS, "lo"}, {SERVER_NS, serverEnd}, {SERVER_NS, "lo"}}) {
            must("ip", "-n", link[0], "link", "set", link[1], "up");
        }
        must("ip", "netns", "exec", CLIENT_NS, "iptables", "-t", "nat", "-A", "OUTPUT", "-p", "tcp", "-d", CLIENT_IP,
                "--dport", Integer.toString(PUBLISHED), "-j", "DNAT", "--to-destination", SERVER_IP + ":" + SERVER_PORT);
        // conntrack only tracks a namespace once some rule uses it
        must("ip", "netns", "exec", CLIENT_NS, "iptables", "-A", "OUTPUT", "-m", "conntrack", "--ctstate",
                "NEW,ESTABLISHED,RELATED", "-j", "ACCEPT");
    }

    @AfterAll
    static void removeNamespaces() throws Exception {
        for (Process p : started) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        if (namespacesMade) {
            run("ip", "netns", "del", CLIENT_NS); // deleting a namespace deletes its end of the veth pair and its rules
            run("ip", "netns", "del", SERVER_NS);
        }
    }

    @Test
    void aConnectionToThePublishedPortEndsAtTheServerProcess() throws Exception {
        Process server = python(SERVER_NS, "import socket,time\n"
                + "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                + "s.bind(('" + SERVER_IP + "'," + SERVER_PORT + ")); s.listen(5); print('listening', flush=True)\n"
                + "c,a=s.accept(); time.sleep(120)");
        assertThat(firstLine(server)).isEqualTo("listening");
        Process client = python(CLIENT_NS, "import socket,time\n"
                + "s=socket.create_connection(('" + CLIENT_IP + "'," + PUBLISHED + "), timeout=10)\n"
                + "print(s.getsockname()[1], flush=True); time.sleep(120)");
        int clientPort = Integer.parseInt(firstLine(client));

        ProcessWalker walker = new ProcessWalker(Path.of("/proc"), true);
        Path clientConntrack = Path.of("/proc", Long.toString(client.pid()), "net", "nf_conntrack");
        EndpointReporter reporter = new EndpointReporter(Path.of("/proc"), "h", walker::snapshot, clientConntrack);
        String published = ";" + CLIENT_IP + ";" + PUBLISHED, real = ";" + SERVER_IP + ";" + SERVER_PORT;
        NodeSet endpoints = await().atMost(Duration.ofSeconds(30)).until(() -> {
            walker.walk();
            Report r = reporter.report();
            return r.topology(TopologyId.ENDPOINT).nodes();
        }, nodes -> nodes.get(published) != null);

        Node copy = endpoints.get(published);
        assertThat(copy.latestValue("copy_of")).isEqualTo(real);
        assertThat(copy.latestValue("pid")).isEqualTo(Long.toString(server.pid()));
        assertThat(endpoints.get(real).latestValue("pid")).isEqualTo(Long.toString(server.pid()));
        // the client's side points at the address it dialled, which now carries the server's process
        Node clientSide = endpoints.get(";" + CLIENT_IP + ";" + clientPort);
        assertThat(clientSide.latestValue("pid")).isEqualTo(Long.toString(client.pid()));
        assertThat(clientSide.adjacency()).contains(published);
        // conntrack's word on the real connection: the server side is the one connected to
        assertThat(endpoints.get(real).adjacency()).isEmpty();
    }

    private static Process python(String namespace, String program) throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "exec", namespace, "python3", "-c", program)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(p);
        return p;
    }

    private static String firstLine(Process p) throws IOException {
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("output of %s", p.info().commandLine().orElse("?")).isNotNull();
        return line.trim();
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) System.err.println(String.join(" ", command) + ": " + new String(out, StandardCharsets.UTF_8));
        return p.exitValue();
    }

    private static void must(String... command) throws Exception {
        if (run(command) != 0) throw new IllegalStateException("failed: " + String.join(" ", command));
    }
}
