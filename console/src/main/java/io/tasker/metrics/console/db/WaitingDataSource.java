package io.tasker.metrics.console.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database as a {@link DataSource} for code wired before it is open (the history of values):
 * each connection is asked of the database when needed, so that it fails with the reason while
 * the console waits for the file and works once the console has taken it over.
 */
final class WaitingDataSource implements DataSource {
    /** Where connections come from. */
    @FunctionalInterface
    interface Connections {
        Connection get() throws SQLException;
    }

    private final Connections connections;

    WaitingDataSource(Connections connections) {
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connections.get();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The console database's login is set at start");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through SLF4J.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The pool's own timeout applies.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("SLF4J, not java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
