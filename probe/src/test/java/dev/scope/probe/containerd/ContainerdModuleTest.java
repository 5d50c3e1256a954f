package dev.scope.probe.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ProbeContext;
import dev.scope.probe.Reporter;
import dev.scope.probe.ReporterRegistry;
import dev.scope.probe.process.ProcessSnapshot;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The containerd module against a real containerd started by the test, with containers made by ctr. */
class ContainerdModuleTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ContainerdDaemon containerd;

    @BeforeAll
    static void startContainerd() throws Exception {
        containerd = ContainerdDaemon.start();
    }

    @AfterAll
    static void stopContainerd() throws Exception {
        if (containerd != null) containerd.close();
    }

    private final ReporterRegistry registry = new ReporterRegistry();
    private final ControlRegistry controls = new ControlRegistry(false);

    private ContainerdModule install() {
        ContainerdModule module = new ContainerdModule(Map.of("SCOPE_CONTAINERD_ADDRESS", "unix://" + containerd.socket), Duration.ofSeconds(2));
        module.install(new ProbeContext("probe-1", "host-1", "host-1;<host>", ProbeConfig.defaults(List.of()), registry,
                controls, r -> { }, appId -> { throw new AssertionError("no pipes"); }, () -> ProcessSnapshot.EMPTY));
        return module;
    }

    private Node container(String id) {
        Reporter reporter = registry.reporters().getFirst();
        try {
            return reporter.report().topology(TopologyId.CONTAINER).nodes().get(id + ";<container>");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void containersAppearWithTheirStateAndLabels() throws Exception {
        containerd.runSleeper("web-1", "io.kubernetes.pod.uid=pod-uid-1", "io.kubernetes.container.name=web");
        containerd.create("idle-1", "io.cri-containerd.kind=sandbox");
        try (ContainerdModule module = install()) {
            Node web = container("web-1");
            assertThat(web).isNotNull();
            assertThat(web.topology()).isEqualTo("container");
            assertThat(web.latestValue("docker_container_id")).isEqualTo("web-1");
            assertThat(web.latestValue("docker_container_name")).isEqualTo("web");
            assertThat(web.latestValue("docker_container_state")).isEqualTo("running");
            assertThat(web.latestValue("docker_container_state_human")).isEqualTo("Up");
            assertThat(web.latestValue("docker_label_io.kubernetes.pod.uid")).isEqualTo("pod-uid-1");
            assertThat(web.latestValue("containerd_namespace")).isEqualTo("scopetest");
            assertThat(web.latestValue("docker_container_created")).isNotBlank();
            assertThat(web.latestValue("control_probe_id")).isEqualTo("probe-1");
            assertThat(web.latestValue("active_controls")).isEqualTo("containerd_pause_container;containerd_stop_container");
            Node idle = container("idle-1");
            assertThat(idle.latestValue("docker_container_state")).isEqualTo("created");
            assertThat(idle.latestValue("docker_container_name")).isEqualTo("idle-1");
            assertThat(idle.latest().containsKey("does_not_make_connections")).isTrue();
            assertThat(web.latest().containsKey("does_not_make_connections")).isFalse();
            Report r = registry.reporters().getFirst().report();
            assertThat(r.topology(TopologyId.CONTAINER).controls().toMap()).containsKeys("containerd_pause_container",
                    "containerd_unpause_container", "containerd_stop_container");
        }
    }

    @Test
    void processesOfAContainerAreTaggedWithIt() throws Exception {
        containerd.runSleeper("tagged-1");
        try (ContainerdModule module = install()) {
            registry.reporters().getFirst().report(); // lists the tasks
            int init = Integer.parseInt(containerd.ctr("tasks", "ls").lines().filter(l -> l.startsWith("tagged-1"))
                    .findFirst().orElseThrow().trim().split("\\s+")[1]);
            Report processes = Report.builder()
                    .node(TopologyId.PROCESS, process("h;" + init, init, 1))
                    .node(TopologyId.PROCESS, process("h;999991", 999991, init))      // a child of the container's init
                    .node(TopologyId.PROCESS, process("h;999992", 999992, 999991))   // and a grandchild
                    .node(TopologyId.PROCESS, process("h;999993", 999993, 1))        // not in any container
                    .build();
            Report tagged = registry.taggers().getFirst().tag(processes);
            for (String id : List.of("h;" + init, "h;999991", "h;999992")) {
                Node p = tagged.topology(TopologyId.PROCESS).nodes().get(id);
                assertThat(p.parentIds("container")).as(id).containsExactly("tagged-1;<container>");
                assertThat(p.latestValue("docker_container_id")).isEqualTo("tagged-1");
            }
            assertThat(tagged.topology(TopologyId.PROCESS).nodes().get("h;999993").parents().isEmpty()).isTrue();
        }
    }

    private static Node process(String id, int pid, int ppid) {
        return Node.builder(id, "process").putLatest("pid", String.valueOf(pid), 1).putLatest("ppid", String.valueOf(ppid), 1).build();
    }

    @Test
    void pauseUnpauseAndStopWork() throws Exception {
        containerd.runSleeper("worker-1");
        try (ContainerdModule module = install()) {
            ControlResponse paused = controls.handle(new ControlRequest("app-1", "worker-1;<container>", "containerd_pause_container", Map.of()));
            assertThat(paused.error()).isNull();
            assertThat(containerd.taskStatus("worker-1")).isEqualTo("PAUSED");
            assertThat(container("worker-1").latestValue("docker_container_state")).isEqualTo("paused");

            assertThat(controls.handle(new ControlRequest("app-1", "worker-1;<container>", "containerd_unpause_container", Map.of())).error()).isNull();
            assertThat(containerd.taskStatus("worker-1")).isEqualTo("RUNNING");

            // sleep as PID 1 ignores SIGTERM: stop has to kill it after the grace period.
            assertThat(controls.handle(new ControlRequest("app-1", "worker-1;<container>", "containerd_stop_container", Map.of())).error()).isNull();
            await().atMost(WAIT).until(() -> "STOPPED".equals(containerd.taskStatus("worker-1")));
            await().atMost(WAIT).until(() -> "exited".equals(container("worker-1").latestValue("docker_container_state")));
            assertThat(container("worker-1").latestValue("active_controls")).isEmpty();
        }
    }

    @Test
    void badIdsAndUnknownContainersGetClearErrors() {
        try (ContainerdModule module = install()) {
            assertThat(controls.handle(new ControlRequest("app-1", "nonsense", "containerd_pause_container", Map.of())).error()).contains("Invalid ID");
            assertThat(controls.handle(new ControlRequest("app-1", "nope;<container>", "containerd_stop_container", Map.of())).error()).contains("Not found");
        }
    }

    @Test
    void aReadOnlyProbeOffersNoControls() throws Exception {
        containerd.runSleeper("ro-1");
        ControlRegistry readOnly = new ControlRegistry(true);
        try (ContainerdModule module = new ContainerdModule(Map.of("SCOPE_CONTAINERD_ADDRESS", containerd.socket.toString()), Duration.ofSeconds(1))) {
            module.install(new ProbeContext("probe-1", "host-1", "host-1;<host>", ProbeConfig.defaults(List.of()), registry,
                    readOnly, r -> { }, appId -> { throw new AssertionError("no pipes"); }, () -> ProcessSnapshot.EMPTY));
            Report r = registry.reporters().getFirst().report();
            Node ro = r.topology(TopologyId.CONTAINER).nodes().get("ro-1;<container>");
            assertThat(ro.latestValue("docker_container_state")).isEqualTo("running");
            assertThat(ro.latest().containsKey("active_controls")).isFalse();
            assertThat(r.topology(TopologyId.CONTAINER).controls().isEmpty()).isTrue();
            assertThat(readOnly.handle(new ControlRequest("app-1", "ro-1;<container>", "containerd_stop_container", Map.of())).error()).contains("read-only");
            assertThat(containerd.taskStatus("ro-1")).isEqualTo("RUNNING");
        }
    }

    @Test
    void withoutASocketTheModuleAddsNothing() {
        ContainerdModule module = new ContainerdModule(Map.of("SCOPE_CONTAINERD_ADDRESS", containerd.dir.resolve("absent.sock").toString()), Duration.ofSeconds(1));
        module.install(new ProbeContext("probe-1", "host-1", "host-1;<host>", ProbeConfig.defaults(List.of()), registry,
                controls, r -> { }, appId -> { throw new AssertionError("no pipes"); }, () -> ProcessSnapshot.EMPTY));
        module.close();
        assertThat(registry.reporters()).isEmpty();
        assertThat(controls.controlIds()).isEmpty();
    }
}
