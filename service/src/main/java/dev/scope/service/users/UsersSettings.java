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
