package dev.scope.service.users;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The users component's settings.
 *
 * @param publicUrl         where browsers and probes reach the service (the gateway), e.g.
 *                          {@code https://scope.example.com}; used in e-mailed links and probe commands, and a
 *                          {@code https} URL makes cookies Secure
 * @param requireApproval   new accounts wait for a site admin's approval before they can log in
 * @param siteAdminEmails   addresses that are site admins as soon as they sign up (bootstraps the first admin)
 * @param trustForwardedFor take the client IP for rate limits from the last {@code X-Forwarded-For} entry (set
 *                          when only the gateway, which overwrites that header, can reach this component)
 * @param probeImage        the container image named in the Docker and Kubernetes instructions
 */
public record UsersSettings(String host, int port, String publicUrl, MailSettings mail, boolean requireApproval,
                            Set<String> siteAdminEmails, Duration loginLinkTtl, Duration sessionTtl,
                            RateLimit signUpLimit, RateLimit loginLimit, boolean trustForwardedFor,
                            String probeImage) {

    public UsersSettings {
        URI uri = URI.create(publicUrl);
        if (uri.getHost() == null || !(publicUrl.startsWith("http://") || publicUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("public URL must be http(s)://host[:port]: " + publicUrl);
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        siteAdminEmails = siteAdminEmails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 72 h login links, 14 day sessions, 5 sign-ups/h per address and 30 per IP, 10 logins/15 min and 50 per IP. */
    public static UsersSettings defaults(String host, int port, String publicUrl, MailSettings mail) {
        return new UsersSettings(host, port, publicUrl, mail, false, Set.of(), Duration.ofHours(72),
                Duration.ofDays(14), new RateLimit(5, 30, Duration.ofHours(1)),
                new RateLimit(10, 50, Duration.ofMinutes(15)), false, "scope/scope:latest");
    }

    /**
     * From the environment: {@code SCOPE_USERS_HOST} (default 127.0.0.1), {@code SCOPE_USERS_PORT} (4041),
     * {@code SCOPE_PUBLIC_URL} (required), {@code SCOPE_SMTP_HOST}, {@code SCOPE_SMTP_PORT} (25),
     * {@code SCOPE_SMTP_FROM}, {@code SCOPE_SMTP_USER}, {@code SCOPE_SMTP_PASSWORD}, {@code SCOPE_SMTP_STARTTLS},
     * {@code SCOPE_REQUIRE_APPROVAL}, {@code SCOPE_ADMIN_EMAILS} (comma-separated),
     * {@code SCOPE_USERS_TRUST_FORWARDED_FOR}, {@code SCOPE_PROBE_IMAGE}.
     */
    public static UsersSettings fromEnvironment() {
        java.util.Map<String, String> env = System.getenv();
        String publicUrl = env.get("SCOPE_PUBLIC_URL");
        if (publicUrl == null || publicUrl.isBlank()) {
            throw new IllegalStateException("SCOPE_PUBLIC_URL is not set: login links and probe commands need the "
                    + "address users reach the service at (e.g. https://scope.example.com)");
        }
        String smtpHost = env.get("SCOPE_SMTP_HOST");
        if (smtpHost == null || smtpHost.isBlank()) {
            throw new IllegalStateException("SCOPE_SMTP_HOST is not set: sign-up sends login links by e-mail");
        }
        MailSettings mail = new MailSettings(smtpHost, Integer.parseInt(env.getOrDefault("SCOPE_SMTP_PORT", "25")),
                env.getOrDefault("SCOPE_SMTP_FROM", "scope@" + URI.create(publicUrl).getHost()),
                env.get("SCOPE_SMTP_USER"), env.get("SCOPE_SMTP_PASSWORD"),
                Boolean.parseBoolean(env.getOrDefault("SCOPE_SMTP_STARTTLS", "false")));
        UsersSettings d = defaults(env.getOrDefault("SCOPE_USERS_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("SCOPE_USERS_PORT", "4041")), publicUrl, mail);
        String admins = env.getOrDefault("SCOPE_ADMIN_EMAILS", "");
        return new UsersSettings(d.host(), d.port(), d.publicUrl(), mail,
                Boolean.parseBoolean(env.getOrDefault("SCOPE_REQUIRE_APPROVAL", "false")),
                java.util.Arrays.stream(admins.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                        .collect(Collectors.toSet()),
                d.loginLinkTtl(), d.sessionTtl(), d.signUpLimit(), d.loginLimit(),
                Boolean.parseBoolean(env.getOrDefault("SCOPE_USERS_TRUST_FORWARDED_FOR", "false")),
                env.getOrDefault("SCOPE_PROBE_IMAGE", d.probeImage()));
    }

    public boolean secureCookies() {
        return publicUrl.startsWith("https://");
    }

    public UsersSettings withRequireApproval(boolean value) {
        return new UsersSettings(host, port, publicUrl, mail, value, siteAdminEmails, loginLinkTtl, sessionTtl,
                signUpLimit, loginLimit, trustForwardedFor, probeImage);
    }

    public UsersSettings withSiteAdmins(List<String> emails) {
        return new UsersSettings(host, port, publicUrl, mail, requireApproval, Set.copyOf(emails), loginLinkTtl,
                sessionTtl, signUpLimit, loginLimit, trustForwardedFor, probeImage);
    }

    public UsersSettings withLoginLinkTtl(Duration ttl) {
        return new UsersSettings(host, port, publicUrl, mail, requireApproval, siteAdminEmails, ttl, sessionTtl,
                signUpLimit, loginLimit, trustForwardedFor, probeImage);
    }

    public UsersSettings withRateLimits(RateLimit signUp, RateLimit login) {
        return new UsersSettings(host, port, publicUrl, mail, requireApproval, siteAdminEmails, loginLinkTtl,
                sessionTtl, signUp, login, trustForwardedFor, probeImage);
    }

    public UsersSettings withTrustForwardedFor(boolean value) {
        return new UsersSettings(host, port, publicUrl, mail, requireApproval, siteAdminEmails, loginLinkTtl,
                sessionTtl, signUpLimit, loginLimit, value, probeImage);
    }
}
