package io.tasker.metrics.console.db;

import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Another process holds the database file (H2's error 90020): a second console started from the
 * same directory. Not a damaged file, and worth waiting for: the other may be stopping.
 */
final class FileInUse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FileInUse(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether {@code e} says that another process holds the file. */
    static boolean is(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
    }
}
