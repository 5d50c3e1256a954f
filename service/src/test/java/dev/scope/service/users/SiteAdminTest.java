package dev.scope.service.users;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Approval of new accounts, and the site admin's powers. */
class SiteAdminTest extends UsersTestBase {
    @Override
    UsersSettings settings(UsersSettings s) {
        return s.withRequireApproval(true).withSiteAdmins(List.of("Root@Example.com"));
    }

    private String idOf(TestBrowser admin, String email) {
        return new JsonArray(admin.get("/api/users/admin/users").body()).stream().map(JsonObject.class::cast)
                .filter(u -> u.getString("email").equals(email)).findFirst().orElseThrow().getString("id");
    }

    @Test
    void newAccountsWaitForApprovalThenGetTheirLink() {
        TestBrowser root = h.signedIn("root@example.com"); // a configured site admin needs no approval
        TestBrowser newcomer = h.browser();
        assertThat(newcomer.post("/api/users/signup", new JsonObject().put("email", "new@example.com")).statusCode())
                .isEqualTo(202);
        String welcome = UsersHarness.body(h.mailsTo("new@example.com", 1).getFirst());
        assertThat(welcome).contains("administrator will review").doesNotContain("/login/link");
        // asking again sends nothing that logs in
        newcomer.post("/api/users/signup", new JsonObject().put("email", "new@example.com"));

        String id = idOf(root, "new@example.com");
        assertThat(new JsonArray(root.get("/api/users/admin/users").body()).stream().map(JsonObject.class::cast)
                .filter(u -> u.getString("id").equals(id)).findFirst().orElseThrow().getBoolean("approved")).isFalse();
        assertThat(root.post("/api/users/admin/users/" + id + "/approve", null).statusCode()).isEqualTo(204);
        assertThat(UsersHarness.body(h.mailsTo("new@example.com", 2).getLast())).contains("approved");
        assertThat(newcomer.followLoginLink(h.loginToken("new@example.com", 2)).statusCode()).isEqualTo(303);
        assertThat(newcomer.get("/api/users/me").statusCode()).isEqualTo(200);
        assertThat(h.mailsTo("new@example.com", 2)).hasSize(2);
    }

    @Test
    void onlySiteAdminsAdministerAndDisablingEndsSessions() {
        TestBrowser root = h.signedIn("root@example.com");
        TestBrowser user = h.browser();
        user.post("/api/users/signup", new JsonObject().put("email", "user@example.com"));
        root.post("/api/users/admin/users/" + idOf(root, "user@example.com") + "/approve", null);
        user.followLoginLink(h.loginToken("user@example.com", 2));
        String org = h.createOrg(user, "User's");

        assertThat(user.get("/api/users/admin/users").statusCode()).isEqualTo(403);
        assertThat(user.get("/admin").statusCode()).isEqualTo(403);
        assertThat(user.delete("/api/users/admin/orgs/" + org).statusCode()).isEqualTo(403);
        assertThat(root.get("/admin").body()).contains("user@example.com").contains("User&#39;s");
        assertThat(new JsonArray(root.get("/api/users/admin/orgs").body())).hasSize(1);

        String userId = idOf(root, "user@example.com");
        assertThat(root.post("/api/users/admin/users/" + userId + "/disabled", new JsonObject().put("disabled", true))
                .statusCode()).isEqualTo(204);
        assertThat(user.get("/api/users/me").statusCode()).isEqualTo(401);
        assertThat(h.auth().member(user.cookie("scope_session"), org)).isEmpty();
        // a disabled user gets no login link
        user.post("/api/users/signup", new JsonObject().put("email", "user@example.com"));
        assertThat(root.post("/api/users/admin/users/" + userId + "/disabled", new JsonObject().put("disabled", false))
                .statusCode()).isEqualTo(204);

        // make admin through the page's form
        assertThat(root.form("/admin/users/" + userId + "/admin", Map.of("value", "true")).statusCode()).isEqualTo(303);
        TestBrowser again = h.signedIn("user@example.com");
        assertThat(again.get("/api/users/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void deletingAnOrganisationDeletesItsDataAndAccess() throws Exception {
        TestBrowser root = h.signedIn("root@example.com");
        String org = h.createOrg(root, "Doomed");
        String token = new JsonObject(root.post("/api/users/orgs/" + org + "/tokens", null).body()).getString("token");
        assertThat(h.auth().probe(token)).isPresent();

        assertThat(root.delete("/api/users/admin/orgs/" + org).statusCode()).isEqualTo(204);
        assertThat(h.auth().probe(token)).isEmpty();
        assertThat(h.auth().member(root.cookie("scope_session"), org)).isEmpty();
        assertThat(root.get("/api/users/orgs/" + org).statusCode()).isEqualTo(404);
        try (Connection c = h.db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM probe_tokens) + (SELECT count(*) FROM memberships)")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(root.delete("/api/users/admin/orgs/" + org).statusCode()).isEqualTo(404);
    }
}
