package io.tasker.metrics.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an export into a file: by default a timestamped file in the export directory
 * ({@code tasker-metrics-20260101T120000Z.json}), or a file named by the caller. The file
 * appears whole or not at all: the writer streams into a temporary file in the same directory,
 * which then becomes the target. A named file is replaced; a timestamped one never is: a second
 * export within the same second gets {@code -2}, {@code -3}... before the extension. A named
 * device node, FIFO or symbolic link is written in place rather than replaced, and a named
 * directory is refused.
 *
 * <pre>{@code
 * new FileDestination(ExpositionFormats.byName("json"), Path.of("exports"), null, Clock.SYSTEM).deliver(snapshot);
 * }</pre>
 */
public final class FileDestination implements ExportDestination {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ExpositionFormatWriter writer;
    private final ExportFormat format;
    private final Path directory;
    private final Path file;
    private final Clock clock;

    /**
     * A destination that writes each export in {@code writer}'s format.
     *
     * @param writer the format to write
     * @param directory the export directory, for timestamped files
     * @param file the file to write, or null for a timestamped file in {@code directory}
     * @param clock the time source for the timestamps
     */
    public FileDestination(ExpositionFormatWriter writer, Path directory, Path file, Clock clock) {
        this.writer = writer;
        this.format = ExportFormat.of(writer.format());
        this.directory = directory;
        this.file = file;
        this.clock = clock;
    }

    /**
     * The file name an export of this format gets at that moment.
     *
     * @param format the format name; {@code json} and {@code csv} keep theirs as extension, any
     *     other gets {@code .prom}
     * @param at the export's time
     * @return {@code tasker-metrics-<UTC time>.<ext>}
     */
    public static String fileName(String format, Instant at) {
        String extension = switch (format) {
            case "json" -> "json";
            case "csv" -> "csv";
            default -> "prom";
        };
        return "tasker-metrics-" + STAMP.format(at) + "." + extension;
    }

    @Override
    public String describe() {
        return file != null ? file.toString() : directory.toString();
    }

    @Override
    public ExportFormat format() {
        return format;
    }

    @Override
    public Delivery deliver(MetricsSnapshot snapshot) throws IOException {
        if (file != null && OutputKind.of(file) == OutputKind.IN_PLACE) {
            return writeInPlace(snapshot);
        }
        Path target = file != null ? file : directory.resolve(fileName(writer.format(), clock.instant()));
        Path parent = target.toAbsolutePath().getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new IOException(
                    parent + " is a file, not a directory; exports go into a directory: move the file away "
                            + "or point telemetry.export_directory (TASKER_EXPORT_DIR) elsewhere");
        }
        Files.createDirectories(parent);
        TempFiles.removeStale(parent, clock.instant());
        Path temp = TempFiles.create(parent);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out, snapshot);
            }
            long bytes = Files.size(temp);
            if (file != null) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                target = publishNew(temp, target);
            }
            return new Delivery(snapshot.seriesCount(), bytes, 1, null, target.toString());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes into a device, FIFO or link as it stands; truncating is a no-op for the first two. */
    private Delivery writeInPlace(MetricsSnapshot snapshot) throws IOException {
        CountingOutputStream out = new CountingOutputStream(
                Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), true);
        try (out) {
            writer.write(out, snapshot);
        }
        return new Delivery(snapshot.seriesCount(), out.count(), 1, null, file.toString());
    }

    /**
     * Gives the finished temporary file the first free name of {@code target}, {@code -2}, {@code -3}...
     * A hard link fails if the name exists, atomically, where a rename would silently replace
     * an export that another exporter finished in the same second.
     */
    private static Path publishNew(Path temp, Path target) throws IOException {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (int n = 1; ; n++) {
            Path candidate =
                    n == 1 ? target : target.resolveSibling(name.substring(0, dot) + "-" + n + name.substring(dot));
            try {
                Files.createLink(candidate, temp);
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                // Another export of the same second: try the next suffix.
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                // Some mounts (SMB, FUSE) refuse hard links with EPERM or ENOTSUP rather than the
                // provider saying so up front: check and rename there, which only a second exporter
                // finishing in the same instant can defeat, rather than fail every export.
                if (!Files.exists(candidate)) {
                    Files.move(temp, candidate, StandardCopyOption.ATOMIC_MOVE);
                    return candidate;
                }
            }
        }
    }
}
