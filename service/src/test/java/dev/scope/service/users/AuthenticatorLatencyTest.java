package dev.scope.service.users;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a check: how long the gateway's questions take against the real database (run with
 * {@code -Dscope.measure=true}; it prints figures and asserts only that answers are right).
 */
@EnabledIfSystemProperty(named = "scope.measure", matches = "true", disabledReason = "a measurement: run with -Dscope.measure=true")
class AuthenticatorLatencyTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @Test
    void measure() {
        try (UsersHarness h = new UsersHarness(MAIL, s -> s)) {
            TestBrowser b = h.signedIn("measure@example.com");
            String org = h.createOrg(b, "Measured");
            String token = new JsonObject(b.post("/api/users/orgs/" + org + "/tokens", null).body()).getString("token");
            String session = b.cookie("scope_session");
            String unknown = Secrets.newSecret();
            int n = 5000;
            report("probe(valid token)", n, () -> h.auth().probe(token).isPresent(), true);
            report("probe(unknown token)", n, () -> h.auth().probe(unknown).isPresent(), false);
            report("member(session, org)", n, () -> h.auth().member(session, org).isPresent(), true);
            report("member(session, other org)", n, () -> h.auth().member(session, "quiet-river-42").isPresent(), false);
            Argon2Function argon2 = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);
            String hash = Password.hash("correct horse battery").addRandomSalt(16).with(argon2).getResult();
            report("argon2id check (m=19MiB,t=2,p=1)", 50, () -> Password.check("correct horse battery", hash).with(argon2), true);
        }
    }

    private static void report(String what, int n, Supplier<Boolean> call, boolean expected) {
        for (int i = 0; i < Math.min(n, 500); i++) assertThat(call.get()).isEqualTo(expected); // warm-up
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            assertThat(call.get()).isEqualTo(expected);
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("MEASURE %-36s n=%d p50=%dus p90=%dus p99=%dus max=%dus%n", what, n,
                micros[n / 2], micros[n * 9 / 10], micros[n * 99 / 100], micros[n - 1]);
    }
}
