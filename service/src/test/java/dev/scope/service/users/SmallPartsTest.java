package dev.scope.service.users;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallPartsTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @Test
    void externalIdsAreReadableAndVaried() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = ExternalIds.next();
            assertThat(id).matches("[a-z]+-[a-z]+-[1-9][0-9]");
            assertThat(ExternalIds.plausible(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen.size()).isGreaterThan(150);
        assertThat(ExternalIds.plausible("../etc-passwd-00")).isFalse();
        assertThat(ExternalIds.plausible("Autumn-waterfall-99")).isFalse();
    }

    @Test
    void secretsHave256BitsAndCompareInConstantTime() {
        String s = Secrets.newSecret();
        assertThat(s).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.plausible(s)).isTrue();
        assertThat(Secrets.same(s, s)).isTrue();
        assertThat(Secrets.same(s, Secrets.newSecret())).isFalse();
        assertThat(Secrets.same(s, null)).isFalse();
        assertThat(Secrets.plausible(s.substring(1) + "=")).isFalse();
    }

    @Test
    void htmlEscapesEverythingThatMatters() {
        assertThat(Html.esc("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void probeCommandsNameTheServiceWithAnExplicitPort() {
        ProbeCommands c = ProbeCommands.of("https://scope.example.com", "scope/scope:1", "TOKEN");
        assertThat(c.launch()).isEqualTo("scope launch --service-token=TOKEN https://scope.example.com:443");
        assertThat(c.docker()).contains("scope/scope:1 scope probe --service-token=TOKEN https://scope.example.com:443");
        assertThat(c.kubernetes()).contains("--from-literal=token=TOKEN").contains("kind: DaemonSet");
        assertThat(ProbeCommands.target("http://localhost")).isEqualTo("http://localhost:80");
    }

    @Test
    void settingsNeverPrintTheSmtpPassword() {
        assertThat(new MailSettings("h", 25, "f@x.org", "u", "hunter22", true).toString()).doesNotContain("hunter22");
    }

    @Test
    void anUnreachableMailServerIsAClear503() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        try (UsersHarness h = new UsersHarness(MAIL, s -> new UsersSettings(s.host(), s.port(), s.publicUrl(),
                MailSettings.plain("127.0.0.1", port, "scope@example.com"), false, Set.of(), s.loginLinkTtl(),
                s.sessionTtl(), s.signUpLimit(), s.loginLimit(), false, s.probeImage()))) {
            HttpResponse<String> r = h.browser().post("/api/users/signup", new JsonObject().put("email", "m@example.com"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(new JsonObject(r.body()).getString("error")).contains("could not be sent");
            assertThat(h.browser().get("/metrics").body()).contains("scope_users_emails_total{outcome=\"failed\"}");
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> UsersSettings.defaults("h", 1, "ftp://x", MailSettings.plain("h", 25, "a@b.c")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(0, 1, java.time.Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
