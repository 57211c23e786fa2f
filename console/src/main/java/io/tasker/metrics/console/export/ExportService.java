package io.tasker.metrics.console.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.console.ConsoleMetrics;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.format.ExpositionFormats;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's exports: "Export now" into the export directory, the history in H2 (its own
 * exports and, imported from the shared store, those made by schedulers and CronJobs), the next
 * planned export, and staleness.
 */
public final class ExportService {
    /** The formats the console exports and downloads. */
    public static final List<String> FORMATS = List.of("prometheus", "json", "csv");
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    private final TaskerRuntime runtime;
    private final ExportHistoryRepository repository;
    private final ConsoleMetrics metrics;
    private final Clock clock;
    private final Duration staleThreshold;

    public ExportService(TaskerRuntime runtime, ExportHistoryRepository repository, ConsoleMetrics metrics, Clock clock) {
        this.runtime = runtime;
        this.repository = repository;
        this.metrics = metrics;
        this.clock = clock;
        this.staleThreshold = runtime.config().telemetry().staleExportThreshold();
    }

    public ExportHistoryRepository repository() {
        return repository;
    }

    /** Exports the cluster view into the export directory now; never throws. */
    public ExportRecord exportNow(String format) {
        String f = FORMATS.contains(format) ? format : runtime.config().telemetry().metricsFormat();
        FileDestination destination = new FileDestination(ExpositionFormats.byName(f),
                runtime.config().telemetry().exportDirectory(), null, clock);
        ExportRecord r = runtime.coordinator().exportNow(destination, "console");
        repository.save(r);
        metrics.exported(r);
        return r;
    }

    /** Brings exports made elsewhere into the H2 history; a store that cannot be read is logged. */
    public void importShared() {
        try {
            for (ExportRecord r : runtime.coordinator().history().list()) {
                if (repository.save(r)) {
                    metrics.exported(r);
                }
            }
        } catch (StoreException e) {
            LOG.debug("Cannot read the shared export history: {}", e.getMessage());
        }
    }

    public Optional<ExportRecord> last() {
        return repository.last();
    }

    /** When the next export should run and why, or empty when the store cannot tell. */
    public Optional<ExportTiming.Plan> nextPlan() {
        try {
            return Optional.of(runtime.coordinator().plan());
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    public Staleness staleness() {
        Optional<ExportRecord> last = repository.lastSuccess();
        Instant now = clock.instant();
        if (last.isEmpty()) {
            return new Staleness(true, null, null, staleThreshold);
        }
        Duration age = Duration.between(last.get().at(), now);
        return new Staleness(age.compareTo(staleThreshold) > 0, last.get().at(), age, staleThreshold);
    }
}
