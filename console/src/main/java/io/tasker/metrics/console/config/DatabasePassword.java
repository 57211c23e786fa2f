package io.tasker.metrics.console.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database password, given itself ({@code console.database_password}) or as a file that
 * holds it ({@code console.database_password_file}: a mounted Kubernetes Secret, say, which keeps
 * it out of the environment). A file's trailing line break is not part of the password.
 */
final class DatabasePassword {
    private DatabasePassword() {}

    /**
     * @param password the password, or null
     * @param file the file holding it, or null
     * @return the password, or null when neither is set
     * @throws IllegalArgumentException when both are set, or the file cannot be read (naming the file, never the password)
     */
    static String of(String password, String file) {
        if (file == null) {
            return password;
        }
        if (password != null) {
            throw new IllegalArgumentException("console.database_password and console.database_password_file are both "
                    + "set; set one (TASKER_CONSOLE_DATABASE_PASSWORD or TASKER_CONSOLE_DATABASE_PASSWORD_FILE)");
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "console.database_password_file (TASKER_CONSOLE_DATABASE_PASSWORD_FILE) names " + file
                            + ", which cannot be read: " + e.getClass().getSimpleName(),
                    e);
        }
    }
}
