package dev.scope.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks an {@code Authorization} header against the configured token. Accepted forms:
 * {@code Scope-Probe token=<t>} (what Weave Scope probes send), {@code Bearer <t>} and
 * {@code Basic base64(user:<t>)} (what a browser prompts for; the user name is ignored).
 * Comparison is on SHA-256 digests with {@link MessageDigest#isEqual}, so neither the content
 * nor the length of the token leaks through timing.
 */
final class TokenCheck {
    private final byte[] expectedDigest;

    TokenCheck(String token) {
        this.expectedDigest = sha256(token);
    }

    boolean accepts(String authorization) {
        String presented = presentedToken(authorization);
        return presented != null && MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    /** The token inside a header, or null when the header has no recognisable form. */
    static String presentedToken(String authorization) {
        if (authorization == null) return null;
        String h = authorization.strip();
        int space = h.indexOf(' ');
        if (space < 0) return null;
        String scheme = h.substring(0, space);
        String rest = h.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Scope-Probe")) {
            return rest.regionMatches(true, 0, "token=", 0, 6) ? rest.substring(6) : null;
        }
        if (scheme.equalsIgnoreCase("Bearer")) return rest;
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) return decoded;
            String password = decoded.substring(colon + 1);
            return password.isEmpty() ? decoded.substring(0, colon) : password;
        }
        return null;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
