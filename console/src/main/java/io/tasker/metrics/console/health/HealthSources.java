package io.tasker.metrics.console.health;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.service.ExportService;
import io.tasker.metrics.console.service.Retention;
import io.tasker.metrics.console.service.SyncService;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.subscribers.telemetry.SpanStats;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the health checks look at, named: the health page reports on nearly every part of the
 * console, so it takes them as one value built where the console is wired, not as a dozen
 * constructor arguments in a row.
 *
 * @param sync the last sync
 * @param exports the last export and the export history
 * @param status staleness and the panels
 * @param views the cached cluster view
 * @param database the console's own database
 * @param store the shared store
 * @param own the console's own registry
 * @param events the console's event publisher
 * @param retention the export files' retention
 * @param spans the trace subscriber's counts, when traces are on
 * @param history the value history
 */
public record HealthSources(
        SyncService sync,
        ExportService exports,
        StatusService status,
        ViewCache views,
        Database database,
        CacheStore store,
        MetricRegistry own,
        EventPublisher events,
        Retention retention,
        Supplier<Optional<SpanStats>> spans,
        HistoryService history) {}
