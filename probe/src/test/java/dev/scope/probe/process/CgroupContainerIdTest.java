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
        assertThat(CgroupContainerId.find("")).isNull();
        assertThat(CgroupContainerId.find("garbage without colons")).isNull();
    }

    @Test
    void ignoresHexRunsLongerThanAnId() {
        assertThat(CgroupContainerId.find("0::/docker/" + "a".repeat(65))).isNull();
    }
}
