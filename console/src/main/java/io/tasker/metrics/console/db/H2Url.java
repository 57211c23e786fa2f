package io.tasker.metrics.console.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one reading of an H2 JDBC URL that the console needs: which file it names, if any. H2
 * takes a file database as {@code jdbc:h2:file:<path>} and as {@code jdbc:h2:<path>} where the
 * path starts with {@code ./}, {@code ../}, {@code /}, {@code ~} or a drive letter; settings
 * follow a {@code ;}. Memory, server ({@code tcp:}, {@code ssl:}) and other URLs name no file here.
 *
 * @param url the URL as configured
 * @param path the database's path without H2's {@code .mv.db}, or null when the URL names no file
 */
record H2Url(String url, Path path) {
    private static final String H2 = "jdbc:h2:";
    private static final String FILE = "file:";

    /** Reads {@code url}; never fails (a URL it does not know names no file). */
    static H2Url parse(String url) {
        if (!url.regionMatches(true, 0, H2, 0, H2.length())) {
            return new H2Url(url, null);
        }
        String rest = url.substring(H2.length()).split(";", 2)[0];
        if (rest.regionMatches(true, 0, FILE, 0, FILE.length())) {
            rest = rest.substring(FILE.length());
        } else if (!rest.matches("(\\.{1,2}[/\\\\]|/|~|[A-Za-z]:[/\\\\]).*")) {
            return new H2Url(url, null);
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return new H2Url(url, Path.of(rest));
    }

    /** The {@code .mv.db} file the URL names, or nothing for a memory or server database. */
    Optional<Path> file() {
        return path == null
                ? Optional.empty()
                : Optional.of(Path.of(path + ".mv.db").toAbsolutePath().normalize());
    }

    /** Whether the URL asks H2 to serve the file to other processes ({@code AUTO_SERVER=TRUE}). */
    boolean autoServer() {
        return url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";AUTO_SERVER=TRUE");
    }
}
