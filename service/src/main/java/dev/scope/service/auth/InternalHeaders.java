package dev.scope.service.auth;

import java.util.List;

/**
 * Headers the gateway sets on requests it forwards to backends, after authenticating them. Clients can never set
 * them: the gateway removes every one of them from incoming requests before adding its own, and backends trust
 * them only because they are reachable from the gateway alone.
 */
public final class InternalHeaders {
    /** The organisation's internal id (what the data plane keys everything by). */
    public static final String ORG_ID = "X-Scope-OrgID";
    /** The organisation's human-readable external id, e.g. {@code autumn-waterfall-99}. */
    public static final String ORG_EXTERNAL_ID = "X-Scope-Org-External-ID";
    /** The user's id; absent for probes. */
    public static final String USER_ID = "X-Scope-UserID";
    /** The user's role in the organisation ({@link Role#wireName()}); absent for probes. */
    public static final String ROLE = "X-Scope-Role";

    public static final List<String> ALL = List.of(ORG_ID, ORG_EXTERNAL_ID, USER_ID, ROLE);

    private InternalHeaders() {
    }
}
