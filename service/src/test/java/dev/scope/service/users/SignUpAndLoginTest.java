package dev.scope.service.users;

import dev.scope.service.auth.ProbePrincipal;
import dev.scope.service.auth.Role;
import dev.scope.service.auth.UserPrincipal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpAndLoginTest extends UsersTestBase {
    @Test
    void signUpThenEmailedLinkThenOrganisationThenProbeToken() {
        TestBrowser b = h.browser();
        HttpResponse<String> signUp = b.post("/api/users/signup", new JsonObject().put("email", "Ada@Example.com"));
        assertThat(signUp.statusCode()).isEqualTo(202);

        String token = h.loginToken("Ada@Example.com", 1);
        HttpResponse<String> login = b.followLoginLink(token);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        String setCookie = String.join("\n", login.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("scope_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");

        HttpResponse<String> me = b.get("/api/users/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(me.body()).getString("email")).isEqualTo("Ada@Example.com");

        String org = h.createOrg(b, "Ada's lab");
        assertThat(org).matches("[a-z]+-[a-z]+-[0-9]{2}");
        JsonArray orgs = new JsonArray(b.get("/api/users/orgs").body());
        assertThat(orgs.getJsonObject(0).getString("role")).isEqualTo("admin");
        assertThat(orgs.getJsonObject(0).getString("uiPath")).isEqualTo("/api/app/" + org + "/");

        HttpResponse<String> issued = b.post("/api/users/orgs/" + org + "/tokens", null);
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonObject t = new JsonObject(issued.body());
        String probeToken = t.getString("token");
        assertThat(probeToken).hasSize(43); // 256 bits, base64url
        assertThat(t.getString("command")).isEqualTo("scope launch --service-token=" + probeToken + " http://localhost:4040");
        assertThat(t.getString("docker")).contains("--service-token=" + probeToken);
        assertThat(t.getString("kubernetes")).contains(probeToken);

        ProbePrincipal probe = h.auth().probe(probeToken).orElseThrow();
        assertThat(probe.orgExternalId()).isEqualTo(org);
        assertThat(probe.tokenId()).isEqualTo(t.getString("id"));
        UserPrincipal member = h.auth().member(b.cookie("scope_session"), org).orElseThrow();
        assertThat(member.role()).isEqualTo(Role.ADMIN);
        assertThat(member.orgId()).isEqualTo(probe.orgId());
        assertThat(member.email()).isEqualTo("Ada@Example.com");

        // listed afterwards only by hint: the secret is never shown again
        String listed = b.get("/api/users/orgs/" + org + "/tokens").body();
        assertThat(listed).doesNotContain(probeToken).contains(probeToken.substring(39));

        // the secret is stored hashed only
        assertThat(tableContains("probe_tokens", probeToken)).isFalse();
        assertThat(tableContains("sessions", b.cookie("scope_session"))).isFalse();
    }

    @Test
    void fetchingALinkWithoutPressingItsButtonDoesNotSpendIt() {
        h.browser().post("/api/users/signup", new JsonObject().put("email", "scanned@example.com"));
        String token = h.loginToken("scanned@example.com", 1);
        TestBrowser scanner = h.browser(); // a mail scanner or link preview fetching the link first
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = scanner.get("/login/link?token=" + token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("method=\"post\"").contains("Log in");
        }
        assertThat(scanner.cookie("scope_session")).isNull();
        TestBrowser person = h.browser();
        assertThat(person.followLoginLink(token).statusCode()).isEqualTo(303);
        assertThat(person.cookie("scope_session")).isNotNull();
    }

    @Test
    void aLoginLinkWorksOnce() {
        h.browser().post("/api/users/signup", new JsonObject().put("email", "once@example.com"));
        String token = h.loginToken("once@example.com", 1);
        assertThat(h.browser().followLoginLink(token).statusCode()).isEqualTo(303);
        HttpResponse<String> again = h.browser().followLoginLink(token);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or was already used");
        assertThat(h.browser().post("/api/users/login/link", new JsonObject().put("token", token)).statusCode()).isEqualTo(400);
    }

    @Test
    void anExpiredLoginLinkIsRefused() throws Exception {
        h.browser().post("/api/users/signup", new JsonObject().put("email", "late@example.com"));
        String token = h.loginToken("late@example.com", 1);
        try (Connection c = h.db.dataSource().getConnection()) {
            c.createStatement().execute("UPDATE login_links SET expires_at = now() - interval '1 second'");
        }
        TestBrowser b = h.browser();
        assertThat(b.followLoginLink(token).statusCode()).isEqualTo(400);
        assertThat(b.cookie("scope_session")).isNull();
    }

    @Test
    void linksExpireAfter72HoursByDefault() throws Exception {
        h.browser().post("/api/users/signup", new JsonObject().put("email", "ttl@example.com"));
        h.loginToken("ttl@example.com", 1);
        try (Connection c = h.db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT extract(epoch FROM expires_at - created_at) FROM login_links")) {
            rs.next();
            assertThat(rs.getDouble(1)).isEqualTo(72 * 3600.0);
        }
    }

    @Test
    void garbageLoginTokensAreRefusedPlainly() {
        assertThat(h.browser().get("/login/link?token=%27%20OR%201%3D1--").statusCode()).isEqualTo(400);
        assertThat(h.browser().get("/login/link").statusCode()).isEqualTo(400);
    }

    @Test
    void passwordLoginAfterSettingOne() {
        TestBrowser b = h.signedIn("pw@example.com");
        assertThat(b.post("/api/users/me/password", new JsonObject().put("password", "short")).statusCode()).isEqualTo(400);
        assertThat(b.post("/api/users/me/password", new JsonObject().put("password", "correct horse battery")).statusCode())
                .isEqualTo(204);

        TestBrowser other = h.browser();
        HttpResponse<String> wrong = other.post("/api/users/login",
                new JsonObject().put("email", "pw@example.com").put("password", "wrong horse battery"));
        HttpResponse<String> unknown = other.post("/api/users/login",
                new JsonObject().put("email", "nobody@example.com").put("password", "wrong horse battery"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()); // no hint whether the address exists
        HttpResponse<String> right = other.post("/api/users/login",
                new JsonObject().put("email", "PW@example.com").put("password", "correct horse battery"));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(other.get("/api/users/me").statusCode()).isEqualTo(200);

        String hash = storedHash();
        assertThat(hash).startsWith("$argon2id$");

        // changing it needs the current one
        assertThat(other.post("/api/users/me/password", new JsonObject().put("password", "another long password"))
                .statusCode()).isEqualTo(403);
        assertThat(other.post("/api/users/me/password", new JsonObject().put("current", "correct horse battery")
                .put("password", "another long password")).statusCode()).isEqualTo(204);
        assertThat(h.browser().post("/api/users/login", new JsonObject().put("email", "pw@example.com")
                .put("password", "another long password")).statusCode()).isEqualTo(200);
        assertThat(other.get("/account").body()).contains("name=\"current\"");
    }

    @Test
    void logoutEndsTheSession() {
        TestBrowser b = h.signedIn("bye@example.com");
        String org = h.createOrg(b, "Bye");
        String session = b.cookie("scope_session");
        assertThat(h.auth().member(session, org)).isPresent();
        assertThat(b.post("/api/users/logout", null).statusCode()).isEqualTo(204);
        assertThat(h.auth().member(session, org)).isEmpty();
        assertThat(b.get("/api/users/me").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesWorkWithFormsAndTheirCsrfField() {
        TestBrowser b = h.browser();
        HttpResponse<String> login = b.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"csrf\" value=\"" + b.cookie("scope_csrf") + "\"");
        HttpResponse<String> posted = b.form("/signup", Map.of("email", "pages@example.com"));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/check-email");
        assertThat(b.get("/check-email").body()).contains("login link");
        assertThat(b.followLoginLink(h.loginToken("pages@example.com", 1)).statusCode()).isEqualTo(303);

        HttpResponse<String> created = b.form("/orgs", Map.of("name", "Paged"));
        assertThat(created.statusCode()).isEqualTo(303);
        String dashboardPath = created.headers().firstValue("Location").orElseThrow();
        String dashboard = b.get(dashboardPath).body();
        assertThat(dashboard).contains("Paged").contains("/api/app/" + dashboardPath.substring(5) + "/")
                .contains("scope launch --service-token=");
        HttpResponse<String> tokenPage = b.form(dashboardPath + "/tokens", Map.of());
        assertThat(tokenPage.statusCode()).isEqualTo(200);
        assertThat(tokenPage.body()).contains("shown only once").containsPattern("scope launch --service-token=[A-Za-z0-9_-]{43} ");
        assertThat(b.get(dashboardPath + "/members").body()).contains("pages@example.com");
        assertThat(b.get("/").body()).contains("Paged");
        assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();

        assertThat(b.form("/logout", Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> after = b.get("/");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void opsEndpointsAnswer() {
        TestBrowser b = h.browser();
        assertThat(b.get("/health").statusCode()).isEqualTo(200);
        assertThat(b.get("/ready").statusCode()).isEqualTo(200);
        h.signedIn("metrics@example.com");
        assertThat(b.get("/metrics").body()).contains("scope_users_signups_total").contains("scope_users_logins_total");
    }

    private String storedHash() {
        try (Connection c = h.db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT password_hash FROM users WHERE email_key = 'pw@example.com'")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean tableContains(String table, String text) {
        try (Connection c = h.db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    String s = v instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(v);
                    if (s.contains(text)) return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
