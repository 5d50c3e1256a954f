package dev.scope.probe.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.probe.TestFiles;
import org.junit.jupiter.api.Test;

class CgroupContainerIdTest {
    @Test
    void findsDockerIdInCgroupV2SystemdScope() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-docker.txt")))
                .isEqualTo("3f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170605a4b3");
    }

    @Test
    void findsDockerIdInCgroupV2CgroupfsPath() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-docker-nested.txt")))
                .isEqualTo("00dc36430ceaea2d974393d65703d671afeef7d0fe1465723dd09e9c3ad4cd1a");
    }

    @Test
    void findsContainerdIdUnderKubepodsInCgroupV2() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-containerd-kubepods.txt")))
                .isEqualTo("c3a68454f66793f3b10c533e42aff9fab00fda2514c326075f1c9d31125d4fb3");
    }

    @Test
    void findsPodmanIdFollowedByMoreSegments() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-podman.txt")))
                .isEqualTo("f2efe7a49950a3ad88f5e23fe072215ae163344fb7b0725c156c763ae678049b");
    }

    @Test
    void findsDockerIdInCgroupV1() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v1-docker.txt")))
                .isEqualTo("f2efe7a49950a3ad88f5e23fe072215ae163344fb7b0725c156c763ae678049b");
    }

    @Test
    void hostProcessesHaveNoContainer() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-host.txt"))).isNull();
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v1-host.txt"))).isNull();
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v1-host-session.txt"))).isNull();
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-init.txt"))).isNull();
        assertThat(CgroupContainerId.find("")).isNull();
        assertThat(CgroupContainerId.find("garbage without colons")).isNull();
    }

    @Test
    void ignoresHexRunsLongerThanAnId() {
        assertThat(CgroupContainerId.find("0::/docker/" + "a".repeat(65))).isNull();
    }

    @Test
    void findsTheDockerContainerInWeaveScopesCgroupV1Capture() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v1-docker-weave.txt")))
                .isEqualTo("812552028f27c81e0dfcbfcbe857afc2b0649eea4a402592d53a32c4152a74e5");
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-docker-systemd.txt")))
                .isEqualTo("c3a68454f66793f3b10c533e42aff9fab00fda2514c326075f1c9d31125d4fb3");
    }

    @Test
    void findsTheLeafContainerUnderAKubernetesPod() {
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v1-kubepods.txt")))
                .isEqualTo("f2efe7a49950a3ad88f5e23fe072215ae163344fb7b0725c156c763ae678049b");
        assertThat(CgroupContainerId.find(TestFiles.text("cgroup/v2-containerd-cri.txt")))
                .isEqualTo("da8ab3855538aeb30b4d0ac09ac1907d0275746f9a81ac3862407f2917282a9c");
    }

    @Test
    void nestedContainersGiveTheInnermost() {
        String outer = "a".repeat(64), inner = "b".repeat(64);
        assertThat(CgroupContainerId.find("12:pids:/docker/" + outer + "/docker/" + inner + "\n")).isEqualTo(inner);
        assertThat(CgroupContainerId.find("0::/docker/" + outer + "/init.scope")).isEqualTo(outer);
    }

    @Test
    void findsCrioIdsAndToleratesCarriageReturns() {
        String id = "0123456789abcdef".repeat(4);
        assertThat(CgroupContainerId.find("0::/kubepods.slice/crio-" + id + ".scope\r\n")).isEqualTo(id);
    }

    @Test
    void toleratesGarbage() {
        assertThat(CgroupContainerId.find(null)).isNull();
        assertThat(CgroupContainerId.find("not a cgroup file\n::\n0::/docker/abc\n0::")).isNull();
        assertThat(CgroupContainerId.find("0::/docker/" + "g".repeat(64))).isNull();
        assertThat(CgroupContainerId.find("0::/docker/" + "A".repeat(64))).isNull();
        assertThat(CgroupContainerId.find("0::/system.slice/rkt-" + "a".repeat(64) + ".scope")).isNull();
        assertThat(CgroupContainerId.find("0::/x" + "a".repeat(64))).isNull();
    }
}
