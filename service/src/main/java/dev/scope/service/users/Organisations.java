package dev.scope.service.users;

import dev.scope.service.auth.Role;
import dev.scope.service.users.Records.Invitation;
import dev.scope.service.users.Records.IssuedToken;
import dev.scope.service.users.Records.Member;
import dev.scope.service.users.Records.Membership;
import dev.scope.service.users.Records.Org;
import dev.scope.service.users.Records.ProbeToken;
import dev.scope.service.users.Records.User;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * What members do in an organisation. Someone who is not a member gets 404 (the organisation's existence is not
 * revealed); a member whose role is too low gets 403.
 */
final class Organisations {
    record Roster(Membership membership, List<Member> members, List<Invitation> invitations) {
    }

    private record Invited(String email, String orgName, String orgExternalId, String secret) {
    }

    private final Sql sql;
    private final Emails emails;
    private final UsersSettings settings;

    Organisations(Sql sql, Emails emails, UsersSettings settings) {
        this.sql = sql;
        this.emails = emails;
        this.settings = settings;
    }

    Org create(User user, String rawName) {
        String name = Inputs.orgName(rawName);
        return sql.tx(c -> OrgStore.create(c, name, user.id()));
    }

    /** The user's organisations, after turning invitations that arrived since they logged in into memberships. */
    List<Membership> of(User user) {
        return sql.tx(c -> {
            InvitationStore.accept(c, user.id(), user.email());
            return OrgStore.membershipsOf(c, user.id());
        });
    }

    Membership membership(User user, String externalId) {
        return sql.tx(c -> require(c, user, externalId, Role.VIEWER));
    }

    Roster roster(User user, String externalId) {
        return sql.tx(c -> {
            Membership m = require(c, user, externalId, Role.VIEWER);
            return new Roster(m, OrgStore.members(c, m.org().id()), InvitationStore.pending(c, m.org().id()));
        });
    }

    /** Invites an address (creating its account, approved: an organisation admin vouches for it) and e-mails a link. */
    void invite(User user, String externalId, String rawEmail, Role role) {
        String email = Inputs.email(rawEmail);
        // Invitations send e-mail to any address: an admin gets as many per window as one IP gets sign-ups.
        RateLimit limit = settings.signUpLimit();
        if (!sql.tx(c -> RateLimiter.allow(c, "invite:user:" + user.id(), limit.perIp(), limit.window()))) {
            throw new UsersException(429, "too many invitations; try again later");
        }
        Invited invited = sql.tx(c -> {
            Membership m = require(c, user, externalId, Role.ADMIN);
            User invitee = UserStore.findOrCreate(c, email, true, settings.siteAdminEmails().contains(UserStore.key(email)));
            if (OrgStore.role(c, m.org().id(), invitee.id()).isPresent()) {
                throw new UsersException(409, "already a member");
            }
            if (!invitee.approved()) UserStore.setFlag(c, invitee.id(), "approved", true);
            InvitationStore.invite(c, m.org().id(), email, role, user.id());
            String secret = invitee.disabled() ? null : LoginLinkStore.issue(c, invitee.id(), settings.loginLinkTtl());
            return new Invited(invitee.email(), m.org().name(), m.org().externalId(), secret);
        });
        if (invited.secret() != null) {
            emails.invitation(invited.email(), invited.orgName(), invited.orgExternalId(), invited.secret());
        }
    }

    void revokeInvitation(User user, String externalId, UUID invitationId) {
        sql.tx(c -> {
            Membership m = require(c, user, externalId, Role.ADMIN);
            if (!InvitationStore.revoke(c, m.org().id(), invitationId)) throw UsersException.notFound();
            return null;
        });
    }

    /** Changes a member's role; the last admin cannot be demoted. */
    void setRole(User user, String externalId, UUID memberId, Role role) {
        sql.tx(c -> {
            Membership m = require(c, user, externalId, Role.ADMIN);
            int admins = OrgStore.lockAndCountAdmins(c, m.org().id());
            Role current = OrgStore.role(c, m.org().id(), memberId).orElseThrow(UsersException::notFound);
            if (current == Role.ADMIN && role != Role.ADMIN && admins <= 1) {
                throw new UsersException(409, "the last admin cannot step down: make another member admin first");
            }
            OrgStore.setRole(c, m.org().id(), memberId, role);
            return null;
        });
    }

    /** Removes a member (admins may remove anyone, anyone may remove themselves); the last admin stays. */
    void remove(User user, String externalId, UUID memberId) {
        sql.tx(c -> {
            Membership m = require(c, user, externalId, memberId.equals(user.id()) ? Role.VIEWER : Role.ADMIN);
            int admins = OrgStore.lockAndCountAdmins(c, m.org().id());
            Role current = OrgStore.role(c, m.org().id(), memberId).orElseThrow(UsersException::notFound);
            if (current == Role.ADMIN && admins <= 1) {
                throw new UsersException(409, "the last admin cannot leave: make another member admin first");
            }
            OrgStore.removeMember(c, m.org().id(), memberId);
            return null;
        });
    }

    List<ProbeToken> tokens(User user, String externalId) {
        return sql.tx(c -> ProbeTokenStore.list(c, require(c, user, externalId, Role.ADMIN).org().id()));
    }

    IssuedToken issueToken(User user, String externalId) {
        return sql.tx(c -> ProbeTokenStore.issue(c, require(c, user, externalId, Role.ADMIN).org().id(), user.id()));
    }

    /** Revokes the token and issues its replacement, in one transaction. */
    IssuedToken rotateToken(User user, String externalId, UUID tokenId) {
        return sql.tx(c -> {
            UUID org = require(c, user, externalId, Role.ADMIN).org().id();
            if (!ProbeTokenStore.revoke(c, org, tokenId)) throw UsersException.notFound();
            return ProbeTokenStore.issue(c, org, user.id());
        });
    }

    void revokeToken(User user, String externalId, UUID tokenId) {
        sql.tx(c -> {
            if (!ProbeTokenStore.revoke(c, require(c, user, externalId, Role.ADMIN).org().id(), tokenId)) {
                throw UsersException.notFound();
            }
            return null;
        });
    }

    private static Membership require(Connection c, User user, String externalId, Role needed) throws SQLException {
        Membership m = OrgStore.membership(c, user.id(), externalId).orElseThrow(UsersException::notFound);
        if (!m.role().atLeast(needed)) {
            throw UsersException.forbidden("this needs the " + needed.wireName() + " role in the organisation");
        }
        return m;
    }
}
