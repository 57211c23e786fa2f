package io.tasker.metrics.export.otlp;

/**
 * What one {@link OtlpMetricsClient#push} did. Counts cover the requests the receiver accepted
 * in full; requests stop at the first that fails for good.
 *
 * @param requests requests accepted
 * @param series data points in them
 * @param uncompressedBytes their protobuf bytes before compression
 * @param sentBytes their bodies' bytes as sent, once per request however many attempts it took
 * @param attempts HTTP attempts over all requests, retries and the failed one included
 * @param skipped the receiver could not be reached and {@code skip_if_unavailable} is on
 * @param error why the push stopped, or why it was skipped; null when every request was accepted
 */
public record OtlpMetricsResult(
        int requests,
        long series,
        long uncompressedBytes,
        long sentBytes,
        int attempts,
        boolean skipped,
        String error) {
    /**
     * Whether it ended on an error (a skip is not a failure).
     *
     * @return true when the push failed
     */
    public boolean failed() {
        return !skipped && error != null;
    }
}
