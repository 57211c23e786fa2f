package io.tasker.metrics.console.service;

import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.Clock;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.ExportDestinations;
import io.tasker.metrics.format.ExpositionFormats;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.StoreException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's exports: "Export now" into the export directory or to the remote write endpoint, the history in H2 (its own
 * exports and, imported from the shared store, those made by schedulers and CronJobs), the next
 * planned export.
 */
public final class ExportService {
    /** The formats the console writes to files and offers as downloads. */
    public static final List<String> FILE_FORMATS = ExpositionFormats.NAMES;
    /** The formats the history can hold, whoever exported: files and remote write. */
    public static final List<String> HISTORY_FORMATS = ExportDestinations.NAMES;
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    private final TaskerRuntime runtime;
    private final ExportHistoryRepository repository;
    private final ConsoleMetrics metrics;
    private final Clock clock;

    public ExportService(TaskerRuntime runtime, ExportHistoryRepository repository, ConsoleMetrics metrics, Clock clock) {
        this.runtime = runtime;
        this.repository = repository;
        this.metrics = metrics;
        this.clock = clock;
    }

    public ExportHistoryRepository repository() {
        return repository;
    }

    /** What "Export now" offers: the file formats, and remote write when an endpoint is configured. */
    public List<String> exportFormats() {
        return ExportDestinations.remoteWriteConfigured(runtime.config()) ? HISTORY_FORMATS : FILE_FORMATS;
    }

    /**
     * The format selected at first: where the scheduler's exports go, so remote write when
     * {@code telemetry.metrics_format} is prometheus and an endpoint is configured.
     */
    public String defaultFormat() {
        String configured = runtime.config().telemetry().metricsFormat();
        boolean push = configured.equals("prometheus") && ExportDestinations.remoteWriteConfigured(runtime.config());
        return push ? ExportDestinations.REMOTE_WRITE : configured;
    }

    /**
     * Exports the cluster view now, without lock or timing: a file in the export directory, or a
     * push to the remote write endpoint; never throws.
     */
    public ExportRecord exportNow(String format) {
        String f = exportFormats().contains(format) ? format : defaultFormat();
        ExportDestination destination = f.equals(ExportDestinations.REMOTE_WRITE)
                ? ExportDestinations.remoteWrite(runtime.config())
                : ExportDestinations.file(runtime.config(), f, clock);
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
}
