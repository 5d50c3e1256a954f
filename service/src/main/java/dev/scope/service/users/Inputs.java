package dev.scope.service.users;

import dev.scope.service.auth.Role;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.UUID;

/** Checks on what clients send: clear 400s for bad input, and ids that are not ids are simply not found. */
final class Inputs {
    static final int MAX_NAME = 100;
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 1024;

    private Inputs() {
    }

    /** A bare address ({@code someone@example.com}), no display name, at most 254 characters. */
    static String email(String raw) {
        if (raw == null || raw.isBlank()) throw UsersException.badRequest("an e-mail address is required");
        String s = raw.strip();
        if (s.length() > 254 || s.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            throw UsersException.badRequest("not an e-mail address");
        }
        try {
            InternetAddress address = new InternetAddress(s, true);
            int at = s.lastIndexOf('@');
            if (!s.equals(address.getAddress()) || at < 1 || s.indexOf('.', at) < 0) {
                throw UsersException.badRequest("not an e-mail address");
            }
            return s;
        } catch (AddressException e) {
            throw UsersException.badRequest("not an e-mail address");
        }
    }

    /** Any printable text (stored and shown exactly as typed), 1 to 100 characters. */
    static String orgName(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) throw UsersException.badRequest("the organisation needs a name");
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            throw UsersException.badRequest("organisation names are at most " + MAX_NAME + " characters");
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            throw UsersException.badRequest("organisation names cannot contain control characters");
        }
        return s;
    }

    static String password(String raw) {
        if (raw == null || raw.length() < MIN_PASSWORD) {
            throw UsersException.badRequest("passwords need at least " + MIN_PASSWORD + " characters");
        }
        if (raw.length() > MAX_PASSWORD) throw UsersException.badRequest("password too long");
        return raw;
    }

    static Role role(String raw) {
        if (raw != null) {
            for (Role r : Role.values()) if (r.wireName().equals(raw.strip())) return r;
        }
        throw UsersException.badRequest("role must be admin, editor or viewer");
    }

    /** An id from a path; a malformed one names nothing, so it is a 404 like any unknown id. */
    static UUID id(String raw) {
        try {
            if (raw != null && raw.length() == 36) return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw UsersException.notFound();
    }
}
