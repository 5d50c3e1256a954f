package dev.scope.service.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets (login links, sessions, probe tokens, CSRF) and their stored form. A secret is 256 random bits,
 * so its SHA-256 digest is enough to store it: nobody can find a secret from its digest, and looking a row up by
 * digest reveals nothing useful through timing.
 */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters, safe in URLs, headers and cookies). */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Constant-time equality of two strings (compares digests, so lengths do not leak either). */
    static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(digest(a), digest(b));
    }

    /** A presented secret worth looking up: the right shape, so junk never reaches the database. */
    static boolean plausible(String secret) {
        return secret != null && secret.length() == 43 && secret.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
