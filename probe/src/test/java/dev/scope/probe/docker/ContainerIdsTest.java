package dev.scope.probe.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainerIdsTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = ContainerIdsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void findsTheDockerContainerInACgroupV1File() throws IOException {
        assertThat(ContainerIds.fromCgroup(fixture("cgroup-v1-docker.txt")))
                .hasValue("812552028f27c81e0dfcbfcbe857afc2b0649eea4a402592d53a32c4152a74e5");
    }

    @Test
    void findsTheDockerContainerInACgroupV2SystemdScope() throws IOException {
        assertThat(ContainerIds.fromCgroup(fixture("cgroup-v2-systemd.txt")))
                .hasValue("c3a68454f66793f3b10c533e42aff9fab00fda2514c326075f1c9d31125d4fb3");
    }

    @Test
    void findsTheLeafContainerUnderAKubernetesPod() throws IOException {
        assertThat(ContainerIds.fromCgroup(fixture("cgroup-v1-kubepods.txt")))
                .hasValue("f2efe7a49950a3ad88f5e23fe072215ae163344fb7b0725c156c763ae678049b");
        assertThat(ContainerIds.fromCgroup(fixture("cgroup-v2-containerd-cri.txt")))
                .hasValue("da8ab3855538aeb30b4d0ac09ac1907d0275746f9a81ac3862407f2917282a9c");
    }

    @Test
    void findsNoContainerForHostProcesses() throws IOException {
        assertThat(ContainerIds.fromCgroup(fixture("cgroup-v1-host.txt"))).isEmpty();
        assertThat(ContainerIds.fromCgroup(fixture("cgroup-v2-host.txt"))).isEmpty();
    }

    @Test
    void toleratesGarbage() {
        assertThat(ContainerIds.fromCgroup(null)).isEmpty();
        assertThat(ContainerIds.fromCgroup("")).isEmpty();
        assertThat(ContainerIds.fromCgroup("not a cgroup file\n::\n0::/docker/abc")).isEmpty();
        assertThat(ContainerIds.fromCgroup("0::/docker/" + "g".repeat(64))).isEmpty();
    }
}
