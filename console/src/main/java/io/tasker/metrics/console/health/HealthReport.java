package io.tasker.metrics.console.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tasker.metrics.console.db.DatabaseFile;
import io.tasker.metrics.console.history.HistoryService.HistoryStatus;
import io.tasker.metrics.console.service.Retention;
import io.tasker.metrics.events.SubscriberStats;
import java.time.Instant;
import java.util.List;

/**
 * {@code /health/status}: what a monitor needs in one call (metrics count, sync strategy,
 * last sync, cache health), the console's own (database and the size of its file, null when it
 * does not answer or is in memory; why it is not open yet while another console holds its file; exports), each event subscriber's
 * counts (handled, dropped, handler errors, queued), what became of the spans when traces are
 * on (null otherwise), and the history of values' last tick (with the series it could not store).
 */
public record HealthReport(
        String status,
        @JsonProperty("degraded_by") List<String> degradedBy,
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("metrics_count") int metricsCount,
        @JsonProperty("series_count") int seriesCount,
        @JsonProperty("sync_strategy") String syncStrategy,
        @JsonProperty("cache_store") String cacheStore,
        @JsonProperty("cache_healthy") boolean cacheHealthy,
        @JsonProperty("cache_error") String cacheError,
        @JsonProperty("last_sync") Instant lastSync,
        @JsonProperty("last_sync_error") String lastSyncError,
        @JsonProperty("sync_failure_streak") int syncFailureStreak,
        @JsonProperty("sync_failing") boolean syncFailing,
        @JsonProperty("database_healthy") boolean databaseHealthy,
        @JsonProperty("database_file") DatabaseFile databaseFile,
        @JsonProperty("database_waiting") String databaseWaiting,
        @JsonProperty("last_export") Instant lastExport,
        @JsonProperty("last_export_outcome") String lastExportOutcome,
        @JsonProperty("last_successful_export") Instant lastSuccessfulExport,
        @JsonProperty("export_stale") boolean exportStale,
        @JsonProperty("export_stale_threshold_seconds") long exportStaleThresholdSeconds,
        @JsonProperty("event_subscribers") List<SubscriberStats> eventSubscribers,
        @JsonProperty("telemetry") TelemetryHealth telemetry,
        @JsonProperty("retention") Retention.Report retention,
        @JsonProperty("history") HistoryStatus history) {}
