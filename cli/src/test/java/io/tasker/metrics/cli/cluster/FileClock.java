package io.tasker.metrics.cli.cluster;

import io.tasker.metrics.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake clock that several processes share: the system's time plus an offset in milliseconds
 * read from a file at every call, so that a test moves every worker past the instance timeout at
 * once by writing the file, instead of waiting minutes.
 */
final class FileClock implements Clock {
    private final Path file;

    FileClock(Path file) {
        this.file = file;
    }

    /** A clock on a new file holding offset 0. */
    static FileClock create(Path file) {
        FileClock clock = new FileClock(file);
        clock.write(0);
        return clock;
    }

    /** Moves every process's clock forward. */
    void advance(java.time.Duration by) {
        write(offset() + by.toMillis());
    }

    Path file() {
        return file;
    }

    @Override
    public long wallTimeMillis() {
        return System.currentTimeMillis() + offset();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime() + offset() * 1_000_000L;
    }

    private long offset() {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(long offset) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(offset), StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
