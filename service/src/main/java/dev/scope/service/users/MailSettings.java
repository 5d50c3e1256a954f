package dev.scope.service.users;

/**
 * The SMTP server that carries login links. {@link #toString()} leaves the password out, so settings can be logged.
 *
 * @param startTls upgrade the connection with STARTTLS (required when set)
 */
public record MailSettings(String host, int port, String from, String username, String password, boolean startTls) {

    public static MailSettings plain(String host, int port, String from) {
        return new MailSettings(host, port, from, null, null, false);
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                + ", startTls=" + startTls + "]";
    }
}
