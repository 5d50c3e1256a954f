package dev.scope.e2e.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.scope.app.Ws;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import dev.scope.service.control.FakeControlProbe;
import dev.scope.service.db.Database;
import dev.scope.service.db.DatabaseSettings;
import dev.scope.service.testing.TestPostgres;
import dev.scope.service.users.TestBrowser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scope as a Service as an operator runs it, every part its own {@code scope service <component>} process from the
 * built scope.jar: 2 gateways behind a round-robin TCP balancer (the Kubernetes Service), 2 users, 2 collection,
 * 2 query, 2 control and 2 pipe replicas over one real PostgreSQL, e-mail through a real SMTP server (GreenMail).
 * Two people sign up by the e-mailed link, each creates an organisation and a probe token; each runs a real probe
 * with the command the service prints for the token (Bob's in a UTS namespace of its own, so a host of another
 * name), and 20 simulated probes per organisation post beside them. Each organisation sees only its own data; a
 * terminal on Alice's host works through the replicas. Then one replica of every kind dies (SIGKILL) under load: no
 * report acknowledged to a probe is lost and none is stored twice, the control in flight fails with a clear
 * 502/504, the terminal closes, the real probe reconnects and a new terminal works, a UI's topology websocket
 * connects again, sessions and logins still work.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ServiceClusterEndToEndTest {
    private static final Logger log = LoggerFactory.getLogger(ServiceClusterEndToEndTest.class);
    private static final Pattern LOGIN_LINK = Pattern.compile("http://\\S+/login/link\\?token=(\\S+)");
    private static final List<String> BACKENDS = List.of("users", "collection", "query", "control", "pipe");
    private static final int SIMULATED_PROBES_PER_ORG = 20;
    private static final String BOBS_HOST = "bobs-host";

    private static final Path LOGS = Path.of("service-cluster-logs").toAbsolutePath();
    private static final Map<String, ScopeProcess> processes = new LinkedHashMap<>();
    private static GreenMail mail;
    private static Database database;
    private static RoundRobinProxy balancer;
    private static Vertx clients;
    private final AtomicBoolean slowControlArrived = new AtomicBoolean();

    @BeforeAll
    static void startService() {
        DatabaseSettings db = TestPostgres.freshDatabase("service-cluster");
        database = Database.connect(db); // migrates once, before the replicas race to
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Map<String, String> env = Map.of("SCOPE_DB_URL", db.jdbcUrl(), "SCOPE_DB_USER", db.user(),
                "SCOPE_DB_PASSWORD", db.password(), "SCOPE_DB_POOL_SIZE", "4");

        Map<String, List<Integer>> ports = new HashMap<>();
        for (String kind : concat(BACKENDS, List.of("gateway"))) ports.put(kind, List.of(ScopeProcess.freePort(), ScopeProcess.freePort()));
        balancer = new RoundRobinProxy(ports.get("gateway"));
        String publicUrl = "http://127.0.0.1:" + balancer.port();

        for (String kind : BACKENDS) {
            for (int i = 0; i < 2; i++) {
                int port = ports.get(kind).get(i);
                List<String> args = new ArrayList<>(List.of("service", kind, "--listen", "127.0.0.1:" + port));
                switch (kind) {
                    case "users" -> args.addAll(List.of("--public-url", publicUrl, "--smtp-host", "127.0.0.1",
                            "--smtp-port", String.valueOf(mail.getSmtp().getPort()), "--smtp-from", "scope@example.com"));
                    case "control", "pipe" -> args.addAll(List.of("--replica-ttl", "3"));
                    default -> {
                    }
                }
                start(kind + (i + 1), port, env, args);
            }
        }
        for (int i = 0; i < 2; i++) {
            int port = ports.get("gateway").get(i);
            List<String> args = new ArrayList<>(List.of("service", "gateway", "--listen", "127.0.0.1:" + port));
            for (String kind : BACKENDS) args.addAll(List.of("--" + kind + "-url", ports.get(kind).stream()
                    .map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(","))));
            start("gateway" + (i + 1), port, env, args);
        }
        processes.values().forEach(ScopeProcess::awaitReady);
        clients = Vertx.vertx();
    }

    private static void start(String name, int port, Map<String, String> env, List<String> args) {
        processes.put(name, ScopeProcess.start(name, port, env, LOGS, args));
    }

    @AfterAll
    static void stopService() throws Exception {
        for (ScopeProcess p : processes.values()) p.close();
        if (balancer != null) balancer.close();
        if (clients != null) clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (mail != null) mail.stop();
        if (database != null) database.close();
    }

    /** A person's browser, through the balancer. */
    private record Person(String email, TestBrowser browser, String orgId, String orgPath, String probeCommand, String token) {
    }

    @Test
    void signUpRunTheProbeSeeOnlyYourOwnDataOpenATerminalAndSurviveLosingOneReplicaOfEachKind() throws Exception {
        Person alice = signUpWithOrganisation("alice@example.com", "Alice's shop");
        Person bob = signUpWithOrganisation("bob@example.com", "Bob's lab");

        // Two real probes: Alice's on this host, Bob's on a host of its own name (a UTS namespace).
        processes.put("alice-probe", ScopeProcess.start("alice-probe", 0, Map.of(), LOGS, List.of(), commandOf(alice)));
        processes.put("bob-probe", ScopeProcess.start("bob-probe", 0, Map.of(), LOGS,
                List.of("unshare", "--uts", "sh", "-c", "hostname " + BOBS_HOST + " && exec \"$0\" \"$@\""), commandOf(bob)));

        SimulatedReporters reporters = new SimulatedReporters(List.of(balancer::port), Duration.ofSeconds(1));
        for (Person p : List.of(alice, bob)) {
            for (int i = 0; i < SIMULATED_PROBES_PER_ORG; i++) {
                reporters.start(p.orgId(), p.email() + "-sim-" + i, 0, Map.of("Authorization", "Scope-Probe token=" + p.token()));
            }
        }
        String hostname = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            // the real probe's host is seen by its organisation only
            await().atMost(Duration.ofSeconds(120)).until(() -> hostLabels(alice).contains(hostname));
            await().atMost(Duration.ofSeconds(60)).until(() -> hostLabels(bob).contains(BOBS_HOST));
            assertThat(hostLabels(alice)).doesNotContain(BOBS_HOST);
            assertThat(hostLabels(bob)).doesNotContain(hostname);
            assertThat(bob.browser().get(alice.orgPath() + "api/topology/hosts").statusCode()).isIn(401, 403, 404);

            // every backend replica reports its database pool (the gateway's /metrics needs the ops token)
            for (String kind : BACKENDS) assertThat(metric(kind + "1", "scope_db_pool_connections")).as(kind).isPositive();

            // a terminal on the real probe's host, through a gateway, the control and the pipe replicas
            HostControls host = hostControls(alice, hostname);
            Terminal terminal = openTerminal(alice, host);
            toClose.add(terminal.ui());
            terminal.ui().sendBinary("echo cluster-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
            awaitOutput(terminal.ui(), "cluster-42");
            String uiPipeReplica = pipeEndReplica(alice.orgId(), terminal.pipeId(), "ui");
            log.info("terminal {}: UI end on {}, probe end on {}", terminal.pipeId(), uiPipeReplica,
                    pipeEndReplica(alice.orgId(), terminal.pipeId(), "probe"));
            // the gateway sends both ends of a pipe to one replica when it can; when they land apart (a replica
            // restarted between them), the replicas bridge the bytes in order
            bridgeAcrossPipeReplicas(alice.orgId());

            // a fake probe on the control replica holding the real one, with a control in flight that it never answers
            String controlVictim = controlReplica(alice.orgId(), host.probeId());
            toClose.add(fakeProbeOn(alice, controlVictim));
            // asked on the gateway that stays up, so the answer can only be the control replicas' own verdict
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() ->
                    new TestBrowserOn(alice, processes.get("gateway2").port()).control("fake-probe", "slow", "docker_exec"));
            await().atMost(Duration.ofSeconds(30)).untilTrue(slowControlArrived);

            Map<String, Integer> ackedBeforeKill = reporters.ackedByProbe();
            // the gateways send an organisation's queries to one query replica: kill the one holding most of them
            String queryVictim = metric("query2", "scope_query_organisations") > metric("query1", "scope_query_organisations")
                    ? "query2" : "query1";
            List<String> victims = List.of("gateway1", "users1", "collection1", queryVictim, controlVictim, uiPipeReplica);
            for (String victim : victims) processes.get(victim).kill();
            log.info("killed {}", victims);

            HttpResponse<String> failed = inFlight.get(90, TimeUnit.SECONDS);
            log.info("the control in flight answered {} {}", failed.statusCode(), failed.body());
            assertThat(failed.statusCode()).as("the control in flight: %s", failed.body()).isIn(502, 503, 504);
            assertThat(failed.body()).isNotBlank();
            assertThat(terminal.ui().isClosedWithin(60)).as("the terminal closes when its replicas die").isTrue();

            // the real probe reconnects (to the surviving control replica) and a new terminal works
            Terminal again = await().atMost(Duration.ofSeconds(120)).until(() -> tryOpenTerminal(alice, host), Objects::nonNull);
            toClose.add(again.ui());
            again.ui().sendBinary("echo again-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
            awaitOutput(again.ui(), "again-42");

            // a UI connecting again gets its live topology through the surviving gateway and query replica
            try (Ws topology = Ws.connect(balancer.port(), bob.orgPath() + "api/topology/hosts/ws?t=1s",
                    Map.of("Cookie", "scope_session=" + bob.browser().cookie("scope_session")))) {
                awaitOutput(topology, BOBS_HOST);
            }

            // sessions and logins still work, data still separate, every probe keeps reporting
            assertThat(alice.browser().get("/api/users/me").statusCode()).isEqualTo(200);
            TestBrowser bobAgain = logIn(bob.email());
            assertThat(bobAgain.get("/api/users/me").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> hostLabels(alice).contains(hostname) && hostLabels(bob).contains(BOBS_HOST));
            assertThat(hostLabels(alice)).doesNotContain(BOBS_HOST);
            assertThat(hostLabels(bob)).doesNotContain(hostname);
            await().atMost(Duration.ofSeconds(90)).until(() -> ackedBeforeKill.entrySet().stream()
                    .allMatch(e -> reporters.acked(e.getKey()) >= e.getValue() + 3));
        } finally {
            reporters.close();
            for (AutoCloseable c : toClose) c.close();
        }

        Map<String, Integer> stored = storedReportIds();
        List<SimulatedReporters.Acked> lost = reporters.acked().stream()
                .filter(a -> !stored.containsKey(a.org() + "/" + a.reportId())).toList();
        List<String> twice = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        log.info("{} simulated reports acknowledged, {} stored (with the real probe's), {} attempts retried, {} stored twice",
                reporters.acked().size(), stored.size(), reporters.failedAttempts(), twice.size());
        assertThat(lost).as("acknowledged reports missing from the database").isEmpty();
        assertThat(twice).as("reports stored more than once").isEmpty();
        assertThat(stored.keySet().stream().filter(k -> k.contains("-sim-"))).allMatch(k ->
                k.startsWith(alice.orgId() + "/" + alice.email()) || k.startsWith(bob.orgId() + "/" + bob.email()),
                "stored under the sender's organisation");
    }

    /** The probe command the service showed for the person's token, run from scope.jar. */
    private static List<String> commandOf(Person p) {
        assertThat(p.probeCommand()).startsWith("scope probe ").contains(p.token());
        return Arrays.asList(p.probeCommand().substring("scope ".length()).split(" "));
    }

    // ---- people and organisations, through the balancer as a browser would

    private Person signUpWithOrganisation(String email, String orgName) {
        TestBrowser b = new TestBrowser(balancer.port());
        int before = mailsTo(email).size();
        HttpResponse<String> signup = b.post("/api/users/signup", new JsonObject().put("email", email));
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
        followLoginLink(b, email, before + 1);
        HttpResponse<String> created = b.post("/api/users/orgs", new JsonObject().put("name", orgName));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject org = new JsonObject(created.body());
        HttpResponse<String> issued = b.post("/api/users/orgs/" + org.getString("externalId") + "/tokens", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonObject token = new JsonObject(issued.body());
        return new Person(email, b, org.getString("id"), org.getString("uiPath"), token.getString("probeCommand"), token.getString("token"));
    }

    private TestBrowser logIn(String email) {
        TestBrowser b = new TestBrowser(balancer.port());
        int before = mailsTo(email).size();
        // the same form as sign-up: an e-mailed login link
        HttpResponse<String> asked = b.post("/api/users/signup", new JsonObject().put("email", email));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        followLoginLink(b, email, before + 1);
        return b;
    }

    private static void followLoginLink(TestBrowser b, String email, int mails) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() >= mails);
        String body = body(mailsTo(email).getLast());
        Matcher m = LOGIN_LINK.matcher(body);
        assertThat(m.find()).as("a login link in: %s", body).isTrue();
        HttpResponse<String> r = b.followLoginLink(m.group(1));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(b.cookie("scope_session")).isNotNull();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the app API under the organisation's path

    private static List<String> hostLabels(Person p) {
        HttpResponse<String> r = p.browser().get(p.orgPath() + "api/topology/hosts");
        if (r.statusCode() != 200) return List.of("<" + r.statusCode() + ">");
        JsonObject nodes = new JsonObject(r.body()).getJsonObject("nodes");
        return nodes == null ? List.of() : nodes.fieldNames().stream().map(id -> nodes.getJsonObject(id).getString("label")).toList();
    }

    private record HostControls(String nodeId, String probeId) {
    }

    /** The host node's id and the probe that offers its shell, from its details as the UI reads them. */
    private static HostControls hostControls(Person p, String hostname) {
        String nodeId = hostname + ";<host>";
        JsonObject node = new JsonObject(p.browser().get(p.orgPath() + "api/topology/hosts/" + escape(nodeId)).body()).getJsonObject("node");
        JsonArray controls = node.getJsonArray("controls");
        JsonObject exec = controls.stream().map(JsonObject.class::cast).filter(c -> "host_exec".equals(c.getString("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no host_exec control in " + node.encode()));
        return new HostControls(exec.getString("nodeId"), exec.getString("probeId"));
    }

    private record Terminal(String pipeId, Ws ui) {
    }

    private static Terminal openTerminal(Person p, HostControls host) {
        Terminal t = tryOpenTerminal(p, host);
        assertThat(t).as("host_exec on the real probe").isNotNull();
        return t;
    }

    /** A shell on the real probe's host with the UI end connected, or null when the control failed. */
    private static Terminal tryOpenTerminal(Person p, HostControls host) {
        HttpResponse<String> exec = new TestBrowserOn(p, balancer.port()).control(host.probeId(), host.nodeId(), "host_exec");
        if (exec.statusCode() != 200) {
            log.info("host_exec: {} {}", exec.statusCode(), exec.body());
            return null;
        }
        JsonObject answer = new JsonObject(exec.body());
        assertThat(answer.getBoolean("raw_tty")).isTrue();
        String pipeId = answer.getString("pipe");
        return new Terminal(pipeId, Ws.connect(balancer.port(), p.orgPath() + "api/pipe/" + pipeId,
                Map.of("Cookie", "scope_session=" + p.browser().cookie("scope_session"))));
    }

    /** Alice's session used against one particular gateway, bypassing the balancer. */
    private record TestBrowserOn(Person person, int port) {
        HttpResponse<String> control(String probe, String node, String control) {
            TestBrowser b = person.browser();
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + person.orgPath()
                            + "api/control/" + escape(probe) + "/" + escape(node) + "/" + control))
                    .header("Cookie", "scope_session=" + b.cookie("scope_session") + "; scope_csrf=" + b.csrf())
                    .header("X-CSRF-Token", b.csrf()).POST(HttpRequest.BodyPublishers.noBody());
            return b.send(r);
        }
    }

    /** A pipe with its UI end on pipe1 and its probe end on pipe2, reached as the gateway reaches them. */
    private static void bridgeAcrossPipeReplicas(String orgId) throws Exception {
        Map<String, String> internal = Map.of("X-Scope-OrgID", orgId);
        try (Ws ui = Ws.connect(processes.get("pipe1").port(), "/api/pipe/bridged-1", internal);
             Ws probeEnd = Ws.connect(processes.get("pipe2").port(), "/api/pipe/bridged-1/probe", internal)) {
            for (int i = 0; i < 50; i++) ui.sendBinary(("k" + i).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 50; i++) assertThat(new String(probeEnd.nextBinary(), StandardCharsets.UTF_8)).isEqualTo("k" + i);
            for (int i = 0; i < 50; i++) probeEnd.sendBinary(("o" + i).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 50; i++) assertThat(new String(ui.nextBinary(), StandardCharsets.UTF_8)).isEqualTo("o" + i);
        }
    }

    private static void awaitOutput(Ws ui, String expected) {
        StringBuilder seen = new StringBuilder();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Object m = ui.messages.poll(1, TimeUnit.SECONDS);
            if (m instanceof byte[] b) seen.append(new String(b, StandardCharsets.UTF_8));
            else if (m != null) seen.append(m);
            return seen.toString().contains(expected);
        });
    }

    /** Connects fake probes through the balancer until one lands on that control replica. */
    private FakeControlProbe fakeProbeOn(Person p, String replica) throws Exception {
        for (int attempt = 0; attempt < 30; attempt++) {
            FakeControlProbe fake = new FakeControlProbe(clients, Map.of("Authorization", "Scope-Probe token=" + p.token(),
                    "X-Scope-Probe-ID", "fake-probe"), List.of(balancer.port()), this::answerUnlessSlow);
            await().atMost(Duration.ofSeconds(30)).until(() -> controlReplica(p.orgId(), "fake-probe") != null);
            if (replica.equals(controlReplica(p.orgId(), "fake-probe"))) return fake;
            fake.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> controlReplica(p.orgId(), "fake-probe") == null);
        }
        throw new AssertionError("the fake probe never landed on " + replica);
    }

    /** A gauge or counter summed over its series, from a process's /metrics (0 when absent). */
    private static double metric(String process, String name) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(processes.get(process).url() + "/metrics")).timeout(Duration.ofSeconds(10)).build();
            String body = java.net.http.HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            throw new AssertionError("metrics of " + process + ": " + e, e);
        }
    }

    /** The fake probe's answer: none ever to node "slow" (a control that hangs in the probe), an empty one otherwise. */
    private JsonObject answerUnlessSlow(JsonObject request) {
        if (!"slow".equals(request.getString("NodeID"))) return new JsonObject();
        slowControlArrived.set(true);
        return null;
    }

    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- what the database says

    /** The name of the process holding a probe's control connection, or null. */
    private static String controlReplica(String org, String probe) throws Exception {
        return processByUrl("""
                SELECT r.internal_url FROM control_routes c JOIN service_replicas r ON r.replica_id = c.replica_id
                WHERE c.org_id = ? AND c.probe_id = ?""", org, probe, null);
    }

    private static String pipeEndReplica(String org, String pipeId, String end) throws Exception {
        return processByUrl("""
                SELECT r.internal_url FROM pipe_ends e JOIN service_replicas r ON r.replica_id = e.replica_id
                WHERE e.org_id = ? AND e.pipe_id = ? AND e.end_kind = ?""", org, pipeId, end);
    }

    private static String processByUrl(String sql, String a, String b, String c) throws Exception {
        try (Connection conn = database.dataSource().getConnection(); PreparedStatement st = conn.prepareStatement(sql)) {
            st.setString(1, a);
            st.setString(2, b);
            if (c != null) st.setString(3, c);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return null;
                int port = URI.create(rs.getString(1)).getPort();
                return processes.values().stream().filter(p -> p.port() == port).map(ScopeProcess::name).findFirst().orElse(null);
            }
        }
    }

    /** "org/reportId" → how many rows hold it. */
    private static Map<String, Integer> storedReportIds() throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT org_id, body FROM reports");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String id = ReportCodec.decode(rs.getBytes(2), WireFormat.MSGPACK, true, DecodeLimits.defaults()).id();
                ids.merge(rs.getString(1) + "/" + id, 1, Integer::sum);
            }
        }
        return ids;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
