package io.tasker.metrics.config;

import java.time.Duration;

/**
 * How a pushed export is delivered, to a remote write endpoint or an OTLP receiver alike.
 *
 * <pre>{@code
 * Duration perAttempt = config.delivery().timeout();
 * }</pre>
 *
 * @param timeout {@code telemetry.prometheus.export_timeout}: each attempt's timeout
 * @param retryAttempts {@code telemetry.prometheus.retry_attempts}: retries of a failed request
 * @param batchSize {@code telemetry.prometheus.batch_size}: the most series per request
 * @param skipIfUnavailable {@code telemetry.prometheus.skip_if_unavailable}
 */
public record DeliveryConfig(Duration timeout, int retryAttempts, int batchSize, boolean skipIfUnavailable) {}
