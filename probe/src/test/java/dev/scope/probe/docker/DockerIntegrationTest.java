package dev.scope.probe.docker;

import dev.scope.probe.InMemoryPipes;
import static dev.scope.probe.docker.DockerKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Docker integration against a real, private Docker engine with local busybox containers. */
@ExtendWith(DockerEngineExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerIntegrationTest {
    private static final String TEST_LABEL = "dev.scope.test";

    private DockerClient engine;
    private DockerIntegration docker;
    private final List<Report> shortcuts = new CopyOnWriteArrayList<>();
    private final InMemoryPipes pipes = new InMemoryPipes();

    @BeforeAll
    void start(DockerEngineExtension.DockerEngine dockerEngine) {
        engine = dockerEngine.client();
        removeTestContainers();
        removeTestNetworks();
        DockerConfig config = DockerConfig.defaults("testhost", "probe-1")
                .withDockerHost(dockerEngine.dockerHost())
                .withIntervals(Duration.ofSeconds(2), Duration.ofMillis(300));
        docker = DockerIntegration.start(config, shortcuts::add, pipes);
    }

    @AfterEach
    void cleanUp() {
        removeTestContainers();
        pipes.opened.values().forEach(InMemoryPipes.Pipe::close);
    }

    @AfterAll
    void stop() {
        if (docker != null) docker.close();
    }

    @Test
    void reportsARunningContainerWithWeaveScopesMetadata() {
        String id = run("web", Map.of("app", "shop", "tier", "frontend"), List.of("SECRET=hunter2"), "sleep", "100000");

        Node node = Eventually.get(() -> {
            Node n = containerNode(id);
            assertThat(n).isNotNull();
            assertThat(n.latestValue(CONTAINER_STATE)).isEqualTo("running");
            return n;
        });
        assertThat(node.topology()).isEqualTo("container");
        assertThat(node.latestValue(CONTAINER_ID)).isEqualTo(id);
        assertThat(node.latestValue(CONTAINER_NAME)).isEqualTo("web");
        assertThat(node.latestValue(CONTAINER_STATE)).isEqualTo("running");
        assertThat(node.latestValue(CONTAINER_STATE_HUMAN)).startsWith("Up ");
        assertThat(node.latestValue(CONTAINER_COMMAND)).isEqualTo("sleep 100000");
        assertThat(node.latestValue(CONTAINER_HOSTNAME)).isEqualTo(id.substring(0, 12));
        assertThat(node.latestValue(CONTAINER_RESTART_COUNT)).isEqualTo("0");
        assertThat(node.latestValue(CONTAINER_NETWORK_MODE)).isEqualTo("default");
        assertThat(Long.parseLong(node.latestValue(CONTAINER_UPTIME))).isGreaterThanOrEqualTo(0);
        assertThat(node.latestValue(CONTAINER_CREATED)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z");
        assertThat(node.latestValue("docker_label_app")).isEqualTo("shop");
        assertThat(node.latestValue("docker_label_tier")).isEqualTo("frontend");
        assertThat(node.latestValue("docker_env_SECRET")).as("env is hidden by default").isNull();
        assertThat(node.latestValue(CONTROL_PROBE_ID)).isEqualTo("probe-1");
        assertThat(node.latestValue(ACTIVE_CONTROLS)).isEqualTo(
                "docker_restart_container;docker_stop_container;docker_pause_container;docker_attach_container;docker_exec_container");
        String imageId = node.latestValue(IMAGE_ID);
        assertThat(imageId).matches("[0-9a-f]{64}");
        assertThat(node.parentIds("container_image")).containsExactly(imageId + ";<container_image>");
        assertThat(node.set(CONTAINER_NETWORKS)).containsExactly("bridge");
        assertThat(node.set(CONTAINER_PORTS)).containsExactly("80/tcp");
        assertThat(node.set(CONTAINER_IPS)).singleElement().asString().startsWith("10.199.0.");
        assertThat(node.set(CONTAINER_IPS_WITH_SCOPES)).containsExactly(";" + node.set(CONTAINER_IPS).getFirst());

        Report report = reportOf(docker);
        Node image = report.topology(TopologyId.CONTAINER_IMAGE).nodes().get(imageId + ";<container_image>");
        assertThat(image.latestValue(IMAGE_NAME)).isEqualTo("local/busybox");
        assertThat(image.latestValue(IMAGE_TAG)).isEqualTo("latest");
        assertThat(image.latestValue(IMAGE_SIZE)).matches("\\d+(\\.\\d)? [kM]B");
        assertThat(report.topology(TopologyId.CONTAINER).controls().size()).isEqualTo(8);
        Node peer = report.topology(TopologyId.OVERLAY).nodes().get("#docker_peer_testhost");
        assertThat(peer.set(LOCAL_NETWORKS)).contains("10.199.0.0/24");
    }

    @Test
    void reportsStoppedContainersWithStartAndRemoveOnly() {
        String id = engine.createContainerCmd("local/busybox").withName("exited-one").withCmd("true")
                .withLabels(Map.of(TEST_LABEL, "1")).exec().getId();
        engine.startContainerCmd(id).exec();
        engine.waitContainerCmd(id).start().awaitStatusCode();

        Node node = Eventually.get(() -> {
            Node n = containerNode(id);
            assertThat(n).isNotNull();
            assertThat(n.latestValue(CONTAINER_STATE)).isEqualTo("exited");
            return n;
        });
        assertThat(node.latestValue(CONTAINER_STATE_HUMAN)).matches("Exited \\(0\\) .* ago");
        assertThat(node.latestValue(CONTAINER_COMMAND)).isEqualTo("true ");
        assertThat(node.latestValue(ACTIVE_CONTROLS)).isEqualTo("docker_start_container;docker_remove_container");
        assertThat(node.latestValue(CONTAINER_UPTIME)).isNull();
        assertThat(node.metrics().isEmpty()).isTrue();
    }

    @Test
    void pauseUnpauseStopStartRestartAndRemoveControlTheContainer() {
        String id = run("ctl", Map.of(), List.of(), "sleep", "100000");
        String nodeId = id + ";<container>";
        Eventually.get(() -> containerNode(id));

        assertThat(control(PAUSE, nodeId).error()).isNull();
        assertThat(engine.inspectContainerCmd(id).exec().getState().getPaused()).isTrue();
        Eventually.assertThat(() -> {
            Node n = containerNode(id);
            assertThat(n.latestValue(CONTAINER_STATE)).isEqualTo("paused");
            assertThat(n.latestValue(ACTIVE_CONTROLS)).isEqualTo("docker_unpause_container");
            assertThat(n.latestValue(CONTAINER_STATE_HUMAN)).endsWith("(Paused)");
        });

        assertThat(control(UNPAUSE, nodeId).error()).isNull();
        assertThat(engine.inspectContainerCmd(id).exec().getState().getPaused()).isFalse();

        assertThat(control(STOP, nodeId).error()).isNull();
        assertThat(engine.inspectContainerCmd(id).exec().getState().getRunning()).isFalse();
        Eventually.assertThat(() -> assertThat(containerNode(id).latestValue(CONTAINER_STATE)).isEqualTo("exited"));

        assertThat(control(START, nodeId).error()).isNull();
        assertThat(engine.inspectContainerCmd(id).exec().getState().getRunning()).isTrue();

        String startedBefore = engine.inspectContainerCmd(id).exec().getState().getStartedAt();
        assertThat(control(RESTART, nodeId).error()).isNull();
        assertThat(engine.inspectContainerCmd(id).exec().getState().getStartedAt()).isNotEqualTo(startedBefore);

        assertThat(control(REMOVE, nodeId).error()).as("a running container is not removed").isNotBlank();
        control(STOP, nodeId);
        ControlResponse removed = control(REMOVE, nodeId);
        assertThat(removed.error()).isNull();
        assertThat(removed.removedNode()).isEqualTo(nodeId);
        assertThat(engine.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec()).isEmpty();
        Eventually.assertThat(() -> assertThat(containerNode(id)).isNull());
    }

    @Test
    void controlsAnswerAnErrorForNodesThatAreNotContainers() {
        assertThat(control(PAUSE, "testhost;<host>").error()).isEqualTo("Invalid ID: testhost;<host>");
        assertThat(control(STOP, "0000000000000000000000000000000000000000000000000000000000000000;<container>").error())
                .containsIgnoringCase("no such container");
        assertThat(control(RESIZE_EXEC_TTY, "x;<container>", Map.of("pipeID", "nope", "height", "10", "width", "10")).error())
                .isEqualTo("Unknown pipeID (\"nope\")");
        assertThat(control(RESIZE_EXEC_TTY, "x;<container>", Map.of("pipeID", "nope", "height", "x", "width", "10")).error())
                .contains("must be numbers");
    }

    @Test
    void engineEventsPublishShortcutReports() {
        String id = run("evented", Map.of(), List.of(), "sleep", "100000");
        Eventually.assertThat(() -> assertThat(shortcutStates(id)).contains("running"));

        engine.pauseContainerCmd(id).exec();
        Eventually.assertThat(() -> assertThat(shortcutStates(id)).contains("paused"));
        Report paused = shortcuts.stream().filter(r -> "paused".equals(stateIn(r, id))).findFirst().orElseThrow();
        assertThat(paused.shortcut()).isTrue();

        engine.removeContainerCmd(id).withForce(true).exec();
        Eventually.assertThat(() -> assertThat(shortcutStates(id)).contains("deleted"));
    }

    @Test
    void execGivesAWorkingShellOverAPipeThatCanBeResized() {
        String id = run("shell", Map.of(), List.of(), "sleep", "100000");
        String nodeId = id + ";<container>";
        Eventually.get(() -> containerNode(id));

        ControlResponse answer = control(EXEC, nodeId);
        assertThat(answer.error()).isNull();
        assertThat(answer.rawTty()).isTrue();
        assertThat(answer.resizeTtyControl()).isEqualTo(RESIZE_EXEC_TTY);
        InMemoryPipes.Pipe pipe = pipes.get(answer.pipe());

        pipe.type("echo scope-$((6*7))\n");
        Eventually.assertThat(() -> assertThat(pipe.output()).contains("scope-42"));

        ControlResponse resized = control(RESIZE_EXEC_TTY, nodeId, Map.of("pipeID", pipe.id(), "height", "31", "width", "101"));
        assertThat(resized.error()).isNull();
        pipe.type("stty size\n");
        Eventually.assertThat(() -> assertThat(pipe.output()).contains("31 101"));

        pipe.type("exit\n");
        Eventually.assertThat(() -> assertThat(pipe.closed()).as("the shell's end closes the pipe").isTrue());
    }

    @Test
    void logsStreamThroughAPipe() {
        String id = run("talker", Map.of(), List.of(), "sh", "-c", "echo first-line; while true; do echo tick; sleep 0.2; done");
        ControlResponse answer = control(LOGS, id + ";<container>", Map.of("tail", "100"));
        assertThat(answer.error()).isNull();
        InMemoryPipes.Pipe pipe = pipes.get(answer.pipe());
        Eventually.assertThat(() -> assertThat(pipe.output()).contains("first-line").contains("tick\ntick"));
        pipe.close();
    }

    @Test
    void attachConnectsToTheContainersOwnStdio() {
        String id = engine.createContainerCmd("local/busybox").withName("attached").withCmd("cat")
                .withStdinOpen(true).withLabels(Map.of(TEST_LABEL, "1")).exec().getId();
        engine.startContainerCmd(id).exec();
        ControlResponse answer = control(ATTACH, id + ";<container>");
        assertThat(answer.error()).isNull();
        assertThat(answer.rawTty()).isFalse();
        InMemoryPipes.Pipe pipe = pipes.get(answer.pipe());
        Eventually.assertThat(() -> {
            pipe.type("echo-me\n");
            assertThat(pipe.output()).contains("echo-me");
        });
    }

    @Test
    void runningContainersGetCpuAndMemoryMetrics() {
        String id = run("busy", Map.of(), List.of(), "sh", "-c", "while true; do :; done");
        Eventually.get(() -> containerNode(id));
        Node node = Eventually.get(() -> {
            Node n = reportOf(docker).topology(TopologyId.CONTAINER).nodes().get(id + ";<container>");
            assertThat(n.metrics().get(CPU_TOTAL_USAGE)).isNotNull();
            return n;
        });
        var memory = node.metrics().get(MEMORY_USAGE);
        assertThat(memory.lastValue()).isGreaterThan(0);
        assertThat(memory.max()).isGreaterThanOrEqualTo(memory.lastValue());
        var cpu = node.metrics().get(CPU_TOTAL_USAGE);
        assertThat(cpu.max()).isEqualTo(100.0);
        assertThat(cpu.lastValue()).isBetween(0.0, 100.0);
    }

    @Test
    void taggerPutsAContainersProcessUnderItsContainerAndImage() throws Exception {
        String id = run("tagged", Map.of(), List.of(), "sleep", "100000");
        Eventually.get(() -> containerNode(id));
        int pid = engine.inspectContainerCmd(id).exec().getState().getPidLong().intValue();
        Node process = Node.builder("testhost;" + pid, "process").putLatest("pid", Integer.toString(pid), 1).build();
        Node host = Node.builder("testhost;1", "process").putLatest("pid", "1", 1).build();
        Report report = Report.builder().node(TopologyId.PROCESS, process).node(TopologyId.PROCESS, host).build();

        Report tagged = docker.tagger().tag(report);

        Node inContainer = tagged.topology(TopologyId.PROCESS).nodes().get("testhost;" + pid);
        assertThat(inContainer.latestValue(CONTAINER_ID)).isEqualTo(id);
        assertThat(inContainer.parentIds("container")).containsExactly(id + ";<container>");
        assertThat(inContainer.parentIds("container_image")).containsExactly("local/busybox;<container_image>");
        assertThat(tagged.topology(TopologyId.PROCESS).nodes().get("testhost;1").latestValue(CONTAINER_ID)).isNull();
    }

    @Test
    void processesOfTheProbesWalkJoinTheirContainers(DockerEngineExtension.DockerEngine dockerEngine) throws Exception {
        String id = run("walked", Map.of(), List.of(), "sleep", "100000");
        Eventually.get(() -> containerNode(id));
        int pid = engine.inspectContainerCmd(id).exec().getState().getPidLong().intValue();
        // as the probe runs it: the walker reads each process's cgroups once, the tagger takes the result
        var walker = new dev.scope.probe.process.ProcessWalker(java.nio.file.Path.of("/proc"), false);
        var processes = new dev.scope.probe.process.ProcessReporter("testhost", walker::snapshot, false);
        DockerConfig config = DockerConfig.defaults("testhost", "probe-3").withDockerHost(dockerEngine.dockerHost());
        try (DockerIntegration withWalk = DockerIntegration.start(config, r -> { }, pipes, walker::snapshot)) {
            Node process = Eventually.get(() -> {
                walker.walk();
                Node n;
                try {
                    n = withWalk.tagger().tag(processes.report()).topology(TopologyId.PROCESS).nodes().get("testhost;" + pid);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                assertThat(n.latestValue(CONTAINER_ID)).isNotNull();
                return n;
            });
            assertThat(walker.snapshot().containerOf(pid)).isEqualTo(id);
            assertThat(process.latestValue(CONTAINER_ID)).isEqualTo(id);
            assertThat(process.parentIds("container")).containsExactly(id + ";<container>");
        }
    }

    @Test
    void envIsReportedOnlyWhenAsked(DockerEngineExtension.DockerEngine dockerEngine) throws Exception {
        String id = run("with-env", Map.of(), List.of("GREETING=hi"), "sleep", "100000");
        DockerConfig config = DockerConfig.defaults("testhost", "probe-2").withDockerHost(dockerEngine.dockerHost()).withShowEnv(true);
        try (DockerIntegration withEnv = DockerIntegration.start(config, r -> { }, pipes)) {
            Node node = Eventually.get(() -> reportOf(withEnv).topology(TopologyId.CONTAINER).nodes().get(id + ";<container>"));
            assertThat(node.latestValue("docker_env_GREETING")).isEqualTo("hi");
            assertThat(node.latestValue("docker_env_PATH")).isEqualTo("/bin");
        }
    }

    @Test
    void aContainerOnAUserNetworkHasTheSameKeysAsWeaveScopesCapture() {
        JsonNode weave = WeaveFixture.report().get("Container").get("nodes")
                .get("812552028f27c81e0dfcbfcbe857afc2b0649eea4a402592d53a32c4152a74e5;<container>");
        String network = engine.createNetworkCmd().withName("shop").withLabels(Map.of(TEST_LABEL, "1"))
                .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet("10.199.5.0/24"))).exec().getId();
        try {
            String id = engine.createContainerCmd("local/busybox").withName("cache")
                    .withCmd("sh", "-c", "while true; do nc -l -p 6379 -e cat; done")
                    .withLabels(Map.of(TEST_LABEL, "1", "app", "shop", "tier", "cache"))
                    .withHostConfig(HostConfig.newHostConfig().withInit(true).withNetworkMode("shop")).exec().getId();
            engine.startContainerCmd(id).exec();
            Node node = Eventually.get(() -> {
                Node n = containerNode(id);
                assertThat(n).isNotNull();
                assertThat(n.latestValue(CONTAINER_STATE)).isEqualTo("running");
                return n;
            });
            Set<String> weaveLatest = new TreeSet<>();
            weave.get("latest").fieldNames().forEachRemaining(weaveLatest::add);
            weaveLatest.remove("host_node_id"); // added by the host tagger, not by Docker
            Set<String> ours = new TreeSet<>(node.latest().toMap().keySet());
            ours.remove("docker_label_" + TEST_LABEL); // our clean-up label
            assertThat(ours).isEqualTo(weaveLatest);
            Set<String> weaveSets = new TreeSet<>();
            weave.get("sets").fieldNames().forEachRemaining(weaveSets::add);
            assertThat(new TreeSet<>(node.sets().toMap().keySet())).isEqualTo(weaveSets);
            assertThat(node.latestValue(CONTAINER_NETWORK_MODE)).isEqualTo("shop");
            assertThat(node.set(CONTAINER_NETWORKS)).containsExactly("shop");
            assertThat(node.set(CONTAINER_IPS)).singleElement().asString().startsWith("10.199.5.");
            assertThat(node.latestValue(ACTIVE_CONTROLS)).isEqualTo(weave.get("latest").get(ACTIVE_CONTROLS).get("value").asText());
            assertThat(node.latestValue(CONTAINER_COMMAND)).isEqualTo(weave.get("latest").get(CONTAINER_COMMAND).get("value").asText());
        } finally {
            removeTestContainers();
            removeTestNetworks();
        }
    }

    @Test
    void anAbsentEngineGivesAnEmptyReportAndErrorAnswers() throws Exception {
        DockerConfig config = DockerConfig.defaults("testhost", "probe-3").withDockerHost("unix:///tmp/no-such-docker.sock");
        try (DockerIntegration absent = DockerIntegration.start(config, r -> { }, pipes)) {
            assertThat(absent.reporter().report().topology(TopologyId.CONTAINER).nodes().isEmpty()).isTrue();
            ControlResponse answer = absent.controls().get(PAUSE)
                    .handle(new ControlRequest("app-1", "abc;<container>", PAUSE, Map.of()));
            assertThat(answer.error()).isNotBlank();
        }
    }

    // --- helpers

    private String run(String name, Map<String, String> labels, List<String> env, String... cmd) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(TEST_LABEL, "1");
        String id = engine.createContainerCmd("local/busybox").withName(name).withCmd(cmd).withLabels(all)
                .withEnv(env).withExposedPorts(ExposedPort.tcp(80))
                .withHostConfig(HostConfig.newHostConfig().withInit(true))
                .exec().getId();
        engine.startContainerCmd(id).exec();
        return id;
    }

    private Node containerNode(String id) {
        return reportOf(docker).topology(TopologyId.CONTAINER).nodes().get(id + ";<container>");
    }

    private static Report reportOf(DockerIntegration integration) {
        try {
            return integration.reporter().report();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ControlResponse control(String control, String nodeId) {
        return control(control, nodeId, Map.of());
    }

    private ControlResponse control(String control, String nodeId, Map<String, String> args) {
        try {
            return docker.controls().get(control).handle(new ControlRequest("app-1", nodeId, control, args));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> shortcutStates(String id) {
        return shortcuts.stream().map(r -> stateIn(r, id)).filter(java.util.Objects::nonNull).toList();
    }

    private static String stateIn(Report r, String id) {
        Node n = r.topology(TopologyId.CONTAINER).nodes().get(id + ";<container>");
        return n == null ? null : n.latestValue(CONTAINER_STATE);
    }

    private void removeTestContainers() {
        for (Container c : engine.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TEST_LABEL, "1")).exec()) {
            try {
                engine.removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    private void removeTestNetworks() {
        for (Network n : engine.listNetworksCmd().withFilter("label", List.of(TEST_LABEL + "=1")).exec()) {
            try {
                engine.removeNetworkCmd(n.getId()).exec();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }
}
