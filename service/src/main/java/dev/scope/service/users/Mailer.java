package dev.scope.service.users;

/** Sends one plain-text e-mail; blocking. Throws {@link MailException} when the server refuses or is unreachable. */
@FunctionalInterface
public interface Mailer {
    void send(String to, String subject, String body);

    final class MailException extends RuntimeException {
        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
