package dev.scope.service.users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The texts of the e-mails the users component sends. Plain text: nothing in them can be rendered as markup. */
final class Emails {
    private final Mailer mailer;
    private final String publicUrl;
    private final Duration linkTtl;

    Emails(Mailer mailer, String publicUrl, Duration linkTtl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.linkTtl = linkTtl;
    }

    String loginUrl(String token) {
        return publicUrl + "/login/link?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    void loginLink(String to, String token) {
        mailer.send(to, "Your Scope login link", """
                Hello,

                Follow this link to log in to Scope:

                %s

                The link works once and expires in %s. If you did not ask for it, ignore this e-mail.
                """.formatted(loginUrl(token), hours()));
    }

    void welcomeAwaitingApproval(String to) {
        mailer.send(to, "Welcome to Scope", """
                Hello,

                Thank you for signing up to Scope. An administrator will review your account; you will get an
                e-mail with a login link as soon as it is approved.
                """);
    }

    void approved(String to, String token) {
        mailer.send(to, "Your Scope account is approved", """
                Hello,

                Your Scope account has been approved. Follow this link to log in:

                %s

                The link works once and expires in %s.
                """.formatted(loginUrl(token), hours()));
    }

    void invitation(String to, String orgName, String orgExternalId, String token) {
        mailer.send(to, "You are invited to " + oneLine(orgName) + " on Scope", """
                Hello,

                You have been invited to the organisation "%s" (%s) on Scope. Follow this link to log in and join:

                %s

                The link works once and expires in %s.
                """.formatted(oneLine(orgName), orgExternalId, loginUrl(token), hours()));
    }

    private String hours() {
        return linkTtl.toHours() + " hours";
    }

    /** Organisation names are user input: keep them on one line in subjects and bodies. */
    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }
}
