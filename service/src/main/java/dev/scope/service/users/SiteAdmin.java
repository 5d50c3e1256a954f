package dev.scope.service.users;

import dev.scope.service.users.Records.Org;
import dev.scope.service.users.Records.User;

import java.util.List;
import java.util.UUID;

/** What site admins do: see every user and organisation, approve, disable, promote, delete organisations. */
final class SiteAdmin {
    private final Sql sql;
    private final Emails emails;
    private final UsersSettings settings;

    SiteAdmin(Sql sql, Emails emails, UsersSettings settings) {
        this.sql = sql;
        this.emails = emails;
        this.settings = settings;
    }

    List<User> users(User admin) {
        require(admin);
        return sql.tx(UserStore::all);
    }

    List<Org> organisations(User admin) {
        require(admin);
        return sql.tx(OrgStore::all);
    }

    void setSiteAdmin(User admin, UUID userId, boolean value) {
        require(admin);
        if (!value && admin.id().equals(userId)) throw UsersException.badRequest("you cannot remove your own admin rights");
        update(userId, "site_admin", value);
    }

    /** Disabling ends the user's sessions at once; their probe tokens stay (they belong to organisations). */
    void setDisabled(User admin, UUID userId, boolean value) {
        require(admin);
        if (value && admin.id().equals(userId)) throw UsersException.badRequest("you cannot disable yourself");
        sql.tx(c -> {
            if (!UserStore.setFlag(c, userId, "disabled", value)) throw UsersException.notFound();
            if (value) SessionStore.deleteAll(c, userId);
            return null;
        });
    }

    /** Approves a waiting account and e-mails its login link. */
    void approve(User admin, UUID userId) {
        require(admin);
        record Approved(String email, String secret) {
        }
        Approved approved = sql.tx(c -> {
            User user = UserStore.byId(c, userId).orElseThrow(UsersException::notFound);
            if (user.approved()) return null;
            UserStore.setFlag(c, userId, "approved", true);
            return new Approved(user.email(), user.disabled() ? null : LoginLinkStore.issue(c, userId, settings.loginLinkTtl()));
        });
        if (approved != null && approved.secret() != null) emails.approved(approved.email(), approved.secret());
    }

    void deleteOrganisation(User admin, String externalId) {
        require(admin);
        sql.tx(c -> {
            Org org = OrgStore.byExternalId(c, externalId).orElseThrow(UsersException::notFound);
            return OrgStore.delete(c, org.id());
        });
    }

    private void update(UUID userId, String column, boolean value) {
        sql.tx(c -> {
            if (!UserStore.setFlag(c, userId, column, value)) throw UsersException.notFound();
            return null;
        });
    }

    private static void require(User user) {
        if (!user.siteAdmin()) throw UsersException.forbidden("site admins only");
    }
}
