package io.tasker.metrics.export.remote;

/**
 * What one {@link RemoteWriteClient#push} did. Counts cover the requests the receiver accepted;
 * requests stop at the first that fails for good.
 *
 * <pre>{@code
 * RemoteWriteResult r = client.push(snapshot);
 * if (r.failed()) log.warn("remote write failed: {}", r.error());
 * }</pre>
 *
 * @param requests requests accepted
 * @param series series in them
 * @param samples samples in them (one per series)
 * @param uncompressedBytes their protobuf bytes before compression
 * @param sentBytes their bodies' bytes as sent, once per request however many attempts it took
 * @param attempts HTTP attempts over all requests, retries and the failed one included
 * @param skipped the endpoint could not be reached and {@code skip_if_unavailable} is on
 * @param error why the push stopped, or why it was skipped; null when every request was accepted
 */
public record RemoteWriteResult(
        int requests,
        int series,
        int samples,
        long uncompressedBytes,
        long sentBytes,
        int attempts,
        boolean skipped,
        String error) {

    /**
     * Every request was accepted (an empty snapshot needs none).
     *
     * @return true when neither skipped nor failed
     */
    public boolean success() {
        return !skipped && error == null;
    }

    /**
     * The push ended on an error; a skip is not a failure.
     *
     * @return true when not skipped and an error stopped it
     */
    public boolean failed() {
        return !skipped && error != null;
    }

    /**
     * Sent bytes over uncompressed bytes: 1.0 without compression, 0.1 for a tenfold gain.
     *
     * @return the ratio; 1.0 when nothing was sent
     */
    public double compressionRatio() {
        return uncompressedBytes == 0 ? 1.0 : (double) sentBytes / uncompressedBytes;
    }
}
