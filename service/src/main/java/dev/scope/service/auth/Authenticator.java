package dev.scope.service.auth;

import java.util.Optional;

/**
 * The users service's answers to the gateway's two questions. Implementations compare secrets in constant time
 * and never say why an answer is empty (unknown token, revoked token and unknown organisation look the same).
 */
public interface Authenticator {
    /** The organisation a probe token belongs to, if the token is live. */
    Optional<ProbePrincipal> probe(String token);

    /** The session's user as a member of the organisation with that external id, if both hold. */
    Optional<UserPrincipal> member(String sessionId, String orgExternalId);
}
