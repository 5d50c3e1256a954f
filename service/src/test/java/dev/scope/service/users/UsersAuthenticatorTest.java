package dev.scope.service.users;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway gets for tokens and sessions that do not check out: always the same empty answer. */
class UsersAuthenticatorTest extends UsersTestBase {
    @Test
    void unknownOrMalformedTokensAreEmpty() {
        UsersAuthenticator auth = h.auth();
        assertThat(auth.probe(null)).isEmpty();
        assertThat(auth.probe("")).isEmpty();
        assertThat(auth.probe("' OR '1'='1")).isEmpty();
        assertThat(auth.probe(Secrets.newSecret())).isEmpty();
        assertThat(auth.probe("x".repeat(100_000))).isEmpty();
    }

    @Test
    void sessionsAnswerOnlyForTheirOwnOrganisations() {
        TestBrowser a = h.signedIn("a@example.com");
        TestBrowser b = h.signedIn("b@example.com");
        String orgA = h.createOrg(a, "A");
        String orgB = h.createOrg(b, "B");
        String tokenA = new JsonObject(a.post("/api/users/orgs/" + orgA + "/tokens", null).body()).getString("token");

        assertThat(h.auth().member(a.cookie("scope_session"), orgA)).isPresent();
        assertThat(h.auth().member(a.cookie("scope_session"), orgB)).isEmpty();
        assertThat(h.auth().member(b.cookie("scope_session"), orgA)).isEmpty();
        assertThat(h.auth().member(Secrets.newSecret(), orgA)).isEmpty();
        assertThat(h.auth().member(null, orgA)).isEmpty();
        assertThat(h.auth().member(a.cookie("scope_session"), null)).isEmpty();
        assertThat(h.auth().member(a.cookie("scope_session"), "'; DROP TABLE users;--")).isEmpty();
        assertThat(h.auth().member(tokenA, orgA)).isEmpty(); // a probe token is not a session
        assertThat(h.auth().probe(a.cookie("scope_session"))).isEmpty(); // nor the other way round
        assertThat(h.auth().probe(tokenA).orElseThrow().orgExternalId()).isEqualTo(orgA);
    }

    @Test
    void expiredSessionsAreEmpty() throws Exception {
        TestBrowser a = h.signedIn("exp@example.com");
        String org = h.createOrg(a, "Exp");
        try (var c = h.db.dataSource().getConnection()) {
            c.createStatement().execute("UPDATE sessions SET expires_at = now() - interval '1 second'");
        }
        assertThat(h.auth().member(a.cookie("scope_session"), org)).isEmpty();
        assertThat(a.get("/api/users/me").statusCode()).isEqualTo(401);
    }
}
