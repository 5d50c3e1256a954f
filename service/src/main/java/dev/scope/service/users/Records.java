package dev.scope.service.users;

import dev.scope.service.auth.Role;

import java.time.Instant;
import java.util.UUID;

/** The users component's data, as read from the database. */
final class Records {
    private Records() {
    }

    record User(UUID id, String email, boolean siteAdmin, boolean approved, boolean disabled, boolean hasPassword,
                Instant createdAt, Instant lastLoginAt) {
        boolean mayLogIn() {
            return approved && !disabled;
        }
    }

    record Org(UUID id, String externalId, String name, Instant createdAt) {
    }

    /** The organisation as one user sees it: with their role there. */
    record Membership(Org org, Role role) {
    }

    record Member(UUID userId, String email, Role role) {
    }

    record Invitation(UUID id, String email, Role role, Instant createdAt) {
    }

    /** A probe token as listed: never the secret itself, only its last characters. */
    record ProbeToken(UUID id, String hint, Instant createdAt, Instant revokedAt) {
        boolean live() {
            return revokedAt == null;
        }
    }

    /** A freshly made token: the only moment its secret exists outside the probe that will use it. */
    record IssuedToken(ProbeToken token, String secret) {
        @Override
        public String toString() {
            return "IssuedToken[" + token + "]";
        }
    }
}
