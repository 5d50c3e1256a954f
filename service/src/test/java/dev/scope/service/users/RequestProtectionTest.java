package dev.scope.service.users;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CSRF, rate limits, hostile and oversized input. */
class RequestProtectionTest extends UsersTestBase {
    @Override
    UsersSettings settings(UsersSettings s) {
        return s.withRateLimits(new RateLimit(2, 4, Duration.ofHours(1)),
                new RateLimit(3, 5, Duration.ofHours(1)));
    }

    @Test
    void stateChangingRequestsWithoutTheCsrfTokenAre403() {
        TestBrowser b = h.signedIn("csrf@example.com");
        String org = h.createOrg(b, "Guarded");
        String body = new JsonObject().put("name", "forged").encode();
        URI uri = URI.create("http://127.0.0.1:" + h.component.port() + "/api/users/orgs");

        HttpResponse<String> noHeader = b.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(noHeader.body()).contains("CSRF");
        HttpResponse<String> wrongHeader = b.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-CSRF-Token", "x".repeat(43)).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(wrongHeader.statusCode()).isEqualTo(403);
        // a form without its hidden field, and one that only guesses a value with no cookie behind it
        assertThat(b.formRaw("/orgs", Map.of("name", "forged")).statusCode()).isEqualTo(403);
        TestBrowser stranger = h.browser();
        assertThat(stranger.formRaw("/signup", Map.of("email", "x@example.com", "csrf", "y".repeat(43))).statusCode())
                .isEqualTo(403);
        assertThat(b.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.component.port()
                + "/api/users/orgs/" + org + "/tokens")).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
        assertThat(b.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.component.port() + "/api/users/logout"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);

        // nothing happened
        assertThat(new JsonArray(b.get("/api/users/orgs").body())).hasSize(1);
        assertThat(b.get("/api/users/orgs/" + org + "/tokens").body()).isEqualTo("[]");
        assertThat(b.get("/api/users/me").statusCode()).isEqualTo(200);
    }

    @Test
    void signUpIsRateLimitedPerAddressAndPerIp() {
        TestBrowser b = h.browser();
        JsonObject same = new JsonObject().put("email", "flood@example.com");
        assertThat(b.post("/api/users/signup", same).statusCode()).isEqualTo(202);
        assertThat(b.post("/api/users/signup", same).statusCode()).isEqualTo(202);
        HttpResponse<String> third = b.post("/api/users/signup", same.copy().put("email", "FLOOD@example.com"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("too many attempts");
        // the IP has made 3 attempts; one more address passes, then the IP is out
        assertThat(b.post("/api/users/signup", new JsonObject().put("email", "a@example.com")).statusCode()).isEqualTo(202);
        assertThat(b.post("/api/users/signup", new JsonObject().put("email", "b@example.com")).statusCode()).isEqualTo(429);
        assertThat(h.mailsTo("flood@example.com", 2)).hasSize(2);
    }

    @Test
    void passwordLoginIsRateLimited() {
        TestBrowser b = h.browser();
        JsonObject attempt = new JsonObject().put("email", "guess@example.com").put("password", "wrong password!");
        for (int i = 0; i < 3; i++) assertThat(b.post("/api/users/login", attempt).statusCode()).isEqualTo(401);
        assertThat(b.post("/api/users/login", attempt).statusCode()).isEqualTo(429);
    }

    @Test
    void sqlLookingInputIsStoredAndShownVerbatimAndEscapedInPages() throws Exception {
        String name = "Robert'); DROP TABLE organisations;-- <script>alert(\"x\")</script> & co";
        String email = "o'brien+test@example.com";
        TestBrowser b = h.signedIn(email);
        String org = h.createOrg(b, name);

        JsonObject listed = new JsonArray(b.get("/api/users/orgs").body()).getJsonObject(0);
        assertThat(listed.getString("name")).isEqualTo(name);
        assertThat(new JsonObject(b.get("/api/users/me").body()).getString("email")).isEqualTo(email);

        String home = b.get("/").body();
        assertThat(home).doesNotContain("<script>").doesNotContain(name)
                .contains("Robert&#39;); DROP TABLE organisations;-- &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co")
                .contains("o&#39;brien+test@example.com");
        assertThat(b.get("/org/" + org).body()).doesNotContain("<script>");
        try (Connection c = h.db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM organisations")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void badInputGetsClear4xx() {
        TestBrowser b = h.signedIn("bad@example.com");
        String org = h.createOrg(b, "Bad input");
        assertThat(b.post("/api/users/signup", new JsonObject().put("email", "not an address")).statusCode()).isEqualTo(400);
        assertThat(b.post("/api/users/signup", new JsonObject().put("email", 42)).statusCode()).isEqualTo(400);
        assertThat(b.post("/api/users/orgs", new JsonObject().put("name", "")).statusCode()).isEqualTo(400);
        assertThat(b.post("/api/users/orgs", new JsonObject().put("name", "x".repeat(101))).statusCode()).isEqualTo(400);
        assertThat(b.post("/api/users/orgs", new JsonObject().put("name", "tab\tname")).statusCode()).isEqualTo(400);
        HttpResponse<String> notJson = b.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.component.port()
                        + "/api/users/orgs")).header("X-CSRF-Token", b.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> huge = b.post("/api/users/orgs", new JsonObject().put("name", "x".repeat(100_000)));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(b.post("/api/users/orgs/" + org + "/invitations",
                new JsonObject().put("email", "v@example.com").put("role", "owner")).statusCode()).isEqualTo(400);
        assertThat(b.delete("/api/users/orgs/" + org + "/members/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(b.get("/api/users/orgs/NOT-AN-ID").statusCode()).isEqualTo(404);
        assertThat(b.get("/api/users/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void invitationsAreRateLimitedPerInviter() {
        TestBrowser admin = h.signedIn("inviter@example.com");
        String org = h.createOrg(admin, "Inviting");
        for (int i = 0; i < 4; i++) {
            assertThat(admin.post("/api/users/orgs/" + org + "/invitations",
                    new JsonObject().put("email", "guest" + i + "@example.com")).statusCode()).isEqualTo(202);
        }
        assertThat(admin.post("/api/users/orgs/" + org + "/invitations",
                new JsonObject().put("email", "guest9@example.com")).statusCode()).isEqualTo(429);
    }
}
