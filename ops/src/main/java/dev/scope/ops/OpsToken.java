package dev.scope.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks an {@code Authorization} header (any form {@link AuthorizationHeader} reads) against a configured token:
 * the app's token, the probe's ops port. Compares SHA-256 digests with {@link MessageDigest#isEqual}, so neither the
 * token's content nor its length leaks through timing.
 */
public final class OpsToken {
    private final byte[] expected;

    public OpsToken(String token) {
        if (token == null || token.isEmpty()) throw new IllegalArgumentException("empty token");
        this.expected = sha256(token);
    }

    public boolean accepts(String authorization) {
        String presented = AuthorizationHeader.token(authorization);
        return presented != null && MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
