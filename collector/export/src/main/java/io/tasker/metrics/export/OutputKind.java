package io.tasker.metrics.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * How an export is written to a file the caller named, by what that path is now.
 *
 * <p>Only a regular file, or nothing, may be replaced by a rename: a rename over a device node,
 * a FIFO or a symbolic link puts a regular file where it was ({@code export-now --output
 * /dev/null} run as root once turned {@code /dev/null} into a file, and every process that wrote
 * to it afterwards failed). Those are written in place, as a shell's {@code >} would.
 */
enum OutputKind {
    /** Absent, or a regular file: written beside it and renamed over it, so it appears whole or not at all. */
    REPLACE,
    /** A device, a FIFO, a socket or a symbolic link to one of those or to a file: opened and written as it is. */
    IN_PLACE;

    /** The kind of {@code path}; a directory, or a link to one or to nothing, is refused. */
    static OutputKind of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory; an export's output must name a file");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return REPLACE;
        }
        if (!Files.exists(path)) {
            // Writing through it would create a file wherever the link points; renaming over it would drop the link.
            throw new IOException(path + " is a symbolic link to nothing; an export's output must name a file");
        }
        return IN_PLACE;
    }
}
