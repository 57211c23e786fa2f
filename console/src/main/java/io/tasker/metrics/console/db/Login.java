package io.tasker.metrics.console.db;

/**
 * Who the console is to a database server ({@code console.database_user} and its password).
 * H2's embedded files need none; PostgreSQL does. The password never shows in a log or a
 * message: {@link #toString()} masks it.
 *
 * @param user the database user, or null for the driver's default
 * @param password the password, or null
 */
public record Login(String user, String password) {
    /** H2's embedded files: the default user, no password. */
    public static final Login NONE = new Login(null, null);

    @Override
    public String toString() {
        return "Login[user=" + user + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
