package dev.scope.ops;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The token inside an {@code Authorization} header, in the forms every Scope process accepts:
 * {@code Scope-Probe token=<t>} (what Weave Scope probes send), {@code Bearer <t>}, and {@code Basic} with the token
 * as password, or as user name when the password is empty (what a browser prompt gives). One parser, so the app,
 * the probe's ops port and the service's gateway cannot drift apart.
 */
public final class AuthorizationHeader {
    private AuthorizationHeader() {
    }

    /** The presented token, or null when the header is absent, blank or in none of the forms above. */
    public static String token(String authorization) {
        if (authorization == null) return null;
        String h = authorization.strip();
        int space = h.indexOf(' ');
        if (space < 0) return null;
        String scheme = h.substring(0, space);
        String rest = h.substring(space + 1).strip();
        String token;
        if (scheme.equalsIgnoreCase("Scope-Probe")) {
            token = rest.regionMatches(true, 0, "token=", 0, 6) ? rest.substring(6) : null;
        } else if (scheme.equalsIgnoreCase("Bearer")) {
            token = rest;
        } else if (scheme.equalsIgnoreCase("Basic")) {
            token = fromBasic(rest);
        } else {
            token = null;
        }
        return token == null || token.isBlank() ? null : token;
    }

    private static String fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) return decoded;
        String password = decoded.substring(colon + 1);
        return password.isEmpty() ? decoded.substring(0, colon) : password;
    }
}
