package io.tasker.metrics.console.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tasker.metrics.Clock;
import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.export.ExportRetention;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What the console keeps on disk: the H2 export history ({@code console.history_retention}, 90
 * days) and the export files in the export directory ({@code telemetry.export_retention} and
 * {@code telemetry.export_max_files}). Pruned in batches by {@link ExportHistoryTick}, never on a
 * request; reported on the health page and in {@code /health/status}.
 *
 * <pre>{@code
 * Retention retention = new Retention(repository, Duration.ofDays(90), config.export().retention(), dir, clock);
 * retention.prune();
 * }</pre>
 */
public final class Retention {
    /** Rows deleted a statement, and statements a prune: a history left to grow for years is cut over a few ticks. */
    static final int ROWS_PER_BATCH = 1_000;

    static final int BATCHES_PER_PRUNE = 10;

    private final ExportHistoryRepository repository;
    private final Duration historyRetention;
    private final ExportRetention files;
    private final Path exportDirectory;
    private final Clock clock;
    private volatile Pruned last;

    public Retention(
            ExportHistoryRepository repository,
            Duration historyRetention,
            ExportRetention files,
            Path exportDirectory,
            Clock clock) {
        this.repository = repository;
        this.historyRetention = historyRetention;
        this.files = files;
        this.exportDirectory = exportDirectory;
        this.clock = clock;
    }

    /** What one prune removed, and when. */
    public record Pruned(
            Instant at,
            @JsonProperty("deleted_rows") long rows,
            @JsonProperty("deleted_files") int files) {}

    /**
     * What is kept now, for {@code /health/status} (as {@code retention}) and the health page.
     *
     * @param historyRows rows in the H2 history
     * @param historyOldest the oldest row's time, or null
     * @param historyRetention how long rows are kept, in days
     * @param exportFiles export files in the export directory
     * @param exportOldest the oldest one's modification time, or null
     * @param exportRetention how long files are kept, in days
     * @param exportMaxFiles how many files at most
     * @param lastPrune the last prune, or null before the first
     */
    public record Report(
            @JsonProperty("history_rows") long historyRows,
            @JsonProperty("history_oldest") Instant historyOldest,
            @JsonProperty("history_retention_days") long historyRetention,
            @JsonProperty("export_files") int exportFiles,
            @JsonProperty("export_oldest") Instant exportOldest,
            @JsonProperty("export_retention_days") long exportRetention,
            @JsonProperty("export_max_files") int exportMaxFiles,
            @JsonProperty("last_prune") Pruned lastPrune) {}

    /** Deletes history rows past their retention and export files past theirs, in batches. */
    public Pruned prune() {
        Instant now = clock.instant();
        long rows = 0;
        for (int i = 0; i < BATCHES_PER_PRUNE; i++) {
            int deleted = repository.deleteBefore(now.minus(historyRetention), ROWS_PER_BATCH);
            rows += deleted;
            if (deleted < ROWS_PER_BATCH) {
                break;
            }
        }
        int deletedFiles = files.prune(exportDirectory, now).deleted();
        last = new Pruned(now, rows, deletedFiles);
        return last;
    }

    public Report report() {
        ExportHistoryRepository.Extent history = repository.extent();
        ExportRetention.Survey survey = files.survey(exportDirectory);
        return new Report(
                history.rows(),
                history.oldest(),
                historyRetention.toDays(),
                survey.files(),
                survey.oldest(),
                files.maxAge().toDays(),
                files.maxFiles(),
                last);
    }
}
