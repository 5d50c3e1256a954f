package dev.scope.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalHostTest {
    @Test
    void knowsLoopbackAddresses() {
        assertThat(LocalHost.isLoopback("127.0.0.1")).isTrue();
        assertThat(LocalHost.isLoopback("127.8.9.10")).isTrue();
        assertThat(LocalHost.isLoopback("::1")).isTrue();
        assertThat(LocalHost.isLoopback("[::1]")).isTrue();
        assertThat(LocalHost.isLoopback("localhost")).isTrue();
    }

    @Test
    void treatsEverythingElseAsExposed() {
        assertThat(LocalHost.isLoopback("0.0.0.0")).isFalse();
        assertThat(LocalHost.isLoopback("::")).isFalse();
        assertThat(LocalHost.isLoopback("10.0.0.1")).isFalse();
        assertThat(LocalHost.isLoopback("example.com")).isFalse();
    }

    @Test
    void namesThisMachine() {
        assertThat(LocalHost.name()).isNotBlank();
    }
}
