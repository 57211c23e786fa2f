package io.tasker.metrics.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an export into a file: by default a timestamped file in the export directory
 * ({@code tasker-metrics-20260101T120000Z.json}), or a file named by the caller. The file
 * appears whole or not at all: the writer streams into a temporary file in the same directory,
 * which is then renamed over the target.
 *
 * <pre>{@code
 * new FileDestination(ExpositionFormats.byName("json"), Path.of("exports"), null, Clock.SYSTEM).deliver(snapshot);
 * }</pre>
 */
public final class FileDestination implements ExportDestination {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ExpositionFormatWriter writer;
    private final Path directory;
    private final Path file;
    private final Clock clock;

    /** @param file the file to write, or null for a timestamped file in {@code directory} */
    public FileDestination(ExpositionFormatWriter writer, Path directory, Path file, Clock clock) {
        this.writer = writer;
        this.directory = directory;
        this.file = file;
        this.clock = clock;
    }

    /** The file name an export of this format gets at that moment. */
    public static String fileName(String format, java.time.Instant at) {
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
    public String format() {
        return writer.format();
    }

    @Override
    public Delivery deliver(MetricsSnapshot snapshot) throws IOException {
        Path target = file != null ? file : directory.resolve(fileName(writer.format(), clock.instant()));
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out, snapshot);
            }
            long bytes = Files.size(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Delivery(snapshot.seriesCount(), bytes, 1, null, target.toString());
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
