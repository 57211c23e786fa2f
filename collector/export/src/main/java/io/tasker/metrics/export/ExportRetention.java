package io.tasker.metrics.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long export files are kept in the export directory ({@code telemetry.export_retention},
 * 7 days) and how many at most ({@code telemetry.export_max_files}): a CronJob every five
 * minutes would otherwise leave 100,000 files a year. Only the files exports name
 * ({@code tasker-metrics-<time>[-n].<ext>}) are touched, and at most {@value #BATCH} are deleted
 * a call, so that a directory left to grow for years is cleaned over a few calls, not in one
 * long one.
 *
 * <pre>{@code
 * config.export().retention().prune(config.telemetry().exportDirectory(), clock.instant());
 * }</pre>
 *
 * @param maxAge files older than this (by modification time) are deleted
 * @param maxFiles beyond this many, the oldest are deleted
 */
public record ExportRetention(Duration maxAge, int maxFiles) {
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ExportRetention.class);

    /**
     * Checks the limits.
     *
     * @param maxAge files older than this are deleted; positive
     * @param maxFiles beyond this many, the oldest are deleted; at least 1
     * @throws IllegalArgumentException for a limit out of range
     */
    public ExportRetention {
        if (maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("must be longer than zero, got " + maxAge);
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("must keep at least one file, got " + maxFiles);
        }
    }

    /**
     * What the directory holds now, for status output.
     *
     * @param files export files in the directory
     * @param oldest the oldest one's time, or null
     */
    public record Survey(int files, Instant oldest) {}

    /**
     * What a prune did: files deleted, and what is left.
     *
     * @param deleted export files deleted
     * @param left what the directory holds afterwards
     */
    public record Pruned(int deleted, Survey left) {}

    /**
     * Counts the export files; a directory that does not exist holds none.
     *
     * @param directory the export directory
     * @return how many export files it holds, and the oldest one's time
     */
    public Survey survey(Path directory) {
        List<Found> files = list(directory);
        return new Survey(files.size(), files.isEmpty() ? null : files.get(0).modified());
    }

    /**
     * Deletes files older than {@link #maxAge}, then the oldest beyond {@link #maxFiles}, at most {@value #BATCH}.
     *
     * @param directory the export directory
     * @param now the current time, against which ages are measured
     * @return what was deleted and what is left
     */
    public Pruned prune(Path directory, Instant now) {
        List<Found> files = list(directory);
        Instant cutoff = now.minus(maxAge);
        int deleted = 0;
        int index = 0;
        while (index < files.size()
                && deleted < BATCH
                && (files.get(index).modified().isBefore(cutoff) || files.size() - index > maxFiles)) {
            if (delete(files.get(index).path())) {
                deleted++;
            }
            index++;
        }
        List<Found> left = files.subList(index, files.size());
        if (deleted > 0) {
            LOG.info("Export retention: deleted {} export files from {} ({} left)", deleted, directory, left.size());
        }
        return new Pruned(
                deleted,
                new Survey(left.size(), left.isEmpty() ? null : left.get(0).modified()));
    }

    private record Found(Path path, Instant modified) {}

    /** The export files, oldest first; unreadable entries are skipped, never fatal. */
    private static List<Found> list(Path directory) {
        List<Found> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "tasker-metrics-*.{json,csv,prom}")) {
            for (Path p : entries) {
                try {
                    if (Files.isRegularFile(p)) {
                        files.add(new Found(p, Files.getLastModifiedTime(p).toInstant()));
                    }
                } catch (IOException gone) {
                    // Deleted meanwhile by another exporter's retention: nothing to do.
                }
            }
        } catch (IOException e) {
            LOG.warn("Export retention cannot list {}: {}", directory, e.getMessage());
        }
        files.sort(Comparator.comparing(Found::modified)
                .thenComparing(f -> f.path().getFileName().toString()));
        return files;
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Export retention cannot delete {}: {}", file, e.getMessage());
            return false;
        }
    }
}
