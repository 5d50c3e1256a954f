package dev.scope.ops;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class OpsTokenTest {
    private final OpsToken check = new OpsToken("s3cret");

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheFormsProbesAndBrowsersSend() {
        assertThat(check.accepts("Scope-Probe token=s3cret")).isTrue();
        assertThat(check.accepts("Bearer s3cret")).isTrue();
        assertThat(check.accepts(basic("admin:s3cret"))).isTrue();
        assertThat(check.accepts(basic("s3cret:"))).isTrue();
    }

    @Test
    void rejectsWrongMissingAndMalformedTokens() {
        assertThat(check.accepts(null)).isFalse();
        assertThat(check.accepts("")).isFalse();
        assertThat(check.accepts("Scope-Probe token=s3cre")).isFalse();
        assertThat(check.accepts("Scope-Probe s3cret")).isFalse();
        assertThat(check.accepts("Bearer s3cret2")).isFalse();
        assertThat(check.accepts("Basic !!!not-base64")).isFalse();
        assertThat(check.accepts(basic("s3cret:wrong"))).isFalse();
        assertThat(check.accepts("s3cret")).isFalse();
    }
}
