package io.tasker.metrics.subscribers.telemetry;

/**
 * What became of the sampled spans this process made, since its SDK started. The sum closes:
 * {@code ended = exported + dropped() + pending}, where pending spans are queued, taken into the
 * processor's next batch, or in flight.
 *
 * @param ended sampled spans ended
 * @param exported spans the receiver accepted
 * @param droppedQueueFull spans the batch processor refused because its queue
 *     ({@code OTEL_BSP_MAX_QUEUE_SIZE}) was full
 * @param droppedExportFailed spans in exports that failed for good (after the exporter's retries)
 * @param droppedShutdown spans not sent when shutdown's flush ran out of time, or ended after it
 * @param exportFailures exports that failed for good
 * @param queueSize spans waiting in the batch processor's queue, as last read
 * @param inFlight spans in exports not finished yet
 */
public record SpanStats(
        long ended,
        long exported,
        long droppedQueueFull,
        long droppedExportFailed,
        long droppedShutdown,
        long exportFailures,
        long queueSize,
        long inFlight) {
    /**
     * Every span dropped, whatever the reason.
     *
     * @return the sum of the three drop counts
     */
    public long dropped() {
        return droppedQueueFull + droppedExportFailed + droppedShutdown;
    }

    /**
     * Spans neither exported nor dropped yet: queued, batched, or in flight.
     *
     * @return ended less exported less dropped
     */
    public long pending() {
        return ended - exported - dropped();
    }
}
