package dev.scope.service.auth;

/** A signed-in user acting in one organisation, with their role there. */
public record UserPrincipal(String userId, String email, String orgId, String orgExternalId, Role role) {
}
