package dev.scope.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The token check of the ops server, accepting the forms the app accepts ({@code Scope-Probe token=},
 * {@code Bearer}, {@code Basic}) and comparing SHA-256 digests in constant time, so neither the token's content
 * nor its length leaks through timing.
 */
public final class OpsToken {
    private final byte[] expected;

    public OpsToken(String token) {
        if (token == null || token.isEmpty()) throw new IllegalArgumentException("empty token");
        this.expected = sha256(token);
    }

    public boolean accepts(String authorization) {
        String presented = presented(authorization);
        return presented != null && MessageDigest.isEqual(expected, sha256(presented));
    }

    static String presented(String authorization) {
        if (authorization == null) return null;
        String h = authorization.strip();
        int space = h.indexOf(' ');
        if (space < 0) return null;
        String scheme = h.substring(0, space), rest = h.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Scope-Probe")) {
            return rest.regionMatches(true, 0, "token=", 0, 6) ? rest.substring(6) : null;
        }
        if (scheme.equalsIgnoreCase("Bearer")) return rest;
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
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
