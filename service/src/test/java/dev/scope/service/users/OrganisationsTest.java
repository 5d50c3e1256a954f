package dev.scope.service.users;

import dev.scope.service.auth.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Members, invitations, roles, the last admin, and probe tokens. */
class OrganisationsTest extends UsersTestBase {
    /** Invites the address with the role and logs it in through the invitation's link. */
    private TestBrowser invited(TestBrowser admin, String org, String email, String role) {
        HttpResponse<String> r = admin.post("/api/users/orgs/" + org + "/invitations",
                new JsonObject().put("email", email).put("role", role));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(UsersHarness.body(h.mailsTo(email, 1).getFirst())).contains("invited").contains(org);
        TestBrowser b = h.browser();
        assertThat(b.followLoginLink(h.loginToken(email, 1)).statusCode()).isEqualTo(303);
        return b;
    }

    private String userId(TestBrowser b) {
        return new JsonObject(b.get("/api/users/me").body()).getString("id");
    }

    @Test
    void invitationsMakeMembersWithTheirRole() {
        TestBrowser admin = h.signedIn("owner@example.com");
        String org = h.createOrg(admin, "Team");
        TestBrowser viewer = invited(admin, org, "viewer@example.com", "viewer");
        assertThat(h.auth().member(viewer.cookie("scope_session"), org).orElseThrow().role()).isEqualTo(Role.VIEWER);
        JsonObject roster = new JsonObject(admin.get("/api/users/orgs/" + org).body());
        assertThat(roster.getJsonArray("members")).hasSize(2);
        assertThat(roster.getJsonArray("invitations")).isEmpty();

        // pending invitation, then revoked: never becomes a member
        admin.post("/api/users/orgs/" + org + "/invitations", new JsonObject().put("email", "later@example.com"));
        JsonArray pending = new JsonObject(admin.get("/api/users/orgs/" + org).body()).getJsonArray("invitations");
        assertThat(pending).hasSize(1);
        assertThat(admin.delete("/api/users/orgs/" + org + "/invitations/" + pending.getJsonObject(0).getString("id"))
                .statusCode()).isEqualTo(204);
        TestBrowser later = h.browser();
        later.followLoginLink(h.loginToken("later@example.com", 1));
        assertThat(h.auth().member(later.cookie("scope_session"), org)).isEmpty();
        assertThat(admin.post("/api/users/orgs/" + org + "/invitations",
                new JsonObject().put("email", "viewer@example.com")).statusCode()).isEqualTo(409);
    }

    @Test
    void rolesDecideWhoMayManage() {
        TestBrowser admin = h.signedIn("boss@example.com");
        String org = h.createOrg(admin, "Roles");
        TestBrowser viewer = invited(admin, org, "v@example.com", "viewer");
        TestBrowser editor = invited(admin, org, "e@example.com", "editor");
        TestBrowser stranger = h.signedIn("stranger@example.com");

        for (TestBrowser b : new TestBrowser[]{viewer, editor}) {
            assertThat(b.get("/api/users/orgs/" + org).statusCode()).isEqualTo(200);
            assertThat(b.post("/api/users/orgs/" + org + "/tokens", null).statusCode()).isEqualTo(403);
            assertThat(b.get("/api/users/orgs/" + org + "/tokens").statusCode()).isEqualTo(403);
            assertThat(b.post("/api/users/orgs/" + org + "/invitations",
                    new JsonObject().put("email", "x@example.com")).statusCode()).isEqualTo(403);
            assertThat(b.json("PUT", "/api/users/orgs/" + org + "/members/" + userId(b),
                    new JsonObject().put("role", "admin")).statusCode()).isEqualTo(403);
            assertThat(b.delete("/api/users/orgs/" + org + "/members/" + userId(admin)).statusCode()).isEqualTo(403);
            assertThat(b.get("/org/" + org + "/tokens").statusCode()).isEqualTo(403);
        }
        // not a member: the organisation does not exist as far as they can tell
        assertThat(stranger.get("/api/users/orgs/" + org).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/api/users/orgs/" + org + "/tokens", null).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/org/" + org).statusCode()).isEqualTo(404);
        assertThat(h.auth().member(stranger.cookie("scope_session"), org)).isEmpty();

        // the admin promotes the editor, who then may manage
        assertThat(admin.json("PUT", "/api/users/orgs/" + org + "/members/" + userId(editor),
                new JsonObject().put("role", "admin")).statusCode()).isEqualTo(204);
        assertThat(editor.post("/api/users/orgs/" + org + "/tokens", null).statusCode()).isEqualTo(201);
        // and removes the viewer
        assertThat(admin.delete("/api/users/orgs/" + org + "/members/" + userId(viewer)).statusCode()).isEqualTo(204);
        assertThat(h.auth().member(viewer.cookie("scope_session"), org)).isEmpty();
        assertThat(viewer.get("/api/users/orgs/" + org).statusCode()).isEqualTo(404);
    }

    @Test
    void theLastAdminCannotLeaveOrStepDown() {
        TestBrowser admin = h.signedIn("last@example.com");
        String org = h.createOrg(admin, "Last");
        HttpResponse<String> leave = admin.post("/api/users/orgs/" + org + "/leave", null);
        assertThat(leave.statusCode()).isEqualTo(409);
        assertThat(leave.body()).contains("last admin");
        assertThat(admin.json("PUT", "/api/users/orgs/" + org + "/members/" + userId(admin),
                new JsonObject().put("role", "viewer")).statusCode()).isEqualTo(409);
        assertThat(admin.delete("/api/users/orgs/" + org + "/members/" + userId(admin)).statusCode()).isEqualTo(409);

        TestBrowser second = invited(admin, org, "second@example.com", "viewer");
        assertThat(second.post("/api/users/orgs/" + org + "/leave", null).statusCode()).isEqualTo(204); // viewers may leave
        TestBrowser third = invited(admin, org, "third@example.com", "admin");
        assertThat(admin.post("/api/users/orgs/" + org + "/leave", null).statusCode()).isEqualTo(204);
        assertThat(h.auth().member(admin.cookie("scope_session"), org)).isEmpty();
        assertThat(third.post("/api/users/orgs/" + org + "/leave", null).statusCode()).isEqualTo(409);
    }

    @Test
    void tokensRotateAndRevoke() {
        TestBrowser admin = h.signedIn("tokens@example.com");
        String org = h.createOrg(admin, "Tokens");
        JsonObject first = new JsonObject(admin.post("/api/users/orgs/" + org + "/tokens", null).body());
        assertThat(h.auth().probe(first.getString("token"))).isPresent();

        HttpResponse<String> rotated = admin.post("/api/users/orgs/" + org + "/tokens/" + first.getString("id") + "/rotate", null);
        assertThat(rotated.statusCode()).isEqualTo(201);
        JsonObject second = new JsonObject(rotated.body());
        assertThat(h.auth().probe(first.getString("token"))).isEmpty();
        assertThat(h.auth().probe(second.getString("token"))).isPresent();
        assertThat(second.getString("token")).isNotEqualTo(first.getString("token"));

        assertThat(admin.delete("/api/users/orgs/" + org + "/tokens/" + second.getString("id")).statusCode()).isEqualTo(204);
        assertThat(h.auth().probe(second.getString("token"))).isEmpty();
        assertThat(admin.delete("/api/users/orgs/" + org + "/tokens/" + second.getString("id")).statusCode()).isEqualTo(404);
        JsonArray listed = new JsonArray(admin.get("/api/users/orgs/" + org + "/tokens").body());
        assertThat(listed).hasSize(2).allSatisfy(t -> assertThat(((JsonObject) t).getString("revokedAt")).isNotNull());

        // another organisation's admin cannot touch these tokens even knowing their ids
        TestBrowser other = h.signedIn("other@example.com");
        String otherOrg = h.createOrg(other, "Other");
        JsonObject third = new JsonObject(admin.post("/api/users/orgs/" + org + "/tokens", null).body());
        assertThat(other.delete("/api/users/orgs/" + otherOrg + "/tokens/" + third.getString("id")).statusCode()).isEqualTo(404);
        assertThat(other.delete("/api/users/orgs/" + org + "/tokens/" + third.getString("id")).statusCode()).isEqualTo(404);
        assertThat(h.auth().probe(third.getString("token")).orElseThrow().orgExternalId()).isEqualTo(org);
    }

    @Test
    void someoneAlreadySignedInJoinsWhenTheyNextListTheirOrganisations() {
        TestBrowser admin = h.signedIn("host@example.com");
        String org = h.createOrg(admin, "Hosting");
        TestBrowser guest = h.signedIn("guest@example.com");
        assertThat(new JsonArray(guest.get("/api/users/orgs").body())).isEmpty();
        admin.post("/api/users/orgs/" + org + "/invitations", new JsonObject().put("email", "Guest@Example.com").put("role", "editor"));
        JsonArray listed = new JsonArray(guest.get("/api/users/orgs").body());
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("role")).isEqualTo("editor");
        assertThat(h.auth().member(guest.cookie("scope_session"), org).orElseThrow().role()).isEqualTo(Role.EDITOR);
    }

    @Test
    void twoAdminsLeavingAtOnceLeaveOneBehind() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestBrowser first = h.signedIn("race" + round + "a@example.com");
            String org = h.createOrg(first, "Race " + round);
            TestBrowser second = invited(first, org, "race" + round + "b@example.com", "admin");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> first.post("/api/users/orgs/" + org + "/leave", null).statusCode());
                var b = pool.submit(() -> second.post("/api/users/orgs/" + org + "/leave", null).statusCode());
                assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(204, 409);
            } finally {
                pool.shutdown();
            }
            boolean firstStays = h.auth().member(first.cookie("scope_session"), org).isPresent();
            boolean secondStays = h.auth().member(second.cookie("scope_session"), org).isPresent();
            assertThat(firstStays ^ secondStays).isTrue();
        }
    }
}
