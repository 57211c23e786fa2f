package io.tasker.metrics.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files an export is written into before it takes its name
 * ({@code .export-<random>.tmp} beside the target).
 *
 * <p>Made with the process's umask, as any file the operator's tools make: {@code
 * Files.createTempFile} would make every export mode 0600 whatever the umask says. And removed
 * when an export killed mid-way left one behind, once it is older than any export runs.
 */
final class TempFiles {
    /** Far longer than an export takes (job_timeout is minutes): a file this old belongs to no live export. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private static final String PREFIX = ".export-";
    private static final String SUFFIX = ".tmp";
    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {}

    static Path create(Path directory) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = directory.resolve(PREFIX + UUID.randomUUID() + SUFFIX);
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Deletes temporary files older than {@link #STALE_AFTER}; a file that cannot be deleted is logged and left. */
    static void removeStale(Path directory, Instant now) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(now.minus(STALE_AFTER))) {
                    Files.deleteIfExists(temp);
                    LOG.info("Removed {}, left behind by an export that did not finish", temp);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean temporary export files in {}: {}", directory, e.getMessage());
        }
    }
}
