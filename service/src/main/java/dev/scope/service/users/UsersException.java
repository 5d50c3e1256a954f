package dev.scope.service.users;

/** A request the users component refuses, with the HTTP status and a message safe to show the client. */
public final class UsersException extends RuntimeException {
    private final int status;

    public UsersException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static UsersException notFound() {
        return new UsersException(404, "not found");
    }

    static UsersException forbidden(String why) {
        return new UsersException(403, why);
    }

    static UsersException badRequest(String why) {
        return new UsersException(400, why);
    }
}
