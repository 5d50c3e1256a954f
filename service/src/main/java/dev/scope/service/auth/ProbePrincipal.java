package dev.scope.service.auth;

/** Who a probe is, once its token checked out: the organisation it reports for and the token it used. */
public record ProbePrincipal(String orgId, String orgExternalId, String tokenId) {
}
