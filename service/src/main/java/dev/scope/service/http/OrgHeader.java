package dev.scope.service.http;

import dev.scope.service.auth.InternalHeaders;
import io.vertx.ext.web.RoutingContext;

/** Backends serve only requests the gateway authenticated: those carry the organisation's internal id. */
public final class OrgHeader {
    private OrgHeader() {
    }

    /** Answers 400 and returns null when the request has no organisation. */
    public static String require(RoutingContext ctx) {
        String org = ctx.request().getHeader(InternalHeaders.ORG_ID);
        if (org == null || org.isBlank()) {
            Replies.text(ctx, 400, "missing " + InternalHeaders.ORG_ID + ": this backend serves requests through the gateway only");
            return null;
        }
        return org;
    }
}
