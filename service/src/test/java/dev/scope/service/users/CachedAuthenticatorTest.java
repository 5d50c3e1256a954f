package dev.scope.service.users;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.scope.service.auth.Authenticator;
import dev.scope.service.auth.ProbePrincipal;
import dev.scope.service.auth.UserPrincipal;
import dev.scope.service.db.PgListener;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's cache of authentication answers: repeats do not reach the database, and whatever withdraws an
 * answer is seen at once through the trigger's notification. The answers live an hour here, so only the
 * notification can explain a withdrawal the test sees.
 */
class CachedAuthenticatorTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private UsersHarness h;
    private final AtomicInteger asked = new AtomicInteger();
    private CachedAuthenticator cache;

    @BeforeEach
    void start() {
        h = new UsersHarness(MAIL, s -> s);
        cache = cacheOver(PgListener.dedicatedConnection(h.db));
        await().atMost(Duration.ofSeconds(30)).until(this::listening);
    }

    @AfterEach
    void stop() {
        cache.close();
        h.close();
    }

    private CachedAuthenticator cacheOver(PgListener.Connector db) {
        Authenticator counting = new Authenticator() {
            @Override
            public Optional<ProbePrincipal> probe(String token) {
                asked.incrementAndGet();
                return h.auth().probe(token);
            }

            @Override
            public Optional<UserPrincipal> member(String sessionId, String orgExternalId) {
                asked.incrementAndGet();
                return h.auth().member(sessionId, orgExternalId);
            }
        };
        return new CachedAuthenticator(counting, db, h.registry, Duration.ofHours(1));
    }

    /** Listening once a probe answer is kept (nothing is kept while deaf to changes). */
    private boolean listening() {
        int before = asked.get();
        cache.probe(Secrets.newSecret()); // junk of the right shape: asked, refused, kept for 2 s
        String again = Secrets.newSecret();
        cache.probe(again);
        cache.probe(again);
        return asked.get() - before == 2;
    }

    @Test
    void repeatedQuestionsAreAnsweredFromMemoryAndARevokedTokenIsRefusedAtOnce() {
        TestBrowser admin = h.signedIn("admin@example.com");
        String org = h.createOrg(admin, "Shop");
        JsonObject issued = new JsonObject(admin.post("/api/users/orgs/" + org + "/tokens", null).body());
        String token = issued.getString("token");

        int before = asked.get();
        for (int i = 0; i < 100; i++) assertThat(cache.probe(token).orElseThrow().orgExternalId()).isEqualTo(org);
        assertThat(asked.get() - before).as("database lookups for 100 reports").isEqualTo(1);

        assertThat(admin.delete("/api/users/orgs/" + org + "/tokens/" + issued.getString("id")).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.probe(token).isEmpty());
    }

    @Test
    void logoutAndRemovalFromTheOrganisationWithdrawSessionsAtOnce() {
        TestBrowser admin = h.signedIn("owner@example.com");
        String org = h.createOrg(admin, "Lab");
        assertThat(admin.post("/api/users/orgs/" + org + "/invitations",
                new JsonObject().put("email", "member@example.com").put("role", "viewer")).statusCode()).isEqualTo(202);
        TestBrowser invited = h.browser();
        assertThat(invited.followLoginLink(h.loginToken("member@example.com", 1)).statusCode()).isEqualTo(303);
        String memberSession = invited.cookie("scope_session");

        assertThat(cache.member(memberSession, org)).isPresent();
        String memberId = new JsonObject(invited.get("/api/users/me").body()).getString("id");
        assertThat(admin.delete("/api/users/orgs/" + org + "/members/" + memberId).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.member(memberSession, org).isEmpty());

        String adminSession = admin.cookie("scope_session");
        assertThat(cache.member(adminSession, org)).isPresent();
        assertThat(admin.post("/api/users/logout", null).statusCode()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.member(adminSession, org).isEmpty());
    }

    @Test
    void withoutItsNotificationsTheCacheKeepsNothing() {
        cache.close();
        cache = cacheOver(() -> {
            throw new SQLException("the database refuses the LISTEN connection");
        });
        TestBrowser admin = h.signedIn("deaf@example.com");
        String org = h.createOrg(admin, "Deaf");
        String token = new JsonObject(admin.post("/api/users/orgs/" + org + "/tokens", null).body()).getString("token");
        int before = asked.get();
        for (int i = 0; i < 5; i++) assertThat(cache.probe(token)).isPresent();
        assertThat(asked.get() - before).isEqualTo(5);
    }

    @Test
    void junkNeverReachesTheDatabase() {
        int before = asked.get();
        assertThat(cache.probe(null)).isEmpty();
        assertThat(cache.probe("short")).isEmpty();
        assertThat(cache.member(Secrets.newSecret(), "'; DROP TABLE users;--")).isEmpty();
        assertThat(asked.get()).isEqualTo(before);
    }
}
