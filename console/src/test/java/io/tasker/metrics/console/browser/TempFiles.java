package io.tasker.metrics.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary directories the fixtures make (browser profiles, export directories). */
final class TempFiles {
    private TempFiles() {
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            // Children before their parents.
            files.sorted(Comparator.reverseOrder()).forEach(TempFiles::deleteOne);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up " + dir, e);
        }
    }

    private static void deleteOne(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Chromium may still be writing into its profile as it exits; a leftover temp file is harmless.
        }
    }
}
