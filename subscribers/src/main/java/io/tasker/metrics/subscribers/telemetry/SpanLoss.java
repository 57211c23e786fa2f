package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;

/**
 * Where every sampled span went, kept so that the sum always closes: spans ended = exported +
 * dropped (queue full, export failed, shutdown) + queued or in flight. The counts live in our
 * registry, so span loss syncs, exports and shows on the console's health page like any metric:
 * {@code tasker_telemetry_spans_exported_total}, {@code tasker_telemetry_spans_dropped_total{reason}},
 * {@code tasker_telemetry_export_failures_total}, and the gauge {@code tasker_telemetry_span_queue_size}.
 * The issue found the SDK's own drop counter wired to no meter provider and a full queue
 * dropping with no word at all.
 *
 * <p>Shutdown is where counting is hardest: when the last flush runs out of time, the spans not
 * yet exported, failed or in flight (queued, or taken into the processor's next batch) are
 * counted as {@code shutdown}, and exports the processor attempts after that are refused, so no
 * span is counted twice. Exports in flight then are counted when they end.
 */
final class SpanLoss {
    static final String QUEUE_FULL = "queue_full";
    static final String EXPORT_FAILED = "export_failed";
    static final String SHUTDOWN = "shutdown";

    private final Counter exportedCounter;
    private final Counter droppedCounter;
    private final Counter failuresCounter;
    private final Gauge queueGauge;

    private long ended;
    private long exported;
    private long inFlight;
    private long exportFailed;
    private long exportFailures;
    private long queueFull;
    private long shutdown;
    private long queued;
    private boolean closed;

    SpanLoss(MetricRegistry registry) {
        exportedCounter = Counter.builder("telemetry_spans_exported_total")
                .help("Spans the OTLP receiver accepted.")
                .register(registry);
        droppedCounter = Counter.builder("telemetry_spans_dropped_total")
                .help(
                        "Spans lost: the batch queue was full, the export failed after its retries, or shutdown ran out of time.")
                .labelNames("reason")
                .register(registry);
        failuresCounter = Counter.builder("telemetry_export_failures_total")
                .help("Span exports that failed after the exporter's retries.")
                .register(registry);
        queueGauge = Gauge.builder("telemetry_span_queue_size")
                .help("Spans waiting in the batch span processor's queue.")
                .register(registry);
        for (String reason : new String[] {QUEUE_FULL, EXPORT_FAILED, SHUTDOWN}) {
            droppedCounter.labels(
                    reason); // Present at zero, so that a dashboard sees the series before the first loss.
        }
    }

    /** A sampled span ended; once shut down, it is lost at once. */
    synchronized void ended(int spans) {
        ended += spans;
        if (closed) {
            drop(SHUTDOWN, spans);
        }
    }

    /** An export is about to start: false when shutdown already counted its spans, and it must not run. */
    synchronized boolean exportStarting(int spans) {
        if (closed) {
            return false;
        }
        inFlight += spans;
        return true;
    }

    synchronized void exportEnded(int spans, boolean success) {
        inFlight -= spans;
        if (success) {
            exported += spans;
            exportedCounter.inc(spans);
        } else {
            exportFailed += spans;
            exportFailures++;
            failuresCounter.inc();
            drop(EXPORT_FAILED, spans);
        }
    }

    /** The batch processor refused spans because its queue was full. */
    synchronized void queueFull(long spans) {
        queueFull += spans;
        drop(QUEUE_FULL, spans);
    }

    synchronized void queueSize(long spans) {
        queued = spans;
        queueGauge.set(spans);
    }

    /** Shutdown's flush is over, in time or not: what is neither done nor in flight now is lost. */
    synchronized void closed() {
        if (closed) {
            return;
        }
        closed = true;
        long rest = ended - exported - exportFailed - queueFull - shutdown - inFlight;
        drop(SHUTDOWN, rest);
    }

    private void drop(String reason, long spans) {
        if (spans <= 0) {
            return;
        }
        if (reason.equals(SHUTDOWN)) {
            shutdown += spans;
        }
        droppedCounter.labels(reason).inc(spans);
    }

    synchronized SpanStats stats() {
        return new SpanStats(ended, exported, queueFull, exportFailed, shutdown, exportFailures, queued, inFlight);
    }
}
