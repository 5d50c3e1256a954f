package dev.scope.service.db;

/**
 * Where the database is. {@link #toString()} leaves the password out, so settings can be logged.
 *
 * @param jdbcUrl  e.g. {@code jdbc:postgresql://db:5432/scope}
 * @param poolName names the pool in metrics and thread names (the component's name)
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize, String poolName) {

    /** From {@code SCOPE_DB_URL}, {@code SCOPE_DB_USER}, {@code SCOPE_DB_PASSWORD} and {@code SCOPE_DB_POOL_SIZE}. */
    public static DatabaseSettings fromEnvironment(String poolName) {
        String url = System.getenv("SCOPE_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("SCOPE_DB_URL is not set: the service needs a PostgreSQL database "
                    + "(e.g. jdbc:postgresql://localhost:5432/scope)");
        }
        String size = System.getenv("SCOPE_DB_POOL_SIZE");
        return new DatabaseSettings(url, System.getenv("SCOPE_DB_USER"), System.getenv("SCOPE_DB_PASSWORD"),
                size == null ? 10 : Integer.parseInt(size), poolName);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize
                + ", poolName=" + poolName + "]";
    }
}
