package dev.scope.service.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.scope.service.users.Records.User;
import io.micrometer.core.instrument.MeterRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Sign-up, login links, password login and sessions. Answers never tell whether an address has an account:
 * sign-up and "e-mail me a link" are the same request, and a wrong password reads like an unknown address.
 */
final class Logins {
    /** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane, 32-byte hash. */
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);
    /** Checked when the address has no password, so a miss costs as long as a hit. */
    private static final String DUMMY_HASH = Password.hash("not a password of anyone").addRandomSalt(16).with(ARGON2).getResult();

    record LoggedIn(User user, String sessionSecret) {
        @Override
        public String toString() {
            return "LoggedIn[" + user.email() + "]";
        }
    }

    private record LinkRequest(User user, boolean created, String secret) {
    }

    private final Sql sql;
    private final Emails emails;
    private final UsersSettings settings;
    private final MeterRegistry registry;

    Logins(Sql sql, Emails emails, UsersSettings settings, MeterRegistry registry) {
        this.sql = sql;
        this.emails = emails;
        this.settings = settings;
        this.registry = registry;
    }

    /**
     * Sign-up, or a new login link for an existing account: creates the account if needed and e-mails a link
     * (or, when accounts wait for approval, a welcome). Disabled and unapproved accounts get no link.
     */
    void requestLink(String rawEmail, String ip) {
        String email = Inputs.email(rawEmail);
        limit("signup", email, ip, settings.signUpLimit());
        LinkRequest request = sql.tx(c -> {
            Optional<User> existing = UserStore.byEmail(c, email);
            boolean configuredAdmin = settings.siteAdminEmails().contains(UserStore.key(email));
            User user = existing.isPresent() ? existing.get() : UserStore.findOrCreate(c, email,
                    !settings.requireApproval(), configuredAdmin);
            if (configuredAdmin && (!user.siteAdmin() || !user.approved())) {
                // An address named in the settings later than it signed up becomes site admin now.
                UserStore.setFlag(c, user.id(), "site_admin", true);
                UserStore.setFlag(c, user.id(), "approved", true);
                user = UserStore.byId(c, user.id()).orElseThrow();
            }
            String secret = user.mayLogIn() ? LoginLinkStore.issue(c, user.id(), settings.loginLinkTtl()) : null;
            return new LinkRequest(user, existing.isEmpty(), secret);
        });
        if (request.created()) registry.counter("scope_users_signups_total").increment();
        if (request.secret() != null) {
            emails.loginLink(request.user().email(), request.secret());
        } else if (request.created()) {
            emails.welcomeAwaitingApproval(request.user().email());
        }
    }

    /** Uses a login link: one session for its user, if the link is live and the user may log in. */
    Optional<LoggedIn> useLink(String secret) {
        Optional<LoggedIn> result = sql.tx(c -> {
            Optional<User> user = LoginLinkStore.consume(c, secret).flatMap(id -> byId(c, id)).filter(User::mayLogIn);
            return user.isEmpty() ? Optional.<LoggedIn>empty() : Optional.of(startSession(c, user.get()));
        });
        registry.counter("scope_users_logins_total", "method", "link", "outcome", result.isPresent() ? "ok" : "refused")
                .increment();
        return result;
    }

    /** Password login; 401 with the same words for an unknown address, no password, a wrong one or a disabled user. */
    LoggedIn passwordLogin(String rawEmail, String password, String ip) {
        String email = Inputs.email(rawEmail);
        limit("login", email, ip, settings.loginLimit());
        Optional<User> user = sql.tx(c -> UserStore.byEmail(c, email));
        Optional<String> hash = user.isEmpty() ? Optional.empty() : sql.tx(c -> UserStore.passwordHash(c, user.get().id()));
        boolean matches = Password.check(password == null ? "" : password, hash.orElse(DUMMY_HASH)).with(ARGON2)
                && hash.isPresent();
        if (!matches || !user.get().mayLogIn()) {
            registry.counter("scope_users_logins_total", "method", "password", "outcome", "refused").increment();
            throw new UsersException(401, "wrong e-mail address or password");
        }
        registry.counter("scope_users_logins_total", "method", "password", "outcome", "ok").increment();
        return sql.tx(c -> startSession(c, user.get()));
    }

    /** Sets or changes the password; changing needs the current one (a stolen session alone cannot lock the owner out). */
    void setPassword(User user, String current, String password) {
        if (user.hasPassword()) {
            String stored = sql.tx(c -> UserStore.passwordHash(c, user.id())).orElse(DUMMY_HASH);
            if (!Password.check(current == null ? "" : current, stored).with(ARGON2)) {
                throw UsersException.forbidden("the current password is wrong");
            }
        }
        String hash = Password.hash(Inputs.password(password)).addRandomSalt(16).with(ARGON2).getResult();
        sql.tx(c -> {
            UserStore.setPasswordHash(c, user.id(), hash);
            return null;
        });
    }

    Optional<User> sessionUser(String secret) {
        return sql.tx(c -> SessionStore.user(c, secret));
    }

    void logout(String secret) {
        sql.tx(c -> {
            SessionStore.delete(c, secret);
            return null;
        });
    }

    /** Deletes expired sessions, old links and old rate-limit windows. */
    void purge() {
        sql.tx(c -> SessionStore.purge(c) + LoginLinkStore.purge(c) + RateLimiter.purge(c));
    }

    private LoggedIn startSession(Connection c, User user) throws SQLException {
        InvitationStore.accept(c, user.id(), user.email());
        UserStore.touchLogin(c, user.id());
        return new LoggedIn(user, SessionStore.create(c, user.id(), settings.sessionTtl()));
    }

    private static Optional<User> byId(Connection c, java.util.UUID id) {
        try {
            return UserStore.byId(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** Counts the attempt against the address and the IP (in its own transaction, so refusals count too). */
    private void limit(String action, String email, String ip, RateLimit limit) {
        boolean allowed = sql.tx(c -> RateLimiter.allow(c, action + ":addr:" + UserStore.key(email), limit.perAddress(), limit.window())
                & RateLimiter.allow(c, action + ":ip:" + ip, limit.perIp(), limit.window()));
        if (!allowed) {
            registry.counter("scope_users_rate_limited_total", "action", action).increment();
            throw new UsersException(429, "too many attempts; try again later");
        }
    }
}
