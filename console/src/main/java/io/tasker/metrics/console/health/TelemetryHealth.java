package io.tasker.metrics.console.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tasker.metrics.subscribers.telemetry.SpanStats;

/**
 * What became of this console's spans (when it sends traces), in {@code /health/status}'s
 * spelling: a trace backend that was down shows here as spans dropped, not as silence.
 *
 * @param spansEnded sampled spans ended
 * @param spansExported spans the OTLP receiver accepted
 * @param droppedQueueFull spans refused by a full batch queue
 * @param droppedExportFailed spans in exports that failed after their retries
 * @param droppedShutdown spans not sent in time at shutdown
 * @param exportFailures exports that failed after their retries
 * @param queueSize spans waiting in the batch queue
 */
public record TelemetryHealth(
        @JsonProperty("spans_ended") long spansEnded,
        @JsonProperty("spans_exported") long spansExported,
        @JsonProperty("spans_dropped_queue_full") long droppedQueueFull,
        @JsonProperty("spans_dropped_export_failed") long droppedExportFailed,
        @JsonProperty("spans_dropped_shutdown") long droppedShutdown,
        @JsonProperty("export_failures") long exportFailures,
        @JsonProperty("queue_size") long queueSize) {

    static TelemetryHealth of(SpanStats s) {
        return new TelemetryHealth(
                s.ended(),
                s.exported(),
                s.droppedQueueFull(),
                s.droppedExportFailed(),
                s.droppedShutdown(),
                s.exportFailures(),
                s.queueSize());
    }

    /**
     * Every span dropped.
     *
     * @return the three drop counts together
     */
    public long dropped() {
        return droppedQueueFull + droppedExportFailed + droppedShutdown;
    }
}
