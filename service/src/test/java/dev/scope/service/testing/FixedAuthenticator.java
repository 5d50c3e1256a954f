package dev.scope.service.testing;

import dev.scope.service.auth.Authenticator;
import dev.scope.service.auth.ProbePrincipal;
import dev.scope.service.auth.Role;
import dev.scope.service.auth.UserPrincipal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link Authenticator} for gateway tests: fixed tokens and sessions. */
public final class FixedAuthenticator implements Authenticator {
    private final Map<String, ProbePrincipal> tokens = new ConcurrentHashMap<>();
    private final Map<String, UserPrincipal> members = new ConcurrentHashMap<>();

    public FixedAuthenticator token(String token, String orgId, String orgExternalId) {
        tokens.put(token, new ProbePrincipal(orgId, orgExternalId, "token-" + orgId));
        return this;
    }

    public FixedAuthenticator member(String session, String userId, String orgId, String orgExternalId, Role role) {
        members.put(session + "\n" + orgExternalId, new UserPrincipal(userId, userId + "@example.com", orgId, orgExternalId, role));
        return this;
    }

    @Override
    public Optional<ProbePrincipal> probe(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public Optional<UserPrincipal> member(String sessionId, String orgExternalId) {
        return Optional.ofNullable(members.get(sessionId + "\n" + orgExternalId));
    }
}
