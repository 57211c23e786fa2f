package io.tasker.metrics.console.service;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ExportDestinations;
import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.formats.ExpositionFormats;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    /**
     * The formats the history can hold, whoever exported: every name an export destination
     * takes, so openmetrics too, which the CLI's {@code export-now} writes.
     */
    public static final List<String> HISTORY_FORMATS = ExportDestinations.NAMES;
    /** How far ahead of this clock an export may be dated and still count: more is a wrong clock or a forgery. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    private final TaskerRuntime runtime;
    private final ExportHistoryRepository repository;
    private final ConsoleMetrics metrics;
    private final Clock clock;
    private Set<ExportRecord> lastImported = Set.of();

    public ExportService(
            TaskerRuntime runtime, ExportHistoryRepository repository, ConsoleMetrics metrics, Clock clock) {
        this.runtime = runtime;
        this.repository = repository;
        this.metrics = metrics;
        this.clock = clock;
    }

    public ExportHistoryRepository repository() {
        return repository;
    }

    /**
     * What "Export now" offers: the file formats, remote write when an endpoint is configured, and
     * OTLP when an OTLP receiver is meant ({@link ExportDestinations#otlpConfigured}).
     */
    public List<String> exportFormats() {
        List<String> formats = new ArrayList<>(FILE_FORMATS);
        if (ExportDestinations.remoteWriteConfigured(runtime.config())) {
            formats.add(ExportDestinations.REMOTE_WRITE);
        }
        if (ExportDestinations.otlpConfigured(runtime.config())) {
            formats.add(ExportDestinations.OTLP);
        }
        return List.copyOf(formats);
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
        ExportDestination destination = switch (f) {
            case ExportDestinations.REMOTE_WRITE -> ExportDestinations.remoteWrite(runtime.config());
            case ExportDestinations.OTLP -> ExportDestinations.otlp(runtime.config());
            default -> ExportDestinations.file(runtime.config(), f, clock);
        };
        ExportRecord r = runtime.coordinator().exportNow(destination, ExportTrigger.CONSOLE);
        repository.save(r);
        metrics.exported(r);
        return r;
    }

    /**
     * Brings exports made elsewhere into the H2 history; a store that cannot be read is logged.
     * Records seen by the previous import are not offered again, so a quiet tick writes nothing.
     * Synchronized: the tick and a caller that wants the history now ({@code Console.importHistory}) take turns.
     */
    public synchronized void importShared() {
        if (!repository.available()) {
            return; // Nothing is marked imported until the database is this console's.
        }
        try {
            List<ExportRecord> shared = runtime.coordinator().history().list();
            for (ExportRecord r : shared) {
                if (!lastImported.contains(r) && repository.save(r) && !fromTheFuture(r)) {
                    metrics.exported(r);
                }
            }
            lastImported = new HashSet<>(shared);
        } catch (StoreException e) {
            LOG.debug("Cannot read the shared export history: {}", e.getMessage());
        }
    }

    /** A record dated beyond clock skew ahead: kept in the history, kept out of the alert and its gauge. */
    private boolean fromTheFuture(ExportRecord r) {
        return r.at().isAfter(clock.instant().plus(MAX_CLOCK_SKEW));
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
