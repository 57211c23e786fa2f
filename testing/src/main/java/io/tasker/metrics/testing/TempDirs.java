package io.tasker.metrics.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the temporary directories tests and benchmarks make (server work directories, export
 * directories, browser profiles). Quietly: a leftover file in the temp directory is harmless,
 * failing a test for it is not, and a server or browser may still be writing as it exits.
 *
 * <p>{@code TempDirs.delete(Files.createTempDirectory("tasker-exports-"));}
 */
public final class TempDirs {
    private TempDirs() {}

    /**
     * Deletes the directory and everything in it, children before parents; null or absent is fine.
     *
     * @param dir the directory, or null
     */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TempDirs::deleteQuietly);
        } catch (IOException e) {
            // See the class comment.
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // See the class comment.
        }
    }
}
